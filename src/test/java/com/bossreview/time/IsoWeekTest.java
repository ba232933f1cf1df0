package com.bossreview.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IsoWeekTest {

    @Test
    void a_week_is_parsed_from_its_printed_form() {
        IsoWeek week = IsoWeek.parse("2026-W48");
        assertThat(week).isEqualTo(new IsoWeek(2026, 48));
        assertThat(IsoWeek.parse(week.toString())).isEqualTo(week);
        assertThat(IsoWeek.parse("2027-W01")).isEqualTo(new IsoWeek(2027, 1));
        assertThat(new IsoWeek(2027, 1)).hasToString("2027-W01");
    }

    @Test
    void week_53_exists_only_in_long_years() {
        assertThat(IsoWeek.parse("2026-W53")).isEqualTo(new IsoWeek(2026, 53));
        assertThat(IsoWeek.weeksIn(2026)).isEqualTo(53);
        assertThat(IsoWeek.weeksIn(2027)).isEqualTo(52);
        assertThat(IsoWeek.weeksIn(2020)).isEqualTo(53);
        assertThat(IsoWeek.weeksIn(2025)).isEqualTo(52);
        assertThatThrownBy(() -> IsoWeek.parse("2025-W53"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2025-W53");
    }

    @Test
    void anything_else_is_refused() {
        for (String bad :
                Arrays.asList(
                        null,
                        "",
                        "2026-W00",
                        "2026-W54",
                        "2026-W5",
                        "2026-w48",
                        " 2026-W48",
                        "2026-W48 ",
                        "2026W48",
                        "26-W48",
                        "0999-W01",
                        "2026-W48; DROP TABLE weekly_review",
                        "'; drop table weekly_review; --",
                        "2026-W４８",
                        "🔥",
                        "12345-W01")) {
            assertThatThrownBy(() -> IsoWeek.parse(bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void new_years_day_2027_belongs_to_week_53_of_2026() {
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).isEqualTo(new IsoWeek(2026, 53));
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 4))).isEqualTo(new IsoWeek(2027, 1));
        assertThat(new IsoWeek(2026, 53).monday()).isEqualTo(LocalDate.of(2026, 12, 28));
    }

    @Test
    void weeks_step_across_the_year_boundary() {
        assertThat(new IsoWeek(2026, 52).next()).isEqualTo(new IsoWeek(2026, 53));
        assertThat(new IsoWeek(2026, 53).next()).isEqualTo(new IsoWeek(2027, 1));
        assertThat(new IsoWeek(2027, 1).previous()).isEqualTo(new IsoWeek(2026, 53));
        assertThat(new IsoWeek(2028, 1).previous()).isEqualTo(new IsoWeek(2027, 52));
        assertThat(new IsoWeek(2026, 53)).isLessThan(new IsoWeek(2027, 1));
    }
}
