package com.bossreview.calendar;

import com.bossreview.time.PrimeHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a weekly review fits (SPEC §8): on a working day, outside prime sales hours, at a sociable
 * time, and free on the manager's calendar and on the boss's where its free/busy is visible. Pure:
 * the busy time is read by the caller.
 */
public final class SlotFinder {
    /** Reviews start between these (in the manager's zone), on the half hour. */
    static final LocalTime EARLIEST = LocalTime.of(8, 0);

    static final LocalTime LATEST = LocalTime.of(18, 0);

    static final Duration STEP = Duration.ofMinutes(30);

    /** An offer starts at least this long from now: time to accept and for the boss to see it. */
    static final Duration LEAD = Duration.ofHours(2);

    /** Without a wish, the time a review is offered nearest to: after the selling day. */
    static final LocalTime DEFAULT_WISH = LocalTime.of(17, 0);

    /** A free start, in the manager's zone, and when that is. */
    public record Offer(LocalDate date, LocalTime start, Instant at) {
        public DayOfWeek day() {
            return date.getDayOfWeek();
        }
    }

    private SlotFinder() {}

    /**
     * Up to {@code count} offers, one a day, nearest days first within {@code days} from today,
     * each the free start nearest to {@code wish} that day (default {@link #DEFAULT_WISH}).
     *
     * @param busy every busy interval known (the manager's and the boss's)
     */
    public static List<Offer> nearest(
            ZoneId zone,
            PrimeHours prime,
            Instant now,
            List<CalendarApi.Interval> busy,
            Optional<LocalTime> wish,
            int days,
            int count) {
        LocalDate today = ZonedDateTime.ofInstant(now, zone).toLocalDate();
        List<Offer> offers = new ArrayList<>();
        for (int d = 0; d < days && offers.size() < count; d++) {
            onDay(zone, prime, now, busy, wish.orElse(DEFAULT_WISH), today.plusDays(d))
                    .ifPresent(offers::add);
        }
        return offers;
    }

    /** The free start nearest to {@code wish} on {@code date}; empty on a weekend or a full day. */
    static Optional<Offer> onDay(
            ZoneId zone,
            PrimeHours prime,
            Instant now,
            List<CalendarApi.Interval> busy,
            LocalTime wish,
            LocalDate date) {
        if (!PrimeHours.onDay(date.getDayOfWeek())) {
            return Optional.empty(); // working days only
        }
        List<Offer> free = new ArrayList<>();
        for (LocalTime t = EARLIEST; !t.isAfter(LATEST); t = t.plus(STEP)) {
            if (prime.conflicts(date.getDayOfWeek(), t)) {
                continue;
            }
            // A time the clocks skip (spring forward) is not offered: it would read oddly.
            ZonedDateTime local = date.atTime(t).atZone(zone);
            if (!local.toLocalTime().equals(t)) {
                continue;
            }
            Instant at = local.toInstant();
            if (at.isBefore(now.plus(LEAD))
                    || overlaps(busy, at, at.plus(PrimeHours.REVIEW_LENGTH))) {
                continue;
            }
            free.add(new Offer(date, t, at));
        }
        return free.stream()
                .min(
                        Comparator.comparingLong(
                                        (Offer o) ->
                                                Math.abs(
                                                        Duration.between(wish, o.start())
                                                                .toMinutes()))
                                .thenComparing(Offer::start));
    }

    static boolean overlaps(List<CalendarApi.Interval> busy, Instant from, Instant to) {
        return busy.stream().anyMatch(b -> b.start().isBefore(to) && from.isBefore(b.end()));
    }
}
