package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import org.junit.jupiter.api.Test;

class NudgePeriodTest {

    @Test
    void every_period_reads_back_as_what_was_written() {
        List<NudgePeriod> periods =
                List.of(
                        new NudgePeriod.Week(new IsoWeek(2026, 3)),
                        new NudgePeriod.Countdown(2026, 4, 21),
                        new NudgePeriod.Reminder(NudgePeriod.Subject.NEWS, 42, 2),
                        new NudgePeriod.Reminder(NudgePeriod.Subject.FORECAST, 7, 1),
                        new NudgePeriod.Once(NudgePeriod.Subject.NEWS, 42),
                        new NudgePeriod.Month(java.time.YearMonth.of(2026, 11)),
                        new NudgePeriod.Week(new IsoWeek(2026, 48)).snoozedAt(29_412_345L));
        assertThat(periods)
                .extracting(NudgePeriod::key)
                .containsExactly(
                        "2026-W03",
                        "FY2026-Q4-21d",
                        "news-42-2",
                        "forecast-7-1",
                        "news-42",
                        "2026-11",
                        "2026-W48~29412345");
        assertThat(periods).allSatisfy(p -> assertThat(NudgePeriod.parse(p.key())).isEqualTo(p));
    }

    @Test
    void a_snooze_of_a_snooze_keeps_the_period_planned_and_only_the_latest_key() {
        NudgePeriod once = NudgePeriod.parse("news-42-1~100");
        NudgePeriod twice = once.snoozedAt(200);

        assertThat(twice.key()).isEqualTo("news-42-1~200");
        assertThat(twice.base())
                .isEqualTo(new NudgePeriod.Reminder(NudgePeriod.Subject.NEWS, 42, 1));
    }

    @Test
    void a_chain_is_the_other_reminders_of_the_same_row_or_quarter_and_nothing_else_has_one() {
        assertThat(NudgePeriod.parse("news-42-2").chainPattern()).contains("news-42-%");
        assertThat(NudgePeriod.parse("forecast-7-3~99").chainPattern()).contains("forecast-7-%");
        assertThat(NudgePeriod.parse("FY2026-Q4-7d").chainPattern()).contains("FY2026-Q4-%");
        assertThat(NudgePeriod.parse("news-42").chainPattern()).isEmpty();
        assertThat(NudgePeriod.parse("2026-W48").chainPattern()).isEmpty();
    }

    @Test
    void a_countdown_knows_its_quarter() {
        FiscalQuarter q = FiscalQuarter.containing(LocalDate.of(2026, 11, 30), Month.JANUARY);
        NudgePeriod.Countdown c = NudgePeriod.Countdown.of(q, 14);

        assertThat(c.isIn(q)).isTrue();
        assertThat(c.isIn(FiscalQuarter.containing(LocalDate.of(2027, 1, 4), Month.JANUARY)))
                .isFalse();
    }

    @Test
    void text_that_is_no_period_is_refused() {
        for (String junk :
                List.of(
                        "",
                        "2026-48",
                        "FY2026-Q5-7d",
                        "news-",
                        "news-x-1",
                        "deal-4-1",
                        "news--1-1")) {
            assertThatThrownBy(() -> NudgePeriod.parse(junk))
                    .as(junk)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
