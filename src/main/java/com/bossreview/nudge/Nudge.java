package com.bossreview.nudge;

import java.time.Instant;
import java.util.Optional;

/** A stored occurrence as the dispatcher claims it. */
public record Nudge(long id, String teamId, String userId, NudgeKind kind, String period, Instant dueAt,
                    Optional<Long> refId, int attempts) {
    /** The period without a snooze suffix: {@code 2026-W48~s1} → {@code 2026-W48}. */
    public String basePeriod() {
        int tilde = period.indexOf('~');
        return tilde < 0 ? period : period.substring(0, tilde);
    }
}
