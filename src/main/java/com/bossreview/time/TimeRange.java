package com.bossreview.time;

import java.time.LocalTime;

/** A span of wall-clock time within one day, {@code start} inclusive, {@code end} exclusive. */
public record TimeRange(LocalTime start, LocalTime end) {
    public TimeRange {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("start must be before end");
        }
    }

    /** {@code HH:MM-HH:MM}, e.g. {@code 09:00-12:00}. */
    public static TimeRange parse(String text) {
        String[] parts = text.strip().split("\\s*-\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM, e.g. 09:00-12:00");
        }
        LocalTime start = Times.parseTime(parts[0]);
        LocalTime end = Times.parseTime(parts[1]);
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException(parts[0] + " is not before " + parts[1]);
        }
        return new TimeRange(start, end);
    }

    public boolean overlaps(LocalTime from, LocalTime to) {
        return from.isBefore(end) && start.isBefore(to);
    }

    @Override
    public String toString() {
        return Times.format(start) + "-" + Times.format(end);
    }
}
