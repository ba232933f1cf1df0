package com.bossreview.boss;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Which bosses of a workspace have had bossreview introduced ({@code boss_intro}). */
interface BossIntroDao {
    /**
     * @return 1 when this caller's DM is the boss's first and must carry the introduction, else 0
     */
    @SqlUpdate(
            """
            INSERT INTO boss_intro (team_id, boss_user_id, user_id, introduced_at) VALUES (:team, :boss, :manager, :at)
            ON CONFLICT (team_id, boss_user_id) DO NOTHING""")
    int claim(
            @Bind("team") String team,
            @Bind("boss") String boss,
            @Bind("manager") String manager,
            @Bind("at") Instant at);

    /**
     * The introducing DM did not go out: the next DM to this boss introduces bossreview instead.
     */
    @SqlUpdate(
            """
            DELETE FROM boss_intro
            WHERE team_id = :team AND boss_user_id = :boss AND user_id = :manager AND introduced_at = :at""")
    int release(
            @Bind("team") String team,
            @Bind("boss") String boss,
            @Bind("manager") String manager,
            @Bind("at") Instant at);
}
