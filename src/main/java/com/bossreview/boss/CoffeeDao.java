package com.bossreview.boss;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** When each manager was last offered a coffee with their boss ({@code boss_coffee}). */
public interface CoffeeDao {
    /**
     * Claims the offer at {@code now} unless one was made after {@code cutoff}; of two concurrent
     * thanks only one claims it.
     *
     * @return 1 when this caller may offer it
     */
    @SqlUpdate(
            """
            INSERT INTO boss_coffee (team_id, user_id, offered_at) VALUES (:team, :user, :now)
            ON CONFLICT (team_id, user_id) DO UPDATE SET offered_at = :now, previous_at = boss_coffee.offered_at
            WHERE boss_coffee.offered_at <= :cutoff""")
    int claim(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("now") Instant now,
            @Bind("cutoff") Instant cutoff);

    /** Undoes the claim made at {@code at} (its DM failed): the offer before it counts again. */
    @SqlUpdate(
            """
            UPDATE boss_coffee SET offered_at = previous_at, previous_at = NULL
            WHERE team_id = :team AND user_id = :user AND offered_at = :at AND previous_at IS NOT NULL""")
    int restore(@Bind("team") String team, @Bind("user") String user, @Bind("at") Instant at);

    @SqlUpdate(
            """
            DELETE FROM boss_coffee
            WHERE team_id = :team AND user_id = :user AND offered_at = :at AND previous_at IS NULL""")
    int delete(@Bind("team") String team, @Bind("user") String user, @Bind("at") Instant at);

    /** When the manager was last offered a coffee (the export). */
    @SqlQuery("SELECT offered_at FROM boss_coffee WHERE team_id = :team AND user_id = :user")
    Optional<Instant> lastOffer(@Bind("team") String team, @Bind("user") String user);
}
