package com.bossreview.nudge;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterColumnMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The {@code nudge} table as planning and snoozing see it (the sending side is {@link NudgeDao}),
 * and {@code materializer_state}.
 */
@RegisterColumnMapper(NudgePeriod.Mapper.class)
@RegisterColumnMapper(NudgeKind.Mapper.class)
public interface PlanDao {
    /**
     * Plans occurrences; ones that exist already (same team, user, kind, period) are left alone.
     */
    @SqlBatch(
            """
            INSERT INTO nudge (team_id, user_id, kind, period, due_at, ref_id)
            VALUES (:teamId, :userId, :kind, :period, :dueAt, :refIdOrNull)
            ON CONFLICT (team_id, user_id, kind, period) DO NOTHING""")
    int[] plan(@BindMethods Collection<PlannedRow> rows);

    /** What {@link #plan} binds. */
    record PlannedRow(
            String teamId,
            String userId,
            String kind,
            String period,
            Instant dueAt,
            Long refIdOrNull) {
        static PlannedRow of(Occurrence o) {
            return new PlannedRow(
                    o.teamId(),
                    o.userId(),
                    o.kind().name(),
                    o.period().key(),
                    o.dueAt(),
                    o.refId().orElse(null));
        }
    }

    /** Before re-planning after a settings change: the periodic nudges still to come. */
    @SqlUpdate(
            """
            DELETE FROM nudge WHERE team_id = :team AND user_id = :user AND state = 'PENDING'
            AND kind IN (<kinds>) AND due_at > :now AND strpos(period, :snoozeMark) = 0""")
    int deletePending(
            @Bind("team") String team,
            @Bind("user") String user,
            @BindList("kinds") List<String> kinds,
            @Bind("now") Instant now,
            @Bind("snoozeMark") String snoozeMark);

    /** The planned periodic nudges still to come, not the snoozed ones (their snooze stays). */
    default int deletePending(String team, String user, List<String> kinds, Instant now) {
        return deletePending(team, user, kinds, now, NudgePeriod.SNOOZE_MARK);
    }

    /**
     * Whether a later reminder of the same chain is due too: after downtime, only the newest is
     * sent.
     */
    @SqlQuery(
            """
            SELECT EXISTS (SELECT 1 FROM nudge WHERE team_id = :team AND user_id = :user AND kind = :kind
                           AND period LIKE :chain AND due_at > :due AND due_at <= :now AND id <> :id)""")
    boolean laterDue(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("kind") String kind,
            @Bind("chain") String chainPattern,
            @Bind("due") Instant due,
            @Bind("now") Instant now,
            @Bind("id") long id);

    /**
     * The manager's own nudge {@code id} again at {@code due}, as a new occurrence of the same kind
     * and row with the period {@code snoozed}; nothing when the nudge is not theirs, or when that
     * occurrence exists already.
     */
    @SqlUpdate(
            """
            INSERT INTO nudge (team_id, user_id, kind, period, due_at, ref_id)
            SELECT team_id, user_id, kind, :snoozed, :due, ref_id
            FROM nudge WHERE id = :id AND team_id = :team AND user_id = :user
            ON CONFLICT (team_id, user_id, kind, period) DO NOTHING""")
    int snooze(
            @Bind("team") String team,
            @Bind("user") String user,
            @Bind("id") long id,
            @Bind("snoozed") String snoozed,
            @Bind("due") Instant due);

    /** A manager's own nudge as a snooze reads it. */
    record Own(NudgeKind kind, NudgePeriod period) {}

    /** The kind and period of the manager's own nudge {@code id}; empty when it is not theirs. */
    @SqlQuery(
            "SELECT kind, period FROM nudge WHERE id = :id AND team_id = :team AND user_id = :user")
    @RegisterConstructorMapper(Own.class)
    Optional<Own> own(@Bind("team") String team, @Bind("user") String user, @Bind("id") long id);

    /** Up to where the materializer has planned; empty before its first run. */
    @SqlQuery("SELECT planned_to FROM materializer_state WHERE id = 1")
    Optional<Instant> plannedTo();

    /** Never moves back: of two instances planning at once, the one further ahead wins. */
    @SqlUpdate(
            """
            INSERT INTO materializer_state (id, planned_to) VALUES (1, :to)
            ON CONFLICT (id) DO UPDATE SET planned_to = greatest(materializer_state.planned_to, excluded.planned_to)""")
    void plannedUpTo(@Bind("to") Instant to);
}
