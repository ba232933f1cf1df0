package com.bossreview.manager;

import com.bossreview.time.Times;
import java.time.DayOfWeek;
import java.time.LocalTime;

/** The weekly review's fixed slot, in the manager's own time zone. */
public record ReviewSlot(DayOfWeek day, LocalTime time) {
    @Override
    public String toString() {
        return Times.format(day) + " " + Times.format(time);
    }
}
