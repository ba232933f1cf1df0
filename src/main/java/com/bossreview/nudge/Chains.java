package com.bossreview.nudge;

import java.time.Instant;
import org.jdbi.v3.core.Jdbi;

/** Chains of reminders (a period's {@link NudgePeriod#chainPattern()}), for the types' checks. */
public final class Chains {
    private Chains() {}

    /**
     * Whether a later reminder of the same chain as {@code n} is due too: after downtime, only the
     * newest is sent.
     */
    public static boolean superseded(Jdbi jdbi, Nudge n, Instant now) {
        return n.period()
                .chainPattern()
                .map(
                        chain ->
                                jdbi.withExtension(
                                        PlanDao.class,
                                        dao ->
                                                dao.laterDue(
                                                        n.teamId(),
                                                        n.userId(),
                                                        n.kind().name(),
                                                        chain,
                                                        n.dueAt(),
                                                        now,
                                                        n.id())))
                .orElse(false);
    }
}
