package com.bossreview.agenda;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface AgendaDao {
    record SentAgenda(Instant sentAt, String sentTo, String body) {}

    @SqlQuery(
            "SELECT sent_at, sent_to, body FROM agenda_sent WHERE team_id = :team AND user_id = :user ORDER BY sent_at")
    @RegisterConstructorMapper(SentAgenda.class)
    List<SentAgenda> all(@Bind("team") String team, @Bind("user") String user);

    /** An agenda as the boss it was sent to answers it. */
    record SentTo(long id, String userId, Optional<String> week, Instant sentAt) {}

    /**
     * Claims the sending of the agenda of {@code week}: of two clicks only one inserts the row.
     *
     * @return the new row's id (the boss's buttons name it) when this caller claimed it, empty when
     *     that week's agenda was already sent (or is being sent)
     */
    @SqlQuery(
            """
            INSERT INTO agenda_sent (team_id, user_id, week, sent_at, sent_to, body)
            VALUES (:team, :user, :week, :at, :boss, :body)
            ON CONFLICT (team_id, user_id, week) WHERE week IS NOT NULL DO NOTHING
            RETURNING id""")
    Optional<Long> claim(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("week") String week,
            @Bind("at") Instant at,
            @Bind("boss") String boss,
            @Bind("body") String body);

    @SqlQuery(
            "SELECT sent_at, sent_to, body FROM agenda_sent WHERE team_id = :team AND user_id = :user AND week = :week")
    @RegisterConstructorMapper(SentAgenda.class)
    Optional<SentAgenda> sentFor(
            @Bind("team") String team, @Bind("user") String user, @Bind("week") String week);

    /**
     * Only an agenda sent to {@code boss} in this workspace: a forged id or someone else's click
     * finds nothing.
     */
    @SqlQuery(
            "SELECT id, user_id, week, sent_at FROM agenda_sent WHERE id = :id AND team_id = :team AND sent_to = :boss")
    @RegisterConstructorMapper(SentTo.class)
    Optional<SentTo> sentTo(
            @Bind("team") String team, @Bind("boss") String boss, @Bind("id") long id);

    /** Undoes a claim whose DM did not go out; only the claim made at {@code at}. */
    @SqlUpdate(
            "DELETE FROM agenda_sent WHERE team_id = :team AND user_id = :user AND week = :week AND sent_at = :at")
    int release(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("week") String week,
            @Bind("at") Instant at);

    /** The agendas sent to {@code boss} in [{@code since}, {@code until}), newest first. */
    @SqlQuery(
            """
            SELECT id, user_id, week, sent_at FROM agenda_sent
            WHERE team_id = :team AND sent_to = :boss AND sent_at >= :since AND sent_at < :until
            ORDER BY sent_at DESC, id DESC LIMIT :limit""")
    @RegisterConstructorMapper(SentTo.class)
    List<SentTo> sentToBoss(
            @Bind("team") String team,
            @Bind("boss") String boss,
            @Bind("since") Instant since,
            @Bind("until") Instant until,
            @Bind("limit") int limit);

    /** When a manager sent an agenda, for counting. */
    record Sending(String teamId, String userId, Instant sentAt) {}

    /**
     * The agendas each manager {@code (teams[i], users[i])} sent from {@code fromMicros[i]} (epoch
     * microseconds) up to {@code to}: the scorecard's count, in one statement for a whole batch.
     */
    @SqlQuery(
            """
            SELECT a.team_id, a.user_id, a.sent_at FROM agenda_sent a
              JOIN unnest(:teams, :users, :fromMicros) AS k(t, u, f) ON a.team_id = k.t AND a.user_id = k.u
             WHERE a.sent_at >= timestamptz 'epoch' + k.f * interval '1 microsecond' AND a.sent_at < :to""")
    @RegisterConstructorMapper(Sending.class)
    List<Sending> sentBetween(
            @Bind("teams") String[] teams,
            @Bind("users") String[] users,
            @Bind("fromMicros") long[] fromMicros,
            @Bind("to") Instant to);
}
