package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.time.PrimeHours;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlotFinderTest {
    private static final ZoneId NY = ZoneId.of("America/New_York");
    // Monday 30 Nov 2026, 10:00 in New York.
    private static final Instant MONDAY_10AM = Instant.parse("2026-11-30T15:00:00Z");

    private static CalendarApi.Interval busy(String from, String to) {
        return new CalendarApi.Interval(
                LocalDate.parse(from.substring(0, 10))
                        .atTime(LocalTime.parse(from.substring(11)))
                        .atZone(NY)
                        .toInstant(),
                LocalDate.parse(to.substring(0, 10))
                        .atTime(LocalTime.parse(to.substring(11)))
                        .atZone(NY)
                        .toInstant());
    }

    @Test
    void one_offer_a_working_day_nearest_the_wish_outside_prime_hours() {
        List<SlotFinder.Offer> offers =
                SlotFinder.nearest(
                        NY, PrimeHours.DEFAULT, MONDAY_10AM, List.of(), Optional.empty(), 7, 3);
        // Default prime hours 09:00-12:00 and 13:30-17:00: 17:00 is free, today included.
        assertThat(offers)
                .extracting(o -> o.date() + " " + o.start())
                .containsExactly("2026-11-30 17:00", "2026-12-01 17:00", "2026-12-02 17:00");
        assertThat(offers.get(0).at()).isEqualTo(Instant.parse("2026-11-30T22:00:00Z"));
    }

    @Test
    void busy_time_of_either_calendar_moves_the_offer_to_the_nearest_free_start() {
        List<CalendarApi.Interval> busy =
                List.of(
                        busy("2026-11-30T16:45", "2026-11-30T18:15"), // mine, Monday
                        busy("2026-12-01T17:00", "2026-12-01T17:30")); // the boss's, Tuesday
        List<SlotFinder.Offer> offers =
                SlotFinder.nearest(
                        NY, PrimeHours.DEFAULT, MONDAY_10AM, busy, Optional.empty(), 7, 2);
        // Monday: 12:00-13:00 is before 17:00's nearest free (12:30 is 270 min away, 18:30 is past
        // LATEST): 13:00 is nearest among 08:00-08:30, 12:00-13:00. Tuesday: 17:30.
        assertThat(offers)
                .extracting(o -> o.date() + " " + o.start())
                .containsExactly("2026-11-30 13:00", "2026-12-01 17:30");
    }

    @Test
    void weekends_starts_too_soon_and_full_days_are_skipped() {
        // Friday 4 Dec 2026, 16:30: 17:00 to 18:00 are under two hours away; weekend next; Monday
        // is busy all day.
        Instant friday4pm = Instant.parse("2026-12-04T21:30:00Z");
        List<SlotFinder.Offer> offers =
                SlotFinder.nearest(
                        NY,
                        PrimeHours.DEFAULT,
                        friday4pm,
                        List.of(busy("2026-12-07T00:00", "2026-12-08T00:00")),
                        Optional.of(LocalTime.of(8, 30)),
                        7,
                        1);
        assertThat(offers)
                .extracting(o -> o.date() + " " + o.start())
                .containsExactly("2026-12-08 08:30");
    }

    @Test
    void no_more_than_asked_and_nothing_past_the_days_looked_at() {
        assertThat(
                        SlotFinder.nearest(
                                NY,
                                PrimeHours.DEFAULT,
                                MONDAY_10AM,
                                List.of(),
                                Optional.empty(),
                                7,
                                5))
                .hasSize(5) // Mon-Fri
                .extracting(SlotFinder.Offer::day)
                .doesNotHaveDuplicates();
        // Saturday, with two days to look at: the weekend only.
        assertThat(
                        SlotFinder.nearest(
                                NY,
                                PrimeHours.DEFAULT,
                                Instant.parse("2026-12-05T15:00:00Z"),
                                List.of(),
                                Optional.empty(),
                                2,
                                3))
                .isEmpty();
    }
}
