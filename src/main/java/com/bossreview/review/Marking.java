package com.bossreview.review;

import com.bossreview.time.IsoWeek;
import java.util.Optional;

/**
 * What asking to mark a week as {@code requested} did: the week's state before and after, and the
 * streak once it was done.
 */
public record Marking(
        IsoWeek week,
        ReviewState requested,
        Optional<ReviewState> before,
        Optional<ReviewState> after,
        Outcome outcome,
        int streak) {

    public enum Outcome {
        /** The week now has the requested state. */
        CHANGED,
        /** The week already had the requested state; nothing was written. */
        ALREADY,
        /** The review already took place, which booking or skipping cannot undo; it stays held. */
        KEPT_HELD
    }

    public boolean changed() {
        return outcome == Outcome.CHANGED;
    }
}
