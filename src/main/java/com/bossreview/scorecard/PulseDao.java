package com.bossreview.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code pulse_answer} table: one private 1–5 answer per manager and month. */
public interface PulseDao {
    /** One month's answer; {@code month} is its first day. */
    record Answer(String teamId, String userId, LocalDate month, int score, Instant answeredAt) {}

    String COLUMNS = "team_id, user_id, month, score, answered_at";

    /**
     * The answer of {@code month}; a second click that month replaces the first.
     *
     * @return 1 when stored (inserted or replaced), 0 when the manager row is gone
     */
    @SqlUpdate(
            """
            INSERT INTO pulse_answer (team_id, user_id, month, score, answered_at)
            SELECT :team, :user, :month, :score, :at
              FROM manager WHERE team_id = :team AND user_id = :user
            ON CONFLICT (team_id, user_id, month) DO UPDATE SET score = :score, answered_at = :at""")
    int answer(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("month") LocalDate month,
            @Bind("score") int score,
            @Bind("at") Instant at);

    /** The latest {@code limit} answers, oldest first: the trend on the card. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM (SELECT * FROM pulse_answer WHERE team_id = :team AND user_id = :user"
                    + " ORDER BY month DESC LIMIT :limit) p ORDER BY month")
    @RegisterConstructorMapper(Answer.class)
    List<Answer> latest(
            @Bind("team") String team, @Bind("user") String user, @Bind("limit") int limit);

    /** The answers of the month {@code month} of these managers (a claim of pulse nudges). */
    @SqlQuery(
            "SELECT p.team_id, p.user_id, p.month, p.score, p.answered_at FROM pulse_answer p"
                    + " JOIN unnest(:teams, :users, :months) AS k(t, u, m)"
                    + " ON p.team_id = k.t AND p.user_id = k.u AND p.month = k.m::date")
    @RegisterConstructorMapper(Answer.class)
    List<Answer> answered(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("months") String[] months);

    /** Everything, oldest first: the export. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM pulse_answer WHERE team_id = :team AND user_id = :user ORDER BY month")
    @RegisterConstructorMapper(Answer.class)
    List<Answer> all(@Bind("team") String team, @Bind("user") String user);
}
