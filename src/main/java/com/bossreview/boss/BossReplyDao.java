package com.bossreview.boss;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The boss's answers ({@code boss_reply}); a subject is bound as three ids of which one is set. */
@RegisterConstructorMapper(BossReplyDao.Row.class)
public interface BossReplyDao {
    /** One answer, for the export and for "you already answered". */
    record Row(
            String bossUserId,
            Long newsId,
            Long forecastId,
            Long agendaId,
            BossReply reply,
            Optional<String> question,
            Instant answeredAt) {
        public Subject subject() {
            return newsId != null
                    ? Subject.news(newsId)
                    : forecastId != null ? Subject.forecast(forecastId) : Subject.agenda(agendaId);
        }
    }

    String COLUMNS = "boss_user_id, news_id, forecast_id, agenda_id, reply, question, answered_at";

    /**
     * Records an answer before the manager is told. A second closing answer (Thanks, Let's talk) to
     * the same thing conflicts with the first and inserts nothing: of two clicks, one wins.
     *
     * @return the new row's id, or empty when the thing already has its closing answer
     */
    @SqlQuery(
            """
            INSERT INTO boss_reply (team_id, user_id, boss_user_id, news_id, forecast_id, agenda_id, reply, question,
                                    answered_at)
            VALUES (:team, :manager, :boss, :news, :forecast, :agenda, :reply, :question, :at)
            ON CONFLICT DO NOTHING
            RETURNING id""")
    Optional<Long> claim(
            @Bind("team") String team,
            @Bind("manager") String manager,
            @Bind("boss") String boss,
            @Bind("news") Long newsId,
            @Bind("forecast") Long forecastId,
            @Bind("agenda") Long agendaId,
            @Bind("reply") BossReply reply,
            @Bind("question") String question,
            @Bind("at") Instant at);

    /** Undoes {@link #claim} when the manager could not be told. */
    @SqlUpdate("DELETE FROM boss_reply WHERE id = :id AND team_id = :team")
    int release(@Bind("team") String team, @Bind("id") long id);

    /** The Thanks or Let's talk already recorded for this thing, if any. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM boss_reply WHERE team_id = :team AND final "
                    + "AND (news_id = :news OR forecast_id = :forecast OR agenda_id = :agenda)")
    Optional<Row> closingAnswer(
            @Bind("team") String team,
            @Bind("news") Long newsId,
            @Bind("forecast") Long forecastId,
            @Bind("agenda") Long agendaId);

    /** Every answer to what this manager sent, oldest first. */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM boss_reply WHERE team_id = :team AND user_id = :manager "
                    + "ORDER BY answered_at, id")
    List<Row> all(@Bind("team") String team, @Bind("manager") String manager);

    /**
     * The closing answers {@code boss} gave in {@code team} since {@code since} (answers come after
     * what they answer, so this covers everything sent since then).
     */
    @SqlQuery(
            "SELECT "
                    + COLUMNS
                    + " FROM boss_reply WHERE team_id = :team AND boss_user_id = :boss AND final "
                    + "AND answered_at >= :since")
    List<Row> closingAnswersBy(
            @Bind("team") String team, @Bind("boss") String boss, @Bind("since") Instant since);

    /** One answer the boss gave a manager, for counting. */
    record Answer(String teamId, String userId, BossReply reply, Instant answeredAt) {}

    /**
     * The answers each manager {@code (teams[i], users[i])} got from {@code fromMicros[i]} (epoch
     * microseconds) up to {@code to}: the scorecard's acknowledgements, in one statement for a
     * whole batch.
     */
    @SqlQuery(
            """
            SELECT r.team_id, r.user_id, r.reply, r.answered_at FROM boss_reply r
              JOIN unnest(:teams, :users, :fromMicros) AS k(t, u, f) ON r.team_id = k.t AND r.user_id = k.u
             WHERE r.answered_at >= timestamptz 'epoch' + k.f * interval '1 microsecond' AND r.answered_at < :to""")
    @RegisterConstructorMapper(Answer.class)
    List<Answer> answeredBetween(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("fromMicros") long[] fromMicros,
            @Bind("to") Instant to);
}
