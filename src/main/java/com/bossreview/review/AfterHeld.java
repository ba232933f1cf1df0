package com.bossreview.review;

import com.bossreview.manager.Manager;
import com.bossreview.time.IsoWeek;

/**
 * What follows when a review is marked held: by the manager's own click or command (issue 17: the
 * optional feedback modal), or by the calendar ({@link #heldWithoutClick}). Implemented by the
 * feedback feature, so this package keeps no import of it, the way {@link SlotBooker} keeps none of
 * the calendar. The marking never depends on it: it is already stored when this runs, and a failure
 * here is only logged.
 */
@FunctionalInterface
public interface AfterHeld {
    /**
     * Runs after the ack (it calls Slack), right away: the {@code triggerId} of the click or
     * command that marked {@code week} held lives three seconds.
     */
    void held(Manager m, IsoWeek week, String triggerId) throws Exception;

    /**
     * {@code week} was marked held without a click (the calendar saw the review end), just now: no
     * trigger_id to open anything with. Nothing by default.
     */
    default void heldWithoutClick(Manager m, IsoWeek week) {}
}
