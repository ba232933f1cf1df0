package com.bossreview.nudge;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class NudgePlannerTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Manager manager(ZoneId zone, DayOfWeek nudgeDay, LocalTime nudgeTime, Optional<ReviewSlot> slot, Month fiscal) {
        return new Manager("T1", "U1", Optional.of("UBOSS"), zone, Optional.of(Instant.EPOCH), false, slot,
                PrimeHours.DEFAULT, fiscal, nudgeDay, nudgeTime, Duration.ofMinutes(30), List.of(21, 14, 7), Manager.DEFAULT_PREP_LEAD_DAYS, true,
                Optional.empty(), Instant.EPOCH);
    }

    private static ZonedDateTime local(Occurrence o, ZoneId zone) {
        return o.dueAt().atZone(zone);
    }

    private static Occurrence kind(List<Occurrence> all, NudgeKind kind) {
        return all.stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void booking_nudge_and_follow_up_at_the_managers_local_time() {
        Manager m = manager(NEW_YORK, DayOfWeek.MONDAY, LocalTime.of(8, 30), Optional.empty(), Month.JANUARY);
        List<Occurrence> week = NudgePlanner.weekly(m, new IsoWeek(2026, 48));
        assertThat(local(kind(week, NudgeKind.BOOK_REVIEW), NEW_YORK).toString()).startsWith("2026-11-23T08:30-05:00");
        assertThat(local(kind(week, NudgeKind.BOOK_REVIEW_FOLLOWUP), NEW_YORK).toString()).startsWith("2026-11-24T08:30-05:00");
        assertThat(week).extracting(Occurrence::period).containsOnly("2026-W48");
        assertThat(week).extracting(Occurrence::kind).doesNotContain(NudgeKind.REVIEW_PREP, NudgeKind.DID_IT_HAPPEN);
    }

    @Test
    void review_prep_an_hour_before_and_did_it_happen_after_the_slot() {
        Manager m = manager(NEW_YORK, DayOfWeek.MONDAY, LocalTime.of(8, 30),
                Optional.of(new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(17, 0))), Month.JANUARY);
        List<Occurrence> week = NudgePlanner.weekly(m, new IsoWeek(2026, 48));
        assertThat(local(kind(week, NudgeKind.REVIEW_PREP), NEW_YORK).toLocalDateTime().toString()).isEqualTo("2026-11-27T16:00");
        assertThat(local(kind(week, NudgeKind.DID_IT_HAPPEN), NEW_YORK).toLocalDateTime().toString()).isEqualTo("2026-11-27T17:45");
    }

    @Test
    void a_nudge_at_0230_on_spring_forward_day_still_fires_once_that_day() {
        // 2027-03-14: New York skips from 02:00 to 03:00.
        Manager m = manager(NEW_YORK, DayOfWeek.SUNDAY, LocalTime.of(2, 30), Optional.empty(), Month.JANUARY);
        List<Occurrence> week = NudgePlanner.weekly(m, IsoWeek.of(LocalDate.of(2027, 3, 14)));
        List<Occurrence> booking = week.stream().filter(o -> o.kind() == NudgeKind.BOOK_REVIEW).toList();
        assertThat(booking).hasSize(1);
        ZonedDateTime at = local(booking.get(0), NEW_YORK);
        assertThat(at.toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(at.toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void a_nudge_at_0130_on_fall_back_day_fires_once_at_the_first_0130() {
        // 2026-11-01: New York goes from 02:00 EDT back to 01:00 EST; 01:30 happens twice.
        Manager m = manager(NEW_YORK, DayOfWeek.SUNDAY, LocalTime.of(1, 30), Optional.empty(), Month.JANUARY);
        List<Occurrence> booking = NudgePlanner.weekly(m, IsoWeek.of(LocalDate.of(2026, 11, 1))).stream()
                .filter(o -> o.kind() == NudgeKind.BOOK_REVIEW).toList();
        assertThat(booking).hasSize(1);
        assertThat(booking.get(0).dueAt()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT
    }

    @Test
    void iso_week_one_and_week_53_are_right() {
        Manager m = manager(ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY, LocalTime.of(8, 30), Optional.empty(), Month.JANUARY);
        // 2026 has 53 ISO weeks: W53 starts Monday 2026-12-28; 2027-W01 starts Monday 2027-01-04.
        assertThat(local(kind(NudgePlanner.weekly(m, new IsoWeek(2026, 53)), NudgeKind.BOOK_REVIEW), m.zone()).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(local(kind(NudgePlanner.weekly(m, new IsoWeek(2027, 1)), NudgeKind.BOOK_REVIEW), m.zone()).toLocalDate())
                .isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).isEqualTo(new IsoWeek(2026, 53));
        assertThat(new IsoWeek(2026, 53).next()).isEqualTo(new IsoWeek(2027, 1));
    }

    @Test
    void forecast_nudges_before_the_fiscal_quarter_ends_for_any_start_month() {
        for (Month start : Month.values()) {
            Manager m = manager(NEW_YORK, DayOfWeek.MONDAY, LocalTime.of(8, 30), Optional.empty(), start);
            FiscalQuarter q = FiscalQuarter.containing(LocalDate.of(2026, 11, 26), start);
            assertThat(q.firstDay()).isBeforeOrEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(q.lastDay()).isAfterOrEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(q.lastDay().plusDays(1).getDayOfMonth()).isEqualTo(1);
            assertThat(Math.floorMod(q.firstDay().getMonthValue() - start.getValue(), 3)).isZero();
            List<Occurrence> nudges = NudgePlanner.forecast(m, q);
            assertThat(nudges).hasSize(3);
            assertThat(nudges).allSatisfy(o -> assertThat(local(o, NEW_YORK).toLocalTime()).isEqualTo(LocalTime.of(8, 30)));
            assertThat(local(nudges.get(2), NEW_YORK).toLocalDate()).isEqualTo(q.lastDay().minusDays(7));
        }
        FiscalQuarter april = FiscalQuarter.containing(LocalDate.of(2026, 5, 15), Month.APRIL);
        assertThat(april.label()).isEqualTo("Q1 FY2027");
        assertThat(april.lastDay()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    @Test
    void bad_news_reminders_three_times_two_hours_apart_waiting_for_the_morning() {
        Manager m = manager(NEW_YORK, DayOfWeek.MONDAY, LocalTime.of(8, 30), Optional.empty(), Month.JANUARY);
        Instant loggedAt = ZonedDateTime.of(2026, 11, 25, 17, 10, 0, 0, NEW_YORK).toInstant();
        List<Occurrence> chain = NudgePlanner.badNews(m, 42, loggedAt);
        assertThat(chain).extracting(o -> local(o, NEW_YORK).toLocalDateTime().toString())
                .containsExactly("2026-11-25T17:40", "2026-11-25T19:40", "2026-11-26T07:00");
        assertThat(chain).extracting(Occurrence::period).containsExactly("news-42-1", "news-42-2", "news-42-3");
        assertThat(chain).allSatisfy(o -> assertThat(o.refId()).contains(42L));
    }

    @Test
    void good_news_reminder_the_next_working_morning() {
        Manager m = manager(NEW_YORK, DayOfWeek.MONDAY, LocalTime.of(8, 30), Optional.empty(), Month.JANUARY);
        Instant friday = ZonedDateTime.of(2026, 11, 27, 15, 0, 0, 0, NEW_YORK).toInstant();
        assertThat(local(NudgePlanner.goodNews(m, 7, friday), NEW_YORK).toLocalDateTime().toString())
                .isEqualTo("2026-11-30T08:30");
    }
}
