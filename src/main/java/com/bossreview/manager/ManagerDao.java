package com.bossreview.manager;

import com.bossreview.forecast.Currency;
import com.bossreview.time.PrimeHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code manager} table: every statement that reads or writes it is here. A manager is read as
 * {@link #COLUMNS}, which is what {@link ManagerMapper} maps.
 */
@RegisterRowMapper(ManagerMapper.class)
public interface ManagerDao {
    /** The columns {@link ManagerMapper} reads: every read of a {@link Manager} selects these. */
    String COLUMNS =
            "team_id, user_id, boss_user_id, time_zone, zone_checked_at, zone_explicit, review_day, review_time, "
                    + "coalesce(prime_hours, default_prime_hours, '"
                    + PrimeHours.DEFAULT_TEXT
                    + "') AS prime_hours, "
                    + "coalesce(fiscal_start_month, default_fiscal_start_month, 1) AS fiscal_start_month, "
                    + "booking_nudge_day, booking_nudge_time, bad_news_after_minutes, "
                    + "quarter_nudge_days, prep_lead_days, nudges_enabled, paused_until, created_at, locale";

    /**
     * What {@link #COLUMNS} are read from: a manager's prime hours and fiscal-year start are their
     * own, else their workspace's defaults ({@code settings workspace}, table owned by {@code
     * settings/WorkspaceDefaultsDao}, read here so every read of a manager sees the values in
     * force), else bossreview's.
     */
    String FROM = " FROM manager m LEFT JOIN workspace_defaults USING (team_id)";

    String SELECT = "SELECT " + COLUMNS + FROM;

    /**
     * Which of a manager's values are their own rather than their workspace's or bossreview's; the
     * currency as set ({@code settings currency}), null when not.
     */
    record Own(boolean primeHours, boolean fiscalStart, String currencyCode) {
        public static final Own NONE = new Own(false, false, null);

        public Optional<Currency> currency() {
            return Optional.ofNullable(currencyCode).map(Currency::valueOf);
        }
    }

    /**
     * Managers who can be nudged: a boss set and nudges on. Their workspace must also not have
     * uninstalled bossreview, which only its owner ({@code install/}) knows: the caller passes
     * those workspaces as {@code :uninstalled}.
     */
    String NUDGEABLE =
            "boss_user_id IS NOT NULL AND nudges_enabled AND NOT (team_id = ANY(:uninstalled))";

    /** Who a manager is, for answers about many managers at once. */
    record Key(String teamId, String userId) {}

    @SqlUpdate(
            """
            INSERT INTO manager (team_id, user_id, created_at) VALUES (:team, :user, :now)
            ON CONFLICT (team_id, user_id) DO NOTHING""")
    void insertIfMissing(
            @Bind("team") String team, @Bind("user") String user, @Bind("now") Instant now);

    @SqlQuery(SELECT + " WHERE team_id = :team AND user_id = :user")
    Optional<Manager> find(@Bind("team") String team, @Bind("user") String user);

    /**
     * The managers among {@code (teams[i], users[i])} that exist, in one statement for a whole
     * batch.
     */
    @SqlQuery(SELECT + " JOIN unnest(:teams, :users) AS k(t, u) ON team_id = k.t AND user_id = k.u")
    List<Manager> findAll(@Bind("teams") String[] teams, @Bind("users") String[] users);

    /**
     * Serialises changes to one manager's rows elsewhere (their weeks); empty when there is no such
     * manager.
     */
    @SqlQuery("SELECT 1 FROM manager WHERE team_id = :team AND user_id = :user FOR UPDATE")
    Optional<Integer> lock(@Bind("team") String team, @Bind("user") String user);

    @RegisterConstructorMapper(Own.class)
    @SqlQuery(
            """
            SELECT prime_hours IS NOT NULL AS prime_hours, fiscal_start_month IS NOT NULL AS fiscal_start,
                   currency AS currency_code
            FROM manager WHERE team_id = :team AND user_id = :user""")
    Optional<Own> own(@Bind("team") String team, @Bind("user") String user);

    /**
     * The prime hours in force for {@code user}, also before they are a manager: the workspace's or
     * bossreview's then.
     */
    @SqlQuery(
            """
            SELECT coalesce((SELECT prime_hours FROM manager WHERE team_id = :team AND user_id = :user),
                            (SELECT default_prime_hours FROM workspace_defaults WHERE team_id = :team),
                            '"""
                    + PrimeHours.DEFAULT_TEXT
                    + "')")
    String primeHours(@Bind("team") String team, @Bind("user") String user);

    /**
     * The managers of {@code team} who follow the workspace's prime hours or fiscal-year start (no
     * value of their own): a change of the workspace's re-plans their nudges.
     */
    @SqlQuery(
            """
            SELECT user_id FROM manager WHERE team_id = :team
            AND ((:prime AND prime_hours IS NULL) OR (:fiscal AND fiscal_start_month IS NULL))
            ORDER BY user_id""")
    List<String> following(
            @Bind("team") String team,
            @Bind("prime") boolean primeHours,
            @Bind("fiscal") boolean fiscalStart);

    @SqlQuery("SELECT time_zone FROM manager WHERE team_id = :team AND user_id = :user")
    Optional<String> zone(@Bind("team") String team, @Bind("user") String user);

    /** One page of the nudgeable managers, in key order after {@code (afterTeam, afterUser)}. */
    @SqlQuery(
            SELECT
                    + " WHERE "
                    + NUDGEABLE
                    + " AND (team_id, user_id) > (:t, :u) ORDER BY team_id, user_id LIMIT :n")
    List<Manager> nudgeableAfter(
            @Bind("t") String afterTeam,
            @Bind("u") String afterUser,
            @Bind("n") int limit,
            @Bind("uninstalled") String[] uninstalled);

    @SqlQuery(SELECT + " WHERE team_id = :t AND user_id = :u AND " + NUDGEABLE)
    Optional<Manager> findNudgeable(
            @Bind("t") String team,
            @Bind("u") String user,
            @Bind("uninstalled") String[] uninstalled);

    @SqlQuery(SELECT + " WHERE team_id IN (<teams>) AND " + NUDGEABLE)
    List<Manager> nudgeableIn(
            @BindList("teams") Collection<String> teams, @Bind("uninstalled") String[] uninstalled);

    /**
     * Takes this month's socialising tip, in one statement, for those of {@code (teams[i],
     * users[i])} who have not had one since {@code monthAgo}; returns who took it.
     */
    @RegisterConstructorMapper(Key.class)
    @SqlQuery(
            """
            UPDATE manager SET social_tip_at = :now FROM unnest(:teams, :users) AS k(t, u)
            WHERE team_id = k.t AND user_id = k.u
            AND (social_tip_at IS NULL OR social_tip_at < :monthAgo)
            RETURNING team_id, user_id""")
    List<Key> takeSocialTips(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("now") Instant now,
            @Bind("monthAgo") Instant monthAgo);

    @SqlUpdate("UPDATE manager SET boss_user_id = :boss WHERE team_id = :team AND user_id = :user")
    int setBoss(@Bind("team") String team, @Bind("user") String user, @Bind("boss") String boss);

    /** Skipped when the manager chose their zone themselves. */
    @SqlUpdate(
            """
            UPDATE manager SET time_zone = :zone, zone_checked_at = :at
            WHERE team_id = :team AND user_id = :user AND NOT zone_explicit""")
    int setZoneFromProfile(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("zone") String zone,
            @Bind("at") Instant at);

    @SqlUpdate("UPDATE manager SET locale = :locale WHERE team_id = :team AND user_id = :user")
    int setLocale(
            @Bind("team") String team, @Bind("user") String user, @Bind("locale") String locale);

    @SqlUpdate(
            """
            UPDATE manager SET time_zone = :zone, zone_checked_at = :at, zone_explicit = true
            WHERE team_id = :team AND user_id = :user""")
    int setZoneExplicitly(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("zone") String zone,
            @Bind("at") Instant at);

    @SqlUpdate(
            "UPDATE manager SET review_day = :day, review_time = :time WHERE team_id = :team AND user_id = :user")
    int setReviewSlot(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("day") int isoDay,
            @Bind("time") LocalTime time);

    /** {@code prime}: {@code null} follows the workspace's again. */
    @SqlUpdate("UPDATE manager SET prime_hours = :prime WHERE team_id = :team AND user_id = :user")
    int setPrimeHours(
            @Bind("team") String team, @Bind("user") String user, @Bind("prime") String prime);

    /** {@code month}: {@code null} follows the workspace's again. */
    /** {@code settings currency}: null follows the previous figure, then the workspace. */
    @SqlUpdate("UPDATE manager SET currency = :currency WHERE team_id = :team AND user_id = :user")
    int setCurrency(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("currency") String currencyOrNull);

    @SqlUpdate(
            "UPDATE manager SET fiscal_start_month = :month WHERE team_id = :team AND user_id = :user")
    int setFiscalStart(
            @Bind("team") String team, @Bind("user") String user, @Bind("month") Integer month);

    @SqlUpdate(
            """
            UPDATE manager SET booking_nudge_day = :day, booking_nudge_time = :time
            WHERE team_id = :team AND user_id = :user""")
    int setBookingNudge(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("day") int isoDay,
            @Bind("time") LocalTime time);

    /** {@code settings crm-threshold}: the least amount of a deal whose change is news. */
    @SqlUpdate(
            "UPDATE manager SET crm_threshold = :amount WHERE team_id = :team AND user_id = :user")
    int setCrmThreshold(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("amount") java.math.BigDecimal amount);

    /** The CRM settings as stored: lists comma-separated, NULL where never set. */
    record CrmRow(java.math.BigDecimal crmThreshold, String crmOwners, String crmCommitStages) {}

    @SqlQuery(
            """
            SELECT crm_threshold, crm_owners, crm_commit_stages FROM manager
            WHERE team_id = :team AND user_id = :user""")
    @RegisterConstructorMapper(CrmRow.class)
    Optional<CrmRow> crmSettings(@Bind("team") String team, @Bind("user") String user);

    /** {@code settings crm-owners}: null clears the list. */
    @SqlUpdate("UPDATE manager SET crm_owners = :owners WHERE team_id = :team AND user_id = :user")
    int setCrmOwners(
            @Bind("team") String team, @Bind("user") String user, @Bind("owners") String owners);

    /** {@code settings crm-commit-stages}: null goes back to the forecast category. */
    @SqlUpdate(
            "UPDATE manager SET crm_commit_stages = :stages WHERE team_id = :team AND user_id = :user")
    int setCrmCommitStages(
            @Bind("team") String team, @Bind("user") String user, @Bind("stages") String stages);

    @SqlUpdate(
            "UPDATE manager SET bad_news_after_minutes = :minutes WHERE team_id = :team AND user_id = :user")
    int setBadNewsAfter(
            @Bind("team") String team, @Bind("user") String user, @Bind("minutes") int minutes);

    @SqlUpdate(
            "UPDATE manager SET quarter_nudge_days = :days WHERE team_id = :team AND user_id = :user")
    int setQuarterNudgeDays(
            @Bind("team") String team, @Bind("user") String user, @Bind("days") String days);

    @SqlUpdate(
            "UPDATE manager SET prep_lead_days = :days WHERE team_id = :team AND user_id = :user")
    int setPrepLead(@Bind("team") String team, @Bind("user") String user, @Bind("days") int days);

    @SqlUpdate("UPDATE manager SET nudges_enabled = :on WHERE team_id = :team AND user_id = :user")
    int setNudgesEnabled(
            @Bind("team") String team, @Bind("user") String user, @Bind("on") boolean on);

    @SqlUpdate("UPDATE manager SET paused_until = :until WHERE team_id = :team AND user_id = :user")
    int setPausedUntil(
            @Bind("team") String team, @Bind("user") String user, @Bind("until") LocalDate until);

    @SqlUpdate("DELETE FROM manager WHERE team_id = :team AND user_id = :user")
    int delete(@Bind("team") String team, @Bind("user") String user);

    /**
     * Everything of every manager of these workspaces: the other tables cascade from {@code
     * manager}.
     */
    @SqlUpdate("DELETE FROM manager WHERE team_id IN (<teams>)")
    int deleteAllOf(@BindList("teams") Collection<String> teams);
}
