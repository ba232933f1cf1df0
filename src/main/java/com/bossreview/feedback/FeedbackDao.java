package com.bossreview.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The review_feedback table: one row per manager and held review week. */
@RegisterConstructorMapper(Feedback.class)
public interface FeedbackDao {
    String COLUMNS = "week, boss_user_id, boss_said, will_do, written_at";

    /** Submitting the modal again for the same week replaces what was written. */
    @SqlUpdate(
            """
            INSERT INTO review_feedback (team_id, user_id, week, boss_user_id, boss_said, will_do, written_at)
            VALUES (:team, :user, :week, :boss, :said, :will, :at)
            ON CONFLICT (team_id, user_id, week) DO UPDATE
               SET boss_user_id = excluded.boss_user_id, boss_said = excluded.boss_said,
                   will_do = excluded.will_do, written_at = excluded.written_at""")
    void save(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("week") String week,
            @Bind("boss") String boss,
            @Bind("said") String bossSaid,
            @Bind("will") String willDo,
            @Bind("at") Instant at);

    /** The newest review's feedback: the one the next agenda opens with. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM review_feedback WHERE team_id = :team AND user_id = :user"
                    + " ORDER BY week DESC LIMIT 1")
    Optional<Feedback> latest(@Bind("team") String team, @Bind("user") String user);

    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM review_feedback WHERE team_id = :team AND user_id = :user ORDER BY week")
    List<Feedback> all(@Bind("team") String team, @Bind("user") String user);
}
