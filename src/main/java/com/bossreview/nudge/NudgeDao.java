package com.bossreview.nudge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code nudge} table as the engine sends it (planning and snoozing: {@link PlanDao}), and the
 * bookkeeping of who sends them: {@code dispatcher_heartbeat}.
 */
@RegisterConstructorMapper(Nudge.class)
@RegisterColumnMapper(NudgePeriod.Mapper.class)
@RegisterColumnMapper(NudgeKind.Mapper.class)
public interface NudgeDao {

    /**
     * Claims up to {@code limit} due rows for {@code instance}; rows locked by another dispatcher
     * are skipped, not waited for, and workspaces Slack asked us to slow down for are left out.
     */
    @SqlQuery(
            """
            UPDATE nudge SET state = 'CLAIMED', claimed_by = :instance, claimed_at = :now, attempts = attempts + 1
            WHERE id IN (SELECT id FROM nudge
                         WHERE state = 'PENDING' AND due_at <= :now AND NOT (team_id = ANY(:blocked))
                         ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING id, team_id, user_id, kind, period, due_at, ref_id, attempts, maybe_sent""")
    List<Nudge> claim(
            @Bind("instance") String instance,
            @Bind("now") Instant now,
            @Bind("limit") int limit,
            @Bind("blocked") String[] blockedTeams);

    /** A workspace with due rows, and how many. */
    record DueTeam(String teamId, int due) {}

    /**
     * The workspaces with rows due, most overdue first, leaving out {@code blocked} (paused on this
     * instance).
     */
    @SqlQuery(
            """
            SELECT team_id, count(*)::int AS due FROM nudge
            WHERE state = 'PENDING' AND due_at <= :now AND NOT (team_id = ANY(:blocked))
            GROUP BY team_id ORDER BY min(due_at) LIMIT :limit""")
    @RegisterConstructorMapper(DueTeam.class)
    List<DueTeam> dueTeams(
            @Bind("now") Instant now,
            @Bind("blocked") String[] blockedTeams,
            @Bind("limit") int limit);

    /**
     * Claims for {@code instance} up to {@code limits[i]} of the oldest due rows of {@code
     * teams[i]}; rows locked by another claim are skipped, not waited for.
     */
    @SqlQuery(
            """
            UPDATE nudge SET state = 'CLAIMED', claimed_by = :instance, claimed_at = :now, attempts = attempts + 1
            WHERE id IN (SELECT c.id FROM unnest(:teams, :limits) AS t(team_id, lim)
                         CROSS JOIN LATERAL (SELECT id FROM nudge n
                                             WHERE n.team_id = t.team_id AND n.state = 'PENDING' AND n.due_at <= :now
                                             ORDER BY n.due_at, n.id LIMIT t.lim FOR UPDATE SKIP LOCKED) c)
            RETURNING id, team_id, user_id, kind, period, due_at, ref_id, attempts, maybe_sent""")
    List<Nudge> claimPaced(
            @Bind("instance") String instance,
            @Bind("now") Instant now,
            @Bind("teams") String[] teams,
            @Bind("limits") int[] limits);

    /**
     * Renews the claim on a workspace's remaining rows after a slow stretch; returns the ids still
     * this dispatcher's.
     */
    @SqlQuery(
            """
            UPDATE nudge SET claimed_at = :now
            WHERE id = ANY(:ids) AND claimed_by = :instance AND state = 'CLAIMED' RETURNING id""")
    List<Long> renewAll(
            @Bind("ids") long[] ids, @Bind("instance") String instance, @Bind("now") Instant now);

    /** Fenced on the claimer: a dispatcher whose lease was taken over cannot mark the row. */
    @SqlUpdate(
            """
            UPDATE nudge SET state = 'SENT', sent_at = :now, outcome = :ts
            WHERE id = :id AND claimed_by = :instance AND state = 'CLAIMED'""")
    int markSent(
            @Bind("id") long id,
            @Bind("instance") String instance,
            @Bind("now") Instant now,
            @Bind("ts") String ts);

    /**
     * {@link #markSent} for many rows in one statement, each fenced the same way; returns the ids
     * it marked (a sent row missing from the answer had lost its claim: a possible duplicate).
     */
    @SqlQuery(
            """
            UPDATE nudge SET state = 'SENT', sent_at = to_timestamp(k.sent_ms / 1000.0), outcome = k.ts
            FROM unnest(:ids, :ts, :sentMs) AS k(id, ts, sent_ms)
            WHERE nudge.id = k.id AND nudge.claimed_by = :instance AND nudge.state = 'CLAIMED'
            RETURNING nudge.id""")
    List<Long> markAllSent(
            @Bind("ids") long[] ids,
            @Bind("ts") String[] ts,
            @Bind("sentMs") long[] sentMillis,
            @Bind("instance") String instance);

    /** {@link #markSkipped} for many rows in one statement. */
    @SqlUpdate(
            """
            UPDATE nudge SET state = 'SKIPPED', outcome = k.reason
            FROM unnest(:ids, :reasons) AS k(id, reason)
            WHERE nudge.id = k.id AND nudge.claimed_by = :instance AND nudge.state = 'CLAIMED'""")
    int markAllSkipped(
            @Bind("ids") long[] ids,
            @Bind("reasons") String[] reasons,
            @Bind("instance") String instance);

    @SqlUpdate(
            """
            UPDATE nudge SET state = 'SKIPPED', outcome = :reason
            WHERE id = :id AND claimed_by = :instance AND state = 'CLAIMED'""")
    int markSkipped(
            @Bind("id") long id, @Bind("instance") String instance, @Bind("reason") String reason);

    @SqlUpdate(
            """
            UPDATE nudge SET state = 'FAILED', outcome = :error
            WHERE id = :id AND claimed_by = :instance AND state = 'CLAIMED'""")
    int markFailed(
            @Bind("id") long id, @Bind("instance") String instance, @Bind("error") String error);

    /**
     * Back to the queue, to be tried again at {@code retryAt}; {@code countAttempt} false when
     * nothing was sent; {@code maybeSent} when Slack may have acted on the failed call (a timeout).
     */
    @SqlUpdate(
            """
            UPDATE nudge SET state = 'PENDING', claimed_by = NULL, claimed_at = NULL, due_at = :retryAt,
                   outcome = :why, attempts = attempts - CASE WHEN :countAttempt THEN 0 ELSE 1 END,
                   maybe_sent = maybe_sent OR :maybeSent
            WHERE id = :id AND claimed_by = :instance AND state = 'CLAIMED'""")
    int release(
            @Bind("id") long id,
            @Bind("instance") String instance,
            @Bind("retryAt") Instant retryAt,
            @Bind("why") String why,
            @Bind("countAttempt") boolean countAttempt,
            @Bind("maybeSent") boolean maybeSent);

    /**
     * Slack asked us to wait for a workspace: every instance's pending rows of it that would fall
     * due sooner wait too (the pause is shared through the database, not kept in one process's
     * memory).
     */
    @SqlUpdate(
            """
            UPDATE nudge SET due_at = :until
            WHERE team_id = :team AND state = 'PENDING' AND due_at < :until""")
    int deferTeam(@Bind("team") String team, @Bind("until") Instant until);

    /**
     * Claimed rows this dispatcher did not send (the database was away, or it is shutting down)
     * back to the queue, due at once, each only if it still carries the claim time given with it;
     * {@code maybeSent} those whose failed call may have reached Slack.
     */
    @SqlUpdate(
            """
            UPDATE nudge SET state = 'PENDING', claimed_by = NULL, claimed_at = NULL, attempts = attempts - 1,
                   maybe_sent = maybe_sent OR nudge.id = ANY(:maybeSent)
            FROM unnest(:ids, :claimedAtMicros) AS k(id, micros)
            WHERE nudge.id = k.id AND nudge.claimed_by = :instance AND nudge.state = 'CLAIMED'
            AND nudge.claimed_at = timestamptz 'epoch' + k.micros * interval '1 microsecond'""")
    int releaseUnsent(
            @Bind("ids") long[] ids,
            @Bind("claimedAtMicros") long[] claimedAtEpochMicros,
            @Bind("maybeSent") long[] maybeSent,
            @Bind("instance") String instance);

    /**
     * The rows of this dispatcher's claims made at {@code claimedAt} (whose transaction failed)
     * back to the queue.
     */
    @SqlUpdate(
            """
            UPDATE nudge SET state = 'PENDING', claimed_by = NULL, claimed_at = NULL, attempts = attempts - 1
            WHERE claimed_by = :instance AND state = 'CLAIMED'
            AND claimed_at IN (SELECT timestamptz 'epoch' + m * interval '1 microsecond' FROM unnest(:micros) m)""")
    int releaseClaimedAt(
            @Bind("micros") long[] claimedAtEpochMicros, @Bind("instance") String instance);

    /** All of a workspace's claimed rows back to the queue at once, when Slack asked us to wait. */
    @SqlUpdate(
            """
            UPDATE nudge SET state = 'PENDING', claimed_by = NULL, claimed_at = NULL, due_at = :retryAt,
                   outcome = 'ratelimited', attempts = attempts - 1
            WHERE id = ANY(:ids) AND claimed_by = :instance AND state = 'CLAIMED'""")
    int releaseAll(
            @Bind("ids") long[] ids,
            @Bind("instance") String instance,
            @Bind("retryAt") Instant retryAt);

    /**
     * Rows whose claimer vanished (crash, kill) go back to the queue after the lease; a row that
     * keeps taking its dispatcher down is given up after {@code maxAttempts}.
     */
    @SqlUpdate(
            """
            UPDATE nudge SET state = CASE WHEN attempts >= :maxAttempts THEN 'FAILED' ELSE 'PENDING' END,
                   claimed_by = NULL, claimed_at = NULL, outcome = 'lease expired', maybe_sent = true
            WHERE state = 'CLAIMED' AND claimed_at < :expiredBefore""")
    int recoverExpired(
            @Bind("expiredBefore") Instant expiredBefore, @Bind("maxAttempts") int maxAttempts);

    /** Up to {@code limit} finished rows due before {@code before}, deleted. */
    @SqlUpdate(
            """
            DELETE FROM nudge WHERE id IN (
                SELECT id FROM nudge WHERE state IN ('SENT', 'SKIPPED', 'FAILED') AND due_at < :before
                LIMIT :limit)""")
    int purgeFinished(@Bind("before") Instant before, @Bind("limit") int limit);

    /** Stops everything still to come for a manager whose Slack account is gone. */
    @SqlUpdate(
            """
            UPDATE nudge SET state = 'SKIPPED', outcome = :reason
            WHERE team_id = :team AND user_id = :user AND state = 'PENDING'""")
    int skipAllPending(
            @Bind("team") String team, @Bind("user") String user, @Bind("reason") String reason);

    @SqlUpdate(
            """
            INSERT INTO dispatcher_heartbeat (instance_id, ran_at) VALUES (:instance, :now)
            ON CONFLICT (instance_id) DO UPDATE SET ran_at = :now""")
    void heartbeat(@Bind("instance") String instance, @Bind("now") Instant now);

    /** When the next pending row falls due (may be past, for rows of a workspace being served). */
    @SqlQuery("SELECT min(due_at) FROM nudge WHERE state = 'PENDING'")
    Optional<Instant> nextDue();

    @SqlQuery("SELECT max(ran_at) FROM dispatcher_heartbeat")
    Optional<Instant> lastDispatcherRun();
}
