package com.bossreview.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Forecast.class)
public interface ForecastDao {
    String COLUMNS =
            "id, team_id, user_id, fiscal_year, quarter, amount, currency, note, recorded_at, shared_at, "
                    + "shared_with, told_via";

    @SqlUpdate(
            """
            INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, note, recorded_at)
            VALUES (:team, :user, :year, :quarter, :amount, :currency, :note, :now)""")
    @GetGeneratedKeys("id")
    long insert(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("year") int fiscalYear,
            @Bind("quarter") int quarter,
            @Bind("amount") BigDecimal amount,
            @Bind("currency") String currency,
            @Bind("note") String note,
            @Bind("now") Instant now);

    /** Only the manager's own forecast: a forged id from someone else finds nothing. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM forecast WHERE id = :id AND team_id = :team AND user_id = :user")
    Optional<Forecast> find(
            @Bind("team") String team, @Bind("user") String user, @Bind("id") long id);

    /**
     * A forecast as its recipient sees it: only one shared with {@code boss}, in this workspace.
     */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM forecast WHERE id = :id AND team_id = :team AND shared_with = :boss "
                    + "AND shared_at IS NOT NULL")
    Optional<Forecast> findSharedWith(
            @Bind("team") String team, @Bind("boss") String boss, @Bind("id") long id);

    /** Newest first, for one fiscal quarter. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM forecast WHERE team_id = :team AND user_id = :user "
                    + "AND fiscal_year = :year AND quarter = :quarter ORDER BY recorded_at DESC, id DESC")
    List<Forecast> inQuarter(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("year") int fiscalYear,
            @Bind("quarter") int quarter);

    /**
     * The manager's newest figure of any quarter: its currency is the one a figure typed without a
     * symbol takes.
     */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM forecast WHERE team_id = :team AND user_id = :user "
                    + "ORDER BY recorded_at DESC, id DESC LIMIT 1")
    Optional<Forecast> newest(@Bind("team") String team, @Bind("user") String user);

    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM forecast WHERE team_id = :team AND user_id = :user "
                    + "AND recorded_at > :since ORDER BY recorded_at, id")
    List<Forecast> recordedSince(
            @Bind("team") String team, @Bind("user") String user, @Bind("since") Instant since);

    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM forecast WHERE team_id = :team AND user_id = :user ORDER BY recorded_at, id")
    List<Forecast> all(@Bind("team") String team, @Bind("user") String user);

    /** Claims the right to send: of two concurrent clicks only one updates the row. */
    @SqlUpdate(
            """
            UPDATE forecast SET shared_at = :now, shared_with = :boss, told_via = 'DM'
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at IS NULL""")
    int claimShare(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("boss") String boss,
            @Bind("now") Instant now);

    /** Undoes a claim whose message could not be sent; fenced on the claim's time. */
    @SqlUpdate(
            """
            UPDATE forecast SET shared_at = NULL, shared_with = NULL, told_via = NULL
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at = :claimedAt""")
    int releaseShare(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("claimedAt") Instant claimedAt);

    /** The boss got the figure inside an agenda; a figure already told keeps the first telling. */
    @SqlUpdate(
            """
            UPDATE forecast SET shared_at = :at, shared_with = :boss, told_via = 'AGENDA'
            WHERE id = :id AND team_id = :team AND user_id = :user AND shared_at IS NULL""")
    int markToldByAgenda(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("boss") String boss,
            @Bind("at") Instant at);

    /**
     * The forecasts DMed to {@code boss}, shared in [{@code since}, {@code until}), newest first.
     */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM forecast WHERE team_id = :team AND shared_with = :boss AND told_via = 'DM' "
                    + "AND shared_at >= :since AND shared_at < :until "
                    + "ORDER BY shared_at DESC, id DESC LIMIT :limit")
    List<Forecast> sentTo(
            @Bind("team") String team,
            @Bind("boss") String boss,
            @Bind("since") Instant since,
            @Bind("until") Instant until,
            @Bind("limit") int limit);

    /** These forecasts, if they were told to {@code boss} in this workspace. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM forecast WHERE team_id = :team AND shared_with = :boss AND id IN (<ids>)")
    List<Forecast> toldToAmong(
            @Bind("team") String team,
            @Bind("boss") String boss,
            @org.jdbi.v3.sqlobject.customizer.BindList("ids") List<Long> ids);

    /** Each manager's last figure told to {@code boss} (in any way) for one fiscal quarter. */
    @SqlQuery(
            "SELECT DISTINCT ON (user_id) "
                    + COLUMNS
                    + " FROM forecast WHERE team_id = :team AND shared_with = :boss AND shared_at IS NOT NULL "
                    + "AND fiscal_year = :year AND quarter = :quarter "
                    + "ORDER BY user_id, shared_at DESC, id DESC")
    List<Forecast> lastToldTo(
            @Bind("team") String team,
            @Bind("boss") String boss,
            @Bind("year") int fiscalYear,
            @Bind("quarter") int quarter);

    /**
     * Every figure of the fiscal quarter {@code (years[i], quarters[i])} of each manager {@code
     * (teams[i], users[i])}, in recording order: the scorecard's downgrades, in one statement for a
     * whole batch.
     */
    @SqlQuery(
            """
            SELECT f.id, f.team_id, f.user_id, f.fiscal_year, f.quarter, f.amount, f.currency, f.note, f.recorded_at,
                   f.shared_at, f.shared_with, f.told_via
              FROM forecast f
              JOIN unnest(:teams, :users, :years, :quarters) AS k(t, u, y, q)
                ON f.team_id = k.t AND f.user_id = k.u AND f.fiscal_year = k.y AND f.quarter = k.q
             ORDER BY f.recorded_at, f.id""")
    List<Forecast> inQuarters(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("years") int[] fiscalYears,
            @Bind("quarters") int[] quarters);
}
