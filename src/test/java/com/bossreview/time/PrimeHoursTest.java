package com.bossreview.time;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimeHoursTest {
    private static final PrimeHours DEFAULT = PrimeHours.DEFAULT;

    private static LocalTime t(String hhmm) {
        return LocalTime.parse(hhmm);
    }

    @Test
    void a_review_running_into_the_start_of_prime_hours_conflicts() {
        assertThat(DEFAULT.conflicts(FRIDAY, t("08:45"))).isTrue();
        assertThat(DEFAULT.conflicts(FRIDAY, t("08:31"))).isTrue();
        assertThat(DEFAULT.conflicts(FRIDAY, t("13:15"))).isTrue();
        assertThat(DEFAULT.conflicts(FRIDAY, t("13:01"))).isTrue();
    }

    @Test
    void a_review_ending_exactly_when_prime_hours_start_is_clear() {
        assertThat(DEFAULT.conflicts(FRIDAY, t("08:30"))).isFalse();
        assertThat(DEFAULT.conflicts(FRIDAY, t("13:00"))).isFalse();
    }

    @Test
    void a_review_starting_exactly_when_prime_hours_end_is_clear() {
        assertThat(DEFAULT.conflicts(FRIDAY, t("12:00"))).isFalse();
        assertThat(DEFAULT.conflicts(FRIDAY, t("17:00"))).isFalse();
        assertThat(DEFAULT.conflicts(FRIDAY, t("11:59"))).isTrue();
        assertThat(DEFAULT.conflicts(FRIDAY, t("16:45"))).isTrue();
    }

    @Test
    void inside_prime_hours_conflicts_and_weekends_are_free() {
        assertThat(DEFAULT.conflicts(MONDAY, t("10:00"))).isTrue();
        assertThat(DEFAULT.conflicts(WEDNESDAY, t("15:00"))).isTrue();
        assertThat(DEFAULT.conflicts(SATURDAY, t("10:00"))).isFalse();
        assertThat(DEFAULT.conflicts(SUNDAY, t("15:00"))).isFalse();
    }

    @Test
    void a_review_near_midnight_is_clear_of_the_default_hours() {
        assertThat(DEFAULT.conflicts(MONDAY, t("23:45"))).isFalse();
        assertThat(DEFAULT.conflicts(SUNDAY, t("23:45"))).isFalse();
        assertThat(DEFAULT.conflicts(MONDAY, t("00:00"))).isFalse();
    }

    @Test
    void a_review_crossing_midnight_is_checked_against_the_next_days_prime_hours() {
        PrimeHours night = PrimeHours.parse("00:00-08:00");
        assertThat(night.conflicts(SUNDAY, t("23:45"))).as("runs into Monday 00:00").isTrue();
        assertThat(night.conflicts(SUNDAY, t("23:30"))).as("ends at Monday 00:00").isFalse();
        assertThat(night.conflicts(MONDAY, t("23:45"))).isTrue();
        assertThat(night.conflicts(FRIDAY, t("23:45"))).as("Saturday has no prime hours").isFalse();
        assertThat(night.conflicts(SATURDAY, t("02:00"))).isFalse();
    }

    @Test
    void a_range_ending_just_before_midnight_blocks_the_late_evening() {
        PrimeHours late = PrimeHours.parse("22:00-23:59");
        assertThat(late.conflicts(TUESDAY, t("23:45"))).isTrue();
        assertThat(late.conflicts(TUESDAY, t("21:30"))).isFalse();
        assertThat(late.nearestFreeStarts(TUESDAY, t("23:00"))).containsExactly(t("21:30"));
    }

    @Test
    void the_nearest_clear_starts_are_just_before_and_just_after_the_prime_range() {
        assertThat(DEFAULT.nearestFreeStarts(FRIDAY, t("10:00")))
                .containsExactly(t("08:30"), t("12:00"));
        assertThat(DEFAULT.nearestFreeStarts(FRIDAY, t("08:45")))
                .containsExactly(t("08:30"), t("12:00"));
        assertThat(DEFAULT.nearestFreeStarts(FRIDAY, t("14:00")))
                .containsExactly(t("13:00"), t("17:00"));
        assertThat(DEFAULT.nearestFreeStarts(FRIDAY, t("11:45")))
                .containsExactly(t("08:30"), t("12:00"));
    }

    @Test
    void a_gap_shorter_than_a_review_is_jumped_over() {
        PrimeHours tight = PrimeHours.parse("09:00-12:00,12:15-17:00");
        assertThat(tight.conflicts(MONDAY, t("12:00"))).isTrue();
        assertThat(tight.nearestFreeStarts(MONDAY, t("12:00")))
                .containsExactly(t("08:30"), t("17:00"));
    }

    @Test
    void a_range_starting_right_after_midnight_has_nothing_free_before_it() {
        PrimeHours early = PrimeHours.parse("00:10-08:00");
        assertThat(early.nearestFreeStarts(TUESDAY, t("05:00"))).containsExactly(t("08:00"));
    }

    @Test
    void a_day_of_prime_hours_from_start_to_end_has_no_clear_start() {
        PrimeHours allDay = PrimeHours.parse("00:00-23:59");
        assertThat(allDay.nearestFreeStarts(WEDNESDAY, t("12:00"))).isEmpty();
        assertThat(allDay.conflicts(SATURDAY, t("12:00"))).isFalse();
    }

    @Test
    void a_clear_time_is_its_own_nearest_clear_start() {
        assertThat(DEFAULT.nearestFreeStarts(FRIDAY, t("17:00"))).containsExactly(t("17:00"));
        assertThat(DEFAULT.nearestFreeStarts(SATURDAY, t("10:00"))).containsExactly(t("10:00"));
    }

    @Test
    void custom_prime_hours_are_parsed_sorted_and_printed() {
        PrimeHours custom = PrimeHours.parse(" 14:00-18:00 , 08:00-11:00");
        assertThat(custom.ranges())
                .extracting(TimeRange::start)
                .containsExactly(t("08:00"), t("14:00"));
        assertThat(custom).hasToString("08:00-11:00,14:00-18:00");
        assertThat(custom.conflicts(DayOfWeek.THURSDAY, t("12:00"))).isFalse();
        assertThat(custom.conflicts(DayOfWeek.THURSDAY, t("10:45"))).isTrue();
        assertThat(custom.nearestFreeStarts(DayOfWeek.THURSDAY, t("15:00")))
                .containsExactly(t("13:30"), t("18:00"));
    }

    @Test
    void unreadable_prime_hours_are_refused_with_a_readable_message() {
        for (String bad :
                List.of(
                        "",
                        " , ",
                        "12:00-09:00",
                        "9-12",
                        "09:00-09:00",
                        "09:00 to 12:00",
                        "25:00-26:00")) {
            assertThatThrownBy(() -> PrimeHours.parse(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("Exception");
        }
    }

    @Test
    void a_review_clash_names_the_slot_and_its_nearest_clear_starts_and_a_clear_slot_has_none() {
        assertThat(DEFAULT.reviewClash(FRIDAY, t("10:00")))
                .contains(
                        new PrimeHours.Clash(FRIDAY, t("10:00"), List.of(t("08:30"), t("12:00"))));
        assertThat(DEFAULT.reviewClash(FRIDAY, t("08:45")))
                .contains(
                        new PrimeHours.Clash(FRIDAY, t("08:45"), List.of(t("08:30"), t("12:00"))));
        assertThat(PrimeHours.parse("00:00-23:59").reviewClash(WEDNESDAY, t("12:00")))
                .contains(new PrimeHours.Clash(WEDNESDAY, t("12:00"), List.of()));
        assertThat(DEFAULT.reviewClash(FRIDAY, t("08:30"))).isEmpty();
        assertThat(DEFAULT.reviewClash(FRIDAY, t("17:00"))).isEmpty();
        assertThat(DEFAULT.reviewClash(SATURDAY, t("10:00"))).isEmpty();
    }

    @Test
    void prime_hours_are_kept_on_weekdays_only() {
        assertThat(PrimeHours.onDay(MONDAY)).isTrue();
        assertThat(PrimeHours.onDay(FRIDAY)).isTrue();
        assertThat(PrimeHours.onDay(SATURDAY)).isFalse();
        assertThat(PrimeHours.onDay(SUNDAY)).isFalse();
    }

    @Test
    void is_prime_means_inside_a_range_on_a_weekday() {
        assertThat(DEFAULT.isPrime(FRIDAY, t("09:00"))).isTrue();
        assertThat(DEFAULT.isPrime(FRIDAY, t("12:00"))).isFalse();
        assertThat(DEFAULT.isPrime(FRIDAY, t("08:45"))).isFalse();
        assertThat(DEFAULT.isPrime(SUNDAY, t("10:00"))).isFalse();
    }
}
