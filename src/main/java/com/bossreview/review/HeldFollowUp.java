package com.bossreview.review;

import com.bossreview.manager.Manager;
import com.bossreview.slack.AfterAck;
import com.bossreview.time.IsoWeek;

/**
 * Starts {@link AfterHeld} after a manager's own marking, when it left the week held as they asked:
 * a first Held, or Held again (to give or replace the feedback). Booked or skip on a week already
 * held does not ask. Its failure is logged by {@link AfterAck}; the manager's answer about the
 * marking goes out on its own.
 */
final class HeldFollowUp {
    private final AfterHeld afterHeld;
    private final AfterAck afterAck;

    HeldFollowUp(AfterHeld afterHeld, AfterAck afterAck) {
        this.afterHeld = afterHeld;
        this.afterAck = afterAck;
    }

    void after(Manager m, IsoWeek week, Marking marking, String triggerId) {
        if (marking.requested() != ReviewState.HELD
                || !marking.after().equals(java.util.Optional.of(ReviewState.HELD))
                || triggerId == null
                || triggerId.isBlank()) {
            return;
        }
        afterAck.run("after held", () -> afterHeld.held(m, week, triggerId), reason -> {});
    }
}
