package com.bossreview.nudge;

import java.time.Instant;
import java.util.Optional;

/**
 * A stored occurrence as the dispatcher claims it; {@code maybeSent} when an earlier attempt may have
 * reached Slack (its claimer vanished, or the call timed out), so sending it is a possible duplicate.
 */
public record Nudge(long id, String teamId, String userId, NudgeKind kind, String period, Instant dueAt,
                    Optional<Long> refId, int attempts, boolean maybeSent) {
    /** The period without a snooze suffix: {@code 2026-W48~s1} → {@code 2026-W48}. */
    public String basePeriod() {
        int tilde = period.indexOf('~');
        return tilde < 0 ? period : period.substring(0, tilde);
    }
}
