package com.bossreview.manager;

import com.bossreview.time.ClockStyle;
import com.bossreview.time.PrimeHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** A sales manager using bossreview in one workspace, with their settings. */
public record Manager(
        String teamId,
        String userId,
        Optional<String> bossUserId,
        ZoneId zone,
        Optional<Instant> zoneCheckedAt,
        boolean zoneExplicit,
        Optional<ReviewSlot> reviewSlot,
        PrimeHours primeHours,
        Month fiscalStartMonth,
        DayOfWeek bookingNudgeDay,
        LocalTime bookingNudgeTime,
        Duration badNewsAfter,
        List<Integer> quarterNudgeDays,
        int prepLeadDays,
        boolean nudgesEnabled,
        Optional<LocalDate> pausedUntil,
        Instant createdAt,
        ClockStyle clock) {

    public static final DayOfWeek DEFAULT_BOOKING_NUDGE_DAY = DayOfWeek.MONDAY;
    public static final LocalTime DEFAULT_BOOKING_NUDGE_TIME = LocalTime.of(8, 30);
    public static final Duration DEFAULT_BAD_NEWS_AFTER = Duration.ofMinutes(30);
    public static final List<Integer> DEFAULT_QUARTER_NUDGE_DAYS = List.of(21, 14, 7);

    /** Review prep the working day before the review. */
    public static final int DEFAULT_PREP_LEAD_DAYS = 1;

    public static final int MAX_PREP_LEAD_DAYS = 5;

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }

    /** A time of day as this manager reads it ({@code 17:30} or {@code 5:30 PM}). */
    public String show(LocalTime t) {
        return clock.format(t);
    }

    /** The review slot as this manager reads it, e.g. {@code Friday 5 PM}. */
    public Optional<String> slotText() {
        return reviewSlot.map(
                s -> com.bossreview.time.Times.format(s.day()) + " " + show(s.time()));
    }

    public boolean isPaused(Instant now) {
        return pausedUntil.map(until -> today(now).isBefore(until)).orElse(false);
    }
}
