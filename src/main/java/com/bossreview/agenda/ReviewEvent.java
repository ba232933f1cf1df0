package com.bossreview.agenda;

import com.bossreview.manager.Manager;
import com.bossreview.time.IsoWeek;

/**
 * The manager's review event in their connected calendar (issue 15): the agenda sent to the boss is
 * added to its description too, so both find it where the meeting is. Implemented by the calendar
 * feature and absent when no calendar is configured, the way {@code review.SlotBooker} is: this
 * package keeps no import of {@code calendar}.
 */
public interface ReviewEvent {
    /**
     * Appends {@code text} to the description of the manager's review occurrence of {@code week};
     * whether it was. False without a working connection or a booked review that week, or when the
     * calendar did not take it. Never throws; calls the provider, so only after the ack.
     */
    boolean addAgenda(Manager m, IsoWeek week, String text);
}
