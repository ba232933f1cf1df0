package com.bossreview.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimesTest {

    @Test
    void twenty_four_hour_and_twelve_hour_times_are_read() {
        assertThat(Times.parseTime("17:30")).isEqualTo(LocalTime.of(17, 30));
        assertThat(Times.parseTime("0930")).isEqualTo(LocalTime.of(9, 30));
        assertThat(Times.parseTime("5pm")).isEqualTo(LocalTime.of(17, 0));
        assertThat(Times.parseTime("5:30pm")).isEqualTo(LocalTime.of(17, 30));
        assertThat(Times.parseTime("5:30 PM")).isEqualTo(LocalTime.of(17, 30));
        assertThat(Times.parseTime("8.15am")).isEqualTo(LocalTime.of(8, 15));
        assertThat(Times.parseTime("11 p.m.")).isEqualTo(LocalTime.of(23, 0));
        assertThat(Times.parseTime("12am")).isEqualTo(LocalTime.MIDNIGHT);
        assertThat(Times.parseTime("12pm")).isEqualTo(LocalTime.NOON);
        assertThat(Times.parseTime("12:30pm")).isEqualTo(LocalTime.of(12, 30));
    }

    @Test
    void impossible_times_are_refused_with_both_forms_as_examples() {
        for (String bad : new String[] {"13pm", "0am", "5:60pm", "25:00", "5p", "five", ""}) {
            assertThatThrownBy(() -> Times.parseTime(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("17:30")
                    .hasMessageContaining("5:30pm");
        }
    }

    @Test
    void the_slack_locale_decides_twelve_or_twenty_four_hour_display() {
        assertThat(ClockStyle.of(Optional.of("en-US"))).isEqualTo(ClockStyle.H12);
        assertThat(ClockStyle.of(Optional.of("en-GB"))).isEqualTo(ClockStyle.H24);
        assertThat(ClockStyle.of(Optional.of("fr-FR"))).isEqualTo(ClockStyle.H24);
        assertThat(ClockStyle.of(Optional.of("de-DE"))).isEqualTo(ClockStyle.H24);
        assertThat(ClockStyle.of(Optional.empty())).isEqualTo(ClockStyle.H24);
        assertThat(ClockStyle.of(Optional.of("not a locale!"))).isEqualTo(ClockStyle.H24);
    }

    @Test
    void twelve_hour_display_drops_zero_minutes() {
        assertThat(ClockStyle.H12.format(LocalTime.of(17, 0))).isEqualTo("5 PM");
        assertThat(ClockStyle.H12.format(LocalTime.of(17, 30))).isEqualTo("5:30 PM");
        assertThat(ClockStyle.H12.format(LocalTime.of(0, 5))).isEqualTo("12:05 AM");
        assertThat(ClockStyle.H12.format(LocalTime.NOON)).isEqualTo("12 PM");
        assertThat(ClockStyle.H24.format(LocalTime.of(9, 5))).isEqualTo("09:05");
    }
}
