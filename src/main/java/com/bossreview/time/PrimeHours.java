package com.bossreview.time;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Prime sales hours: the weekday time ranges a manager keeps for selling. Weekends have none. A
 * weekly review belongs outside them.
 */
public record PrimeHours(List<TimeRange> ranges) {
    /** bossreview's own default, when neither the manager nor their workspace set one. */
    public static final String DEFAULT_TEXT = "09:00-12:00,13:30-17:00";

    public static final PrimeHours DEFAULT = parse(DEFAULT_TEXT);

    /** How long a weekly review is assumed to take when checking it against prime hours. */
    public static final Duration REVIEW_LENGTH = Duration.ofMinutes(30);

    private static final int DAY = 24 * 60;

    /**
     * A weekly review that would eat into prime hours, with the nearest clear starts that day
     * (maybe none).
     */
    public record Clash(DayOfWeek day, LocalTime start, List<LocalTime> nearest) {
        public Clash {
            nearest = List.copyOf(nearest);
        }
    }

    public PrimeHours {
        ranges = ranges.stream().sorted(Comparator.comparing(TimeRange::start)).toList();
    }

    /**
     * {@code 09:00-12:00,13:30-17:00}; throws {@link IllegalArgumentException} with a readable
     * message.
     */
    public static PrimeHours parse(String text) {
        if (DEFAULT != null && DEFAULT_TEXT.equals(text)) {
            return DEFAULT; // most managers keep the default: every manager row read parses this
        }
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

    /**
     * The rule for a weekly review: empty when one starting at {@code start} on {@code day} stays
     * clear of prime hours ({@link #conflicts}), else the clash, with the nearest clear starts that
     * day ({@link #nearestFreeStarts}). The review command, the setup form and the prime-hours
     * setting all ask this.
     */
    public Optional<Clash> reviewClash(DayOfWeek day, LocalTime start) {
        return conflicts(day, start)
                ? Optional.of(new Clash(day, start, nearestFreeStarts(day, start)))
                : Optional.empty();
    }

    /** Prime hours are kept on weekdays only: a weekend has none. */
    public static boolean onDay(DayOfWeek day) {
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }

    /**
     * True when a review starting then would eat into prime hours. A review touching a range's edge
     * (08:30 before 09:00, 12:00 after 12:00) is clear of it; one crossing midnight is checked
     * against the next day's ranges too.
     */
    public boolean conflicts(DayOfWeek day, LocalTime start) {
        int from = minutes(start);
        int to = from + (int) REVIEW_LENGTH.toMinutes();
        if (overlapsOn(day, from, Math.min(to, DAY))) {
            return true;
        }
        return to > DAY && overlapsOn(day.plus(1), 0, to - DAY);
    }

    /**
     * The closest start times on that day, the latest before and the earliest after {@code wanted},
     * whose review stays clear of prime hours and ends by midnight: empty when the day has none,
     * just {@code wanted} when it is clear already.
     */
    public List<LocalTime> nearestFreeStarts(DayOfWeek day, LocalTime wanted) {
        if (!conflicts(day, wanted)) {
            return List.of(wanted);
        }
        int length = (int) REVIEW_LENGTH.toMinutes();
        // Free starts border the conflicting spans (range start - length, range end), so the
        // nearest
        // free start on either side of a conflicting time is one of those edges or the day's ends.
        List<Integer> candidates = new ArrayList<>(List.of(0, DAY - length));
        for (TimeRange r : ranges) {
            candidates.add(minutes(r.start()) - length);
            candidates.add(minutes(r.end()));
        }
        int w = minutes(wanted);
        Integer before = null;
        Integer after = null;
        for (int c : candidates) {
            if (c < 0 || c > DAY - length || conflicts(day, LocalTime.of(c / 60, c % 60))) {
                continue;
            }
            if (c < w && (before == null || c > before)) {
                before = c;
            }
            if (c > w && (after == null || c < after)) {
                after = c;
            }
        }
        List<LocalTime> result = new ArrayList<>();
        if (before != null) {
            result.add(LocalTime.of(before / 60, before % 60));
        }
        if (after != null) {
            result.add(LocalTime.of(after / 60, after % 60));
        }
        return result;
    }

    private boolean overlapsOn(DayOfWeek day, int from, int to) {
        return onDay(day)
                && ranges.stream()
                        .anyMatch(r -> from < minutes(r.end()) && minutes(r.start()) < to);
    }

    private static int minutes(LocalTime t) {
        return t.getHour() * 60 + t.getMinute();
    }

    public boolean isPrime(DayOfWeek day, LocalTime time) {
        return onDay(day)
                && ranges.stream()
                        .anyMatch(r -> !time.isBefore(r.start()) && time.isBefore(r.end()));
    }

    @Override
    public String toString() {
        return ranges.stream().map(TimeRange::toString).collect(Collectors.joining(","));
    }
}
