package com.bossreview.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prime sales hours: the weekday time ranges a manager keeps for selling. Weekends have none.
 * A weekly review belongs outside them.
 */
public record PrimeHours(List<TimeRange> ranges) {
    public static final PrimeHours DEFAULT = parse("09:00-12:00,13:30-17:00");
    /** How long a weekly review is assumed to take when checking it against prime hours. */
    public static final Duration REVIEW_LENGTH = Duration.ofMinutes(30);

    public PrimeHours {
        ranges = ranges.stream().sorted(Comparator.comparing(TimeRange::start)).toList();
    }

    /** {@code 09:00-12:00,13:30-17:00}; throws {@link IllegalArgumentException} with a readable message. */
    public static PrimeHours parse(String text) {
        List<TimeRange> ranges = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                ranges.add(TimeRange.parse(part));
            }
        }
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("expected HH:MM-HH:MM, e.g. 09:00-12:00");
        }
        return new PrimeHours(ranges);
    }

    /** True when a review starting then would eat into prime hours. */
    public boolean conflicts(DayOfWeek day, LocalTime start) {
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        LocalTime end = start.plus(REVIEW_LENGTH);
        boolean wraps = end.isBefore(start);
        return ranges.stream().anyMatch(r -> r.overlaps(start, wraps ? LocalTime.MAX : end));
    }

    /** The closest start times on that day, before and after, whose review stays clear of prime hours. */
    public List<LocalTime> nearestFreeStarts(DayOfWeek day, LocalTime wanted) {
        List<LocalTime> candidates = new ArrayList<>();
        for (TimeRange r : ranges) {
            candidates.add(r.start().minus(REVIEW_LENGTH));
            candidates.add(r.end());
        }
        LocalTime before = null;
        LocalTime after = null;
        for (LocalTime c : candidates) {
            if (conflicts(day, c) || c.isAfter(LocalTime.of(23, 30))) {
                continue;
            }
            if (!c.isAfter(wanted) && (before == null || c.isAfter(before))) {
                before = c;
            }
            if (c.isAfter(wanted) && (after == null || c.isBefore(after))) {
                after = c;
            }
        }
        List<LocalTime> result = new ArrayList<>();
        if (before != null) {
            result.add(before);
        }
        if (after != null) {
            result.add(after);
        }
        return result;
    }

    public boolean isPrime(DayOfWeek day, LocalTime time) {
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && ranges.stream().anyMatch(r -> !time.isBefore(r.start()) && time.isBefore(r.end()));
    }

    @Override
    public String toString() {
        return ranges.stream().map(TimeRange::toString).collect(Collectors.joining(","));
    }

}
