package com.bossreview.review;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.time.PrimeHours;
import java.time.LocalTime;
import java.util.List;

/** The answer to "make this my weekly review slot". */
public sealed interface SlotChoice {
    /** Stored; {@code manager} is the record as it now is. */
    record Stored(Manager manager, ReviewSlot slot) implements SlotChoice {}

    /**
     * Refused and nothing stored: the review would eat into prime hours; {@code nearest} are clear
     * starts that day.
     */
    record InPrimeHours(ReviewSlot wanted, PrimeHours primeHours, List<LocalTime> nearest)
            implements SlotChoice {}
}
