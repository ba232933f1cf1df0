package com.bossreview.nudge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Wall-clock times to instants, the way a person means them across daylight-saving changes. */
public final class LocalTimes {
    private LocalTimes() {}

    /**
     * The instant of {@code date time} in {@code zone}. In a spring-forward gap the time is moved
     * forward by the gap (02:30 → 03:30), so the nudge still comes that day; in a fall-back overlap
     * the earlier of the two instants is used, so it comes once.
     */
    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        return ZonedDateTime.ofLocal(date.atTime(time), zone, null)
                .withEarlierOffsetAtOverlap()
                .toInstant();
    }

    /** Outside {@code from}–{@code to} local time, the next {@code from}; else unchanged. */
    public static Instant withinWakingHours(
            Instant instant, ZoneId zone, LocalTime from, LocalTime to) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime t = local.toLocalTime();
        if (!t.isBefore(from) && t.isBefore(to)) {
            return instant;
        }
        LocalDate day = t.isBefore(from) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return at(day, from, zone);
    }
}
