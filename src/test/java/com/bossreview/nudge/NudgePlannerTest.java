package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.agenda.PrepNudges;
import com.bossreview.forecast.ForecastNudges;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.news.NewsNudges;
import com.bossreview.review.ReviewNudges;
import com.bossreview.time.ClockStyle;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NudgePlannerTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Manager manager(
            ZoneId zone,
            DayOfWeek nudgeDay,
            LocalTime nudgeTime,
            Optional<ReviewSlot> slot,
            Month fiscal) {
        return new Manager(
                "T1",
                "U1",
                Optional.of("UBOSS"),
                zone,
                Optional.of(Instant.EPOCH),
                false,
                slot,
                PrimeHours.DEFAULT,
                fiscal,
                nudgeDay,
                nudgeTime,
                Duration.ofMinutes(30),
                List.of(21, 14, 7),
                Manager.DEFAULT_PREP_LEAD_DAYS,
                true,
                Optional.empty(),
                Instant.EPOCH,
                ClockStyle.H24);
    }

    private static ZonedDateTime local(Occurrence o, ZoneId zone) {
        return o.dueAt().atZone(zone);
    }

    /** The week's review nudges, the review's own and the agenda's prep. */
    private static List<Occurrence> weekly(Manager m, IsoWeek week) {
        List<Occurrence> all = new ArrayList<>(ReviewNudges.weekly(m, week));
        all.addAll(PrepNudges.weekly(m, week));
        return all;
    }

    private static Occurrence kind(List<Occurrence> all, NudgeKind kind) {
        return all.stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void booking_nudge_and_follow_up_at_the_managers_local_time() {
        Manager m =
                manager(
                        NEW_YORK,
                        DayOfWeek.MONDAY,
                        LocalTime.of(8, 30),
                        Optional.empty(),
                        Month.JANUARY);
        List<Occurrence> week = weekly(m, new IsoWeek(2026, 48));
        assertThat(local(kind(week, ReviewNudges.BOOK_REVIEW), NEW_YORK).toString())
                .startsWith("2026-11-23T08:30-05:00");
        assertThat(local(kind(week, ReviewNudges.BOOK_REVIEW_FOLLOWUP), NEW_YORK).toString())
                .startsWith("2026-11-24T08:30-05:00");
        assertThat(week).extracting(o -> o.period().key()).containsOnly("2026-W48");
        assertThat(week)
                .extracting(Occurrence::kind)
                .doesNotContain(PrepNudges.REVIEW_PREP, ReviewNudges.DID_IT_HAPPEN);
    }

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** {@code m} with another prep lead and prime hours. */
    static Manager with(Manager m, int prepLead, PrimeHours prime) {
        return new Manager(
                m.teamId(),
                m.userId(),
                m.bossUserId(),
                m.zone(),
                m.zoneCheckedAt(),
                m.zoneExplicit(),
                m.reviewSlot(),
                prime,
                m.fiscalStartMonth(),
                m.bookingNudgeDay(),
                m.bookingNudgeTime(),
                m.badNewsAfter(),
                m.quarterNudgeDays(),
                prepLead,
                m.nudgesEnabled(),
                m.pausedUntil(),
                m.createdAt(),
                m.clock());
    }

    private static Manager reviewing(ZoneId zone, DayOfWeek day, LocalTime time, int prepLead) {
        return with(
                manager(
                        zone,
                        DayOfWeek.MONDAY,
                        LocalTime.of(8, 30),
                        Optional.of(new ReviewSlot(day, time)),
                        Month.JANUARY),
                prepLead,
                PrimeHours.DEFAULT);
    }

    private static ZonedDateTime prep(Manager m, IsoWeek week) {
        return local(kind(weekly(m, week), PrepNudges.REVIEW_PREP), m.zone());
    }

    @Test
    void
            review_prep_comes_the_working_day_before_in_the_morning_and_did_it_happen_after_the_slot() {
        Manager m =
                reviewing(
                        NEW_YORK,
                        DayOfWeek.FRIDAY,
                        LocalTime.of(17, 0),
                        Manager.DEFAULT_PREP_LEAD_DAYS);
        List<Occurrence> week = weekly(m, new IsoWeek(2026, 48));
        assertThat(local(kind(week, PrepNudges.REVIEW_PREP), NEW_YORK).toLocalDateTime().toString())
                .isEqualTo("2026-11-26T08:30");
        assertThat(
                        local(kind(week, ReviewNudges.DID_IT_HAPPEN), NEW_YORK)
                                .toLocalDateTime()
                                .toString())
                .isEqualTo("2026-11-27T17:45");
    }

    @Test
    void a_monday_review_is_prepped_the_friday_before_under_the_reviews_week() {
        Manager m = reviewing(NEW_YORK, DayOfWeek.MONDAY, LocalTime.of(17, 0), 1);
        Occurrence prep = kind(weekly(m, new IsoWeek(2026, 49)), PrepNudges.REVIEW_PREP);
        assertThat(local(prep, NEW_YORK).toLocalDateTime().toString())
                .isEqualTo("2026-11-27T08:30");
        assertThat(prep.period().key()).isEqualTo("2026-W49");
        // A weekend review is prepped on the Friday too.
        assertThat(
                        prep(
                                        reviewing(
                                                NEW_YORK, DayOfWeek.SUNDAY, LocalTime.of(10, 0), 1),
                                        new IsoWeek(2026, 49))
                                .toLocalDateTime()
                                .toString())
                .isEqualTo("2026-12-04T08:30");
    }

    @Test
    void review_prep_with_a_lead_of_two_working_days() {
        assertThat(
                        prep(
                                        reviewing(
                                                NEW_YORK, DayOfWeek.MONDAY, LocalTime.of(17, 0), 2),
                                        new IsoWeek(2026, 49))
                                .toLocalDateTime()
                                .toString())
                .isEqualTo("2026-11-26T08:30");
        assertThat(
                        prep(
                                        reviewing(
                                                NEW_YORK,
                                                DayOfWeek.WEDNESDAY,
                                                LocalTime.of(17, 0),
                                                2),
                                        new IsoWeek(2026, 49))
                                .toLocalDateTime()
                                .toString())
                .isEqualTo("2026-11-30T08:30");
    }

    @Test
    void review_prep_with_no_lead_comes_that_morning_or_an_hour_before_an_early_review() {
        assertThat(
                        prep(
                                        reviewing(
                                                NEW_YORK, DayOfWeek.FRIDAY, LocalTime.of(17, 0), 0),
                                        new IsoWeek(2026, 49))
                                .toLocalDateTime()
                                .toString())
                .isEqualTo("2026-12-04T08:30");
        // 08:30 is only 15 minutes before an 08:45 review: an hour before instead.
        assertThat(
                        prep(
                                        reviewing(
                                                NEW_YORK, DayOfWeek.FRIDAY, LocalTime.of(8, 45), 0),
                                        new IsoWeek(2026, 49))
                                .toLocalDateTime()
                                .toString())
                .isEqualTo("2026-12-04T07:45");
        // 08:30 is exactly an hour before a 09:30 review: still the morning.
        assertThat(
                        prep(
                                        reviewing(
                                                NEW_YORK,
                                                DayOfWeek.SATURDAY,
                                                LocalTime.of(9, 30),
                                                0),
                                        new IsoWeek(2026, 49))
                                .toLocalDateTime()
                                .toString())
                .isEqualTo("2026-12-05T08:30");
    }

    @Test
    void review_prep_waits_for_the_end_of_prime_hours_when_the_morning_is_inside_them() {
        // Prime from 07:00: the morning time (08:30 at the latest) is inside it, so the prep waits
        // for 12:00.
        Manager m =
                with(
                        reviewing(NEW_YORK, DayOfWeek.FRIDAY, LocalTime.of(17, 0), 1),
                        1,
                        PrimeHours.parse("07:00-12:00,13:30-17:00"));
        assertThat(prep(m, new IsoWeek(2026, 49)).toLocalDateTime().toString())
                .isEqualTo("2026-12-03T12:00");
    }

    @Test
    void review_prep_is_never_in_prime_hours_never_after_the_review_and_lead_counts_working_days() {
        IsoWeek week = new IsoWeek(2026, 49);
        for (DayOfWeek day : DayOfWeek.values()) {
            for (LocalTime time :
                    List.of(LocalTime.of(7, 30), LocalTime.of(12, 0), LocalTime.of(17, 0))) {
                for (int lead = 0; lead <= Manager.MAX_PREP_LEAD_DAYS; lead++) {
                    Manager m = reviewing(NEW_YORK, day, time, lead);
                    ZonedDateTime at = prep(m, week);
                    Instant start = NudgePlanner.reviewStart(m, week).orElseThrow();
                    String what = day + " " + time + " lead " + lead + ": " + at;
                    assertThat(at.toInstant()).as(what).isBefore(start);
                    assertThat(PrimeHours.DEFAULT.isPrime(at.getDayOfWeek(), at.toLocalTime()))
                            .as(what)
                            .isFalse();
                    long working =
                            at.toLocalDate()
                                    .datesUntil(week.day(day))
                                    .filter(d -> d.getDayOfWeek().getValue() <= 5)
                                    .count();
                    assertThat(working).as(what).isEqualTo(lead);
                }
            }
        }
    }

    @Test
    void review_prep_keeps_the_local_morning_across_daylight_saving_changes_in_paris() {
        // Sunday 2026-03-29: Paris goes from CET (+01:00) to CEST (+02:00); Monday's 17:00 review
        // is 15:00Z.
        Manager march = reviewing(PARIS, DayOfWeek.MONDAY, LocalTime.of(17, 0), 1);
        IsoWeek w14 = IsoWeek.of(LocalDate.of(2026, 3, 30));
        assertThat(NudgePlanner.reviewStart(march, w14))
                .contains(Instant.parse("2026-03-30T15:00:00Z"));
        assertThat(prep(march, w14).toInstant())
                .isEqualTo(Instant.parse("2026-03-27T07:30:00Z")); // Fri 08:30 CET
        // Sunday 2026-10-25: back from CEST to CET; Monday's 17:00 review is 16:00Z.
        Manager october = reviewing(PARIS, DayOfWeek.MONDAY, LocalTime.of(17, 0), 1);
        IsoWeek w44 = IsoWeek.of(LocalDate.of(2026, 10, 26));
        assertThat(NudgePlanner.reviewStart(october, w44))
                .contains(Instant.parse("2026-10-26T16:00:00Z"));
        assertThat(prep(october, w44).toInstant())
                .isEqualTo(Instant.parse("2026-10-23T06:30:00Z")); // Fri 08:30 CEST
        // Two working days before Tuesday 2026-03-31 is the Friday before the change, at 08:30 CET.
        Manager tuesday = reviewing(PARIS, DayOfWeek.TUESDAY, LocalTime.of(17, 0), 2);
        assertThat(prep(tuesday, w14).toInstant()).isEqualTo(Instant.parse("2026-03-27T07:30:00Z"));
        // On the spring-forward day itself, a 03:30 review with no lead: a real hour before is
        // 01:30 CET,
        // not the wall-clock 02:30 that does not exist that night.
        Manager early = reviewing(PARIS, DayOfWeek.SUNDAY, LocalTime.of(3, 30), 0);
        IsoWeek w13 = IsoWeek.of(LocalDate.of(2026, 3, 29));
        assertThat(prep(early, w13).toInstant()).isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
        assertThat(prep(early, w13).toLocalTime()).isEqualTo(LocalTime.of(1, 30));
    }

    @Test
    void a_snoozed_review_prep_comes_back_half_an_hour_before_the_review_at_the_latest() {
        Manager m = reviewing(NEW_YORK, DayOfWeek.FRIDAY, LocalTime.of(17, 0), 1);
        // Friday 17:00, less the half hour a review prep's deadline keeps.
        Instant latest = Instant.parse("2026-12-04T22:00:00Z").minus(Duration.ofMinutes(30));
        Duration twoHours = Duration.ofHours(2);
        // Thursday 08:35: 10:35 is prime, so 12:00, far from the review.
        assertThat(
                        NudgePlanner.snoozedBefore(
                                m, Instant.parse("2026-12-03T13:35:00Z"), twoHours, latest))
                .contains(Instant.parse("2026-12-03T17:00:00Z"));
        // Friday 15:00: 17:00 would be the review itself, so 16:30 (inside prime hours, but before
        // the review).
        assertThat(
                        NudgePlanner.snoozedBefore(
                                m, Instant.parse("2026-12-04T20:00:00Z"), twoHours, latest))
                .contains(Instant.parse("2026-12-04T21:30:00Z"));
        // Friday 16:30 and later: no time is left.
        assertThat(
                        NudgePlanner.snoozedBefore(
                                m, Instant.parse("2026-12-04T21:30:00Z"), twoHours, latest))
                .isEmpty();
        assertThat(
                        NudgePlanner.snoozedBefore(
                                m, Instant.parse("2026-12-04T22:10:00Z"), twoHours, latest))
                .isEmpty();
    }

    @Test
    void a_nudge_at_0230_on_spring_forward_day_still_fires_once_that_day() {
        // 2027-03-14: New York skips from 02:00 to 03:00.
        Manager m =
                manager(
                        NEW_YORK,
                        DayOfWeek.SUNDAY,
                        LocalTime.of(2, 30),
                        Optional.empty(),
                        Month.JANUARY);
        List<Occurrence> week = weekly(m, IsoWeek.of(LocalDate.of(2027, 3, 14)));
        List<Occurrence> booking =
                week.stream().filter(o -> o.kind() == ReviewNudges.BOOK_REVIEW).toList();
        assertThat(booking).hasSize(1);
        ZonedDateTime at = local(booking.get(0), NEW_YORK);
        assertThat(at.toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 14));
        assertThat(at.toLocalTime()).isEqualTo(LocalTime.of(3, 30));
    }

    @Test
    void a_nudge_at_0130_on_fall_back_day_fires_once_at_the_first_0130() {
        // 2026-11-01: New York goes from 02:00 EDT back to 01:00 EST; 01:30 happens twice.
        Manager m =
                manager(
                        NEW_YORK,
                        DayOfWeek.SUNDAY,
                        LocalTime.of(1, 30),
                        Optional.empty(),
                        Month.JANUARY);
        List<Occurrence> booking =
                weekly(m, IsoWeek.of(LocalDate.of(2026, 11, 1))).stream()
                        .filter(o -> o.kind() == ReviewNudges.BOOK_REVIEW)
                        .toList();
        assertThat(booking).hasSize(1);
        assertThat(booking.get(0).dueAt())
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // 01:30 EDT
    }

    @Test
    void iso_week_one_and_week_53_are_right() {
        Manager m =
                manager(
                        ZoneId.of("Europe/Berlin"),
                        DayOfWeek.MONDAY,
                        LocalTime.of(8, 30),
                        Optional.empty(),
                        Month.JANUARY);
        // 2026 has 53 ISO weeks: W53 starts Monday 2026-12-28; 2027-W01 starts Monday 2027-01-04.
        assertThat(
                        local(
                                        kind(
                                                weekly(m, new IsoWeek(2026, 53)),
                                                ReviewNudges.BOOK_REVIEW),
                                        m.zone())
                                .toLocalDate())
                .isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(
                        local(
                                        kind(
                                                weekly(m, new IsoWeek(2027, 1)),
                                                ReviewNudges.BOOK_REVIEW),
                                        m.zone())
                                .toLocalDate())
                .isEqualTo(LocalDate.of(2027, 1, 4));
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1))).isEqualTo(new IsoWeek(2026, 53));
        assertThat(new IsoWeek(2026, 53).next()).isEqualTo(new IsoWeek(2027, 1));
    }

    @Test
    void forecast_nudges_before_the_fiscal_quarter_ends_for_any_start_month() {
        for (Month start : Month.values()) {
            Manager m =
                    manager(
                            NEW_YORK,
                            DayOfWeek.MONDAY,
                            LocalTime.of(8, 30),
                            Optional.empty(),
                            start);
            FiscalQuarter q = FiscalQuarter.containing(LocalDate.of(2026, 11, 26), start);
            assertThat(q.firstDay()).isBeforeOrEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(q.lastDay()).isAfterOrEqualTo(LocalDate.of(2026, 11, 26));
            assertThat(q.lastDay().plusDays(1).getDayOfMonth()).isEqualTo(1);
            assertThat(Math.floorMod(q.firstDay().getMonthValue() - start.getValue(), 3)).isZero();
            List<Occurrence> nudges = ForecastNudges.countdown(m, q);
            assertThat(nudges).hasSize(3);
            assertThat(nudges)
                    .allSatisfy(
                            o ->
                                    assertThat(local(o, NEW_YORK).toLocalTime())
                                            .isEqualTo(LocalTime.of(8, 30)));
            LocalDate sevenBefore = q.lastDay().minusDays(7);
            while (sevenBefore.getDayOfWeek().getValue() > 5) { // a weekend day: the Friday before
                sevenBefore = sevenBefore.minusDays(1);
            }
            assertThat(local(nudges.get(2), NEW_YORK).toLocalDate()).isEqualTo(sevenBefore);
        }
        FiscalQuarter april = FiscalQuarter.containing(LocalDate.of(2026, 5, 15), Month.APRIL);
        assertThat(april.label()).isEqualTo("Q1 FY2027");
        assertThat(april.lastDay()).isEqualTo(LocalDate.of(2026, 6, 30));
    }

    private static Manager quarterNudges(Month fiscalStart, List<Integer> days) {
        Manager m =
                manager(
                        NEW_YORK,
                        DayOfWeek.MONDAY,
                        LocalTime.of(8, 30),
                        Optional.empty(),
                        fiscalStart);
        return new Manager(
                m.teamId(),
                m.userId(),
                m.bossUserId(),
                m.zone(),
                m.zoneCheckedAt(),
                m.zoneExplicit(),
                m.reviewSlot(),
                m.primeHours(),
                m.fiscalStartMonth(),
                m.bookingNudgeDay(),
                m.bookingNudgeTime(),
                m.badNewsAfter(),
                days,
                m.prepLeadDays(),
                m.nudgesEnabled(),
                m.pausedUntil(),
                m.createdAt(),
                m.clock());
    }

    @Test
    void quarter_nudges_falling_on_a_weekend_come_on_the_friday_before() {
        // Q4 FY2026 ends Thursday 2026-12-31: 12 days before is Saturday the 19th, 4 days before
        // Sunday the 27th.
        FiscalQuarter q4 = FiscalQuarter.containing(LocalDate.of(2026, 12, 1), Month.JANUARY);
        List<Occurrence> nudges =
                ForecastNudges.countdown(quarterNudges(Month.JANUARY, List.of(12, 7, 4)), q4);
        assertThat(nudges)
                .extracting(o -> local(o, NEW_YORK).toLocalDateTime().toString())
                .containsExactly("2026-12-18T08:30", "2026-12-24T08:30", "2026-12-25T08:30");
        assertThat(nudges)
                .extracting(o -> o.period().key())
                .containsExactly("FY2026-Q4-12d", "FY2026-Q4-7d", "FY2026-Q4-4d");
        assertThat(nudges)
                .allSatisfy(
                        o ->
                                assertThat(local(o, NEW_YORK).getDayOfWeek().getValue())
                                        .isLessThanOrEqualTo(5));
    }

    @Test
    void two_quarter_nudges_moved_onto_one_friday_come_once() {
        FiscalQuarter q4 = FiscalQuarter.containing(LocalDate.of(2026, 12, 1), Month.JANUARY);
        List<Occurrence> nudges =
                ForecastNudges.countdown(quarterNudges(Month.JANUARY, List.of(13, 12, 11)), q4);
        assertThat(nudges)
                .extracting(o -> local(o, NEW_YORK).toLocalDate().toString())
                .containsExactly("2026-12-18");
        assertThat(nudges).extracting(o -> o.period().key()).containsExactly("FY2026-Q4-13d");
    }

    @Test
    void a_weekend_quarter_nudge_whose_friday_is_in_the_previous_quarter_comes_on_the_monday() {
        // Fiscal year from February: the quarter starts Saturday 2026-08-01 and ends 2026-10-31; 90
        // days
        // before the end is Sunday 2026-08-02, and the Friday before is in the previous quarter.
        FiscalQuarter q = FiscalQuarter.containing(LocalDate.of(2026, 8, 15), Month.FEBRUARY);
        assertThat(q.firstDay()).isEqualTo(LocalDate.of(2026, 8, 1));
        List<Occurrence> nudges =
                ForecastNudges.countdown(quarterNudges(Month.FEBRUARY, List.of(90)), q);
        assertThat(nudges)
                .extracting(o -> local(o, NEW_YORK).toLocalDateTime().toString())
                .containsExactly("2026-08-03T08:30");
    }

    @Test
    void bad_news_reminders_three_times_two_hours_apart_waiting_for_the_morning() {
        Manager m =
                manager(
                        NEW_YORK,
                        DayOfWeek.MONDAY,
                        LocalTime.of(8, 30),
                        Optional.empty(),
                        Month.JANUARY);
        Instant loggedAt = ZonedDateTime.of(2026, 11, 25, 17, 10, 0, 0, NEW_YORK).toInstant();
        List<Occurrence> chain = NewsNudges.badNews(m, 42, loggedAt);
        assertThat(chain)
                .extracting(o -> local(o, NEW_YORK).toLocalDateTime().toString())
                .containsExactly("2026-11-25T17:40", "2026-11-25T19:40", "2026-11-26T07:00");
        assertThat(chain)
                .extracting(o -> o.period().key())
                .containsExactly("news-42-1", "news-42-2", "news-42-3");
        assertThat(chain).allSatisfy(o -> assertThat(o.refId()).contains(42L));
    }

    @Test
    void good_news_reminder_the_next_working_morning() {
        Manager m =
                manager(
                        NEW_YORK,
                        DayOfWeek.MONDAY,
                        LocalTime.of(8, 30),
                        Optional.empty(),
                        Month.JANUARY);
        Instant friday = ZonedDateTime.of(2026, 11, 27, 15, 0, 0, 0, NEW_YORK).toInstant();
        assertThat(local(NewsNudges.goodNews(m, 7, friday), NEW_YORK).toLocalDateTime().toString())
                .isEqualTo("2026-11-30T08:30");
    }
}
