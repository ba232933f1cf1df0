package com.bossreview.boss;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Who may DM whom ({@code boss_guard}) and the DMs of the last hour ({@code boss_dm_sent}). */
@RegisterConstructorMapper(BossGuardDao.Row.class)
public interface BossGuardDao {
    /** A manager's pair with one boss, for the export; {@code stoppedAt} null while DMs go. */
    record Row(String bossUserId, Instant stoppedAt) {}

    /** A send, as {@link #claim} decided it. */
    sealed interface Claim {
        record Claimed(long id) implements Claim {}

        record Stopped() implements Claim {}

        /** {@code window} holds the sends of the last hour, oldest first. */
        record Full(List<Instant> window) implements Claim {}
    }

    /**
     * Creates the pair if needed and locks it until the transaction ends; true when the boss
     * stopped it.
     */
    @SqlQuery(
            """
            INSERT INTO boss_guard (team_id, user_id, boss_user_id) VALUES (:team, :manager, :boss)
            ON CONFLICT (team_id, user_id, boss_user_id) DO UPDATE SET boss_user_id = EXCLUDED.boss_user_id
            RETURNING stopped_at IS NOT NULL""")
    boolean lockPair(
            @Bind("team") String team, @Bind("manager") String manager, @Bind("boss") String boss);

    @SqlUpdate(
            """
            DELETE FROM boss_dm_sent
            WHERE team_id = :team AND user_id = :manager AND boss_user_id = :boss AND sent_at <= :since""")
    int purge(
            @Bind("team") String team,
            @Bind("manager") String manager,
            @Bind("boss") String boss,
            @Bind("since") Instant since);

    @SqlQuery(
            """
            SELECT sent_at FROM boss_dm_sent
            WHERE team_id = :team AND user_id = :manager AND boss_user_id = :boss AND sent_at > :since
            ORDER BY sent_at""")
    List<Instant> window(
            @Bind("team") String team,
            @Bind("manager") String manager,
            @Bind("boss") String boss,
            @Bind("since") Instant since);

    @SqlQuery(
            """
            INSERT INTO boss_dm_sent (team_id, user_id, boss_user_id, sent_at) VALUES (:team, :manager, :boss, :at)
            RETURNING id""")
    long insert(
            @Bind("team") String team,
            @Bind("manager") String manager,
            @Bind("boss") String boss,
            @Bind("at") Instant at);

    /**
     * Claims one of the {@code limit} DMs per hour from {@code manager} to {@code boss} at {@code
     * at}, unless the boss stopped them. The pair's row lock makes the count and the claim one step
     * for every instance.
     */
    @Transaction
    default Claim claim(String team, String manager, String boss, Instant at, int limit) {
        if (lockPair(team, manager, boss)) {
            return new Claim.Stopped();
        }
        Instant since = at.minus(BossGuard.WINDOW);
        purge(team, manager, boss, since);
        List<Instant> window = window(team, manager, boss, since);
        if (window.size() >= limit) {
            return new Claim.Full(window);
        }
        return new Claim.Claimed(insert(team, manager, boss, at));
    }

    /** The DM did not go out: it uses none of the quota. */
    @SqlUpdate("DELETE FROM boss_dm_sent WHERE id = :id AND team_id = :team")
    int release(@Bind("team") String team, @Bind("id") long id);

    /**
     * @return 1 when this stopped the pair, 0 when it was already stopped
     */
    @Transaction
    default int stop(String team, String manager, String boss, Instant at) {
        lockPair(team, manager, boss);
        return setStopped(team, manager, boss, at);
    }

    @SqlUpdate(
            """
            UPDATE boss_guard SET stopped_at = :at
            WHERE team_id = :team AND user_id = :manager AND boss_user_id = :boss AND stopped_at IS NULL""")
    int setStopped(
            @Bind("team") String team,
            @Bind("manager") String manager,
            @Bind("boss") String boss,
            @Bind("at") Instant at);

    /**
     * @return 1 when this resumed the pair, 0 when it was not stopped
     */
    @SqlUpdate(
            """
            UPDATE boss_guard SET stopped_at = NULL
            WHERE team_id = :team AND user_id = :manager AND boss_user_id = :boss AND stopped_at IS NOT NULL""")
    int resume(
            @Bind("team") String team, @Bind("manager") String manager, @Bind("boss") String boss);

    /** Every boss this manager's DMs went to or were stopped by, for the export. */
    @SqlQuery(
            "SELECT boss_user_id, stopped_at FROM boss_guard WHERE team_id = :team AND user_id = :manager "
                    + "ORDER BY boss_user_id")
    List<Row> all(@Bind("team") String team, @Bind("manager") String manager);
}
