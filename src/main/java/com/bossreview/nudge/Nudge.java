package com.bossreview.nudge;

import com.bossreview.manager.ManagerKey;
import com.bossreview.time.IsoWeek;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored occurrence as the dispatcher claims it; {@code maybeSent} when an earlier attempt may
 * have reached Slack (its claimer vanished, or the call timed out), so sending it is a possible
 * duplicate.
 */
public record Nudge(
        long id,
        String teamId,
        String userId,
        NudgeKind kind,
        NudgePeriod period,
        Instant dueAt,
        Optional<Long> refId,
        int attempts,
        boolean maybeSent) {
    public ManagerKey manager() {
        return new ManagerKey(teamId, userId);
    }

    /**
     * The ISO week of a weekly review nudge (booking, prep, did it happen), snoozed or not.
     *
     * @throws IllegalStateException for a nudge that is not about a week
     */
    public IsoWeek week() {
        if (period.base() instanceof NudgePeriod.Week w) {
            return w.week();
        }
        throw new IllegalStateException(
                kind + " nudge " + id + " is not about a week: " + period.key());
    }
}
