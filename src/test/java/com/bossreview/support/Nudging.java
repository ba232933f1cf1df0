package com.bossreview.support;

import com.bossreview.nudge.NudgeEngine;
import java.time.Duration;

/**
 * Steps an engine by hand, as db-scheduler's {@code ManualScheduler} does: claims and sends what is
 * due at the test clock's time, through the engine's own public steps, instead of its claim loop.
 */
public final class Nudging {
    /**
     * With a clock that does not move, a pace whose slots are spent frees none: stop after this.
     */
    private static final int MAX_IDLE_POLLS = 30;

    private Nudging() {}

    /**
     * Claims and sends until a claim finds nothing due (or only rows Slack asked to wait), waits
     * for every send, marks them; returns the rows claimed to be sent.
     */
    public static int drain(NudgeEngine engine) {
        int total = 0;
        int idle = 0;
        try {
            while (true) {
                NudgeEngine.Claim claim = engine.claimDue();
                if (!engine.awaitSent(Duration.ofMinutes(2))) {
                    throw new AssertionError("sends still under way after 2 minutes");
                }
                total += claim.claimed();
                if (claim.claimed() > 0) {
                    idle = 0;
                } else if (!claim.heldBack() || ++idle > MAX_IDLE_POLLS) {
                    return total;
                } else {
                    Thread.sleep(100); // the pace's next slot, in real time
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
