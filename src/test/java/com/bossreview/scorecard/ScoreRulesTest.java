package com.bossreview.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.boss.BossReply;
import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ToldVia;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.news.ToldHow;
import com.bossreview.review.ReviewState;
import com.bossreview.time.ClockStyle;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scorecard's rules, pure: no database, no Slack. */
class ScoreRulesTest {
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Manager manager(Month fiscalStart, Optional<ReviewSlot> slot, Instant createdAt) {
        return new Manager(
                "T1",
                "U1",
                Optional.of("UBOSS"),
                NEW_YORK,
                Optional.of(createdAt),
                false,
                slot,
                PrimeHours.DEFAULT,
                fiscalStart,
                DayOfWeek.MONDAY,
                LocalTime.of(8, 30),
                Duration.ofMinutes(30),
                List.of(21, 14, 7),
                Manager.DEFAULT_PREP_LEAD_DAYS,
                true,
                Optional.empty(),
                createdAt,
                ClockStyle.H24);
    }

    static final Manager JANUARY =
            manager(
                    Month.JANUARY,
                    Optional.of(new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(17, 0))),
                    Instant.parse("2026-01-01T00:00:00Z"));

    private static Duration min(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void the_median_of_an_odd_count_is_the_middle_value_and_of_an_even_count_the_mean_of_the_two() {
        assertThat(Scorecard.median(List.of(min(30), min(10), min(20)))).contains(min(20));
        assertThat(Scorecard.median(List.of(min(180), min(20), min(1440), min(45))))
                .contains(Duration.ofSeconds((45 + 180) * 60 / 2)); // 1 h 52 min 30 s
        assertThat(Scorecard.median(List.of(min(7)))).contains(min(7));
        assertThat(Scorecard.median(List.of())).isEmpty();
    }

    @Test
    void percentages_round_half_up_and_are_absent_for_nothing() {
        assertThat(Scorecard.percent(2, 3)).contains(67);
        assertThat(Scorecard.percent(1, 8)).contains(13); // 12.5
        assertThat(Scorecard.percent(9, 13)).contains(69);
        assertThat(Scorecard.percent(0, 0)).isEmpty();
    }

    @Test
    void an_empty_quarter_has_no_median_no_rate_of_weeks_not_yet_due_and_counts_nothing() {
        Instant now = Instant.parse("2026-10-01T14:00:00Z"); // Thu 1 Oct, 10:00 in New York
        Span span = Span.quarterSoFar(JANUARY, now);
        Scorecard s = ScoreRules.compute(JANUARY, span, ScoreInputs.none(), now);
        assertThat(span.label()).isEqualTo("Q4 FY2026 so far");
        assertThat(s.badNews().median()).isEmpty();
        assertThat(s.badNews().fastPercent()).isEmpty();
        assertThat(s.downgrades().total()).isZero();
        assertThat(s.held()).contains(new Scorecard.HeldRate(0, 0));
        assertThat(s.held().orElseThrow().percent()).isEmpty();
        assertThat(s.agendasSent()).isZero();
        assertThat(s.acks().total()).isZero();
        assertThat(ScorecardViews.figures(s, "<@UBOSS>", 0))
                .containsExactly(
                        ":stopwatch: *Bad news:* none logged",
                        ":chart_with_downwards_trend: *Downgrades:* none",
                        ":calendar: *Reviews held:* no review due yet · streak 0 weeks",
                        ":memo: *Agendas sent:* 0 · *<@UBOSS> answered:* 0 Thanks · 0 Let's talk"
                                + " · 0 questions");
    }

    @Test
    void fiscal_quarters_follow_the_managers_fiscal_year_start_in_their_zone() {
        Manager april = manager(Month.APRIL, Optional.empty(), Instant.EPOCH);
        // 1 July 2026, 02:00 UTC is still 30 June in New York: Q1 of FY2027 (April start).
        Span q1 = Span.quarterSoFar(april, Instant.parse("2026-07-01T02:00:00Z"));
        assertThat(q1.quarter()).isEqualTo(new FiscalQuarter(2027, 1, Month.APRIL));
        assertThat(q1.from()).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        Span q2 = Span.quarterSoFar(april, Instant.parse("2026-07-01T05:00:00Z"));
        assertThat(q2.label()).isEqualTo("Q2 FY2027 so far");
        // The recap of 1 January covers all of the quarter that just ended.
        Span ended =
                Span.quarterOf(
                        JANUARY, YearMonth.of(2026, 12), Instant.parse("2027-01-01T14:00:00Z"));
        assertThat(ended.label()).isEqualTo("Q4 FY2026");
        assertThat(ended.to()).isEqualTo(Instant.parse("2027-01-01T05:00:00Z"));
        assertThat(Span.month(JANUARY, YearMonth.of(2026, 11)).label()).isEqualTo("November");
    }

    private static NewsItem bad(long id, String logged, String told, boolean dismissed) {
        return new NewsItem(
                id,
                "T1",
                "U1",
                NewsKind.BAD,
                "news " + id,
                Instant.parse(logged),
                Optional.ofNullable(told).map(Instant::parse),
                Optional.ofNullable(told).map(t -> "UBOSS"),
                Optional.empty(),
                Optional.ofNullable(told).map(t -> ToldHow.DM),
                dismissed ? Optional.of(Instant.parse(logged).plusSeconds(60)) : Optional.empty());
    }

    @Test
    void bad_news_latency_starts_at_the_crm_change_and_untold_news_is_counted_apart() {
        Instant now = Instant.parse("2026-12-01T15:00:00Z");
        Span span = Span.quarterSoFar(JANUARY, now);
        List<NewsItem> news =
                List.of(
                        bad(1, "2026-10-05T18:00:00Z", "2026-10-05T18:20:00Z", false), // 20 min
                        bad(2, "2026-10-06T18:00:00Z", "2026-10-06T18:30:00Z", false), // CRM: 2h30
                        bad(3, "2026-10-07T18:00:00Z", null, false), // untold
                        bad(4, "2026-10-08T18:00:00Z", null, true), // dismissed: not counted
                        bad(5, "2026-09-30T18:00:00Z", "2026-10-01T18:00:00Z", false)); // before Q4
        ScoreInputs in =
                new ScoreInputs(
                        news,
                        Map.of(2L, Instant.parse("2026-10-06T16:00:00Z")),
                        List.of(),
                        Map.of(),
                        List.of(),
                        List.of());
        Scorecard.BadNews b = ScoreRules.badNews(span, in);
        assertThat(b.latencies()).containsExactly(min(20), min(150));
        assertThat(b.untold()).isEqualTo(1);
        assertThat(b.median()).contains(min(85));
        assertThat(b.toldFast()).isEqualTo(1);
        assertThat(b.fastPercent()).contains(50);
    }

    private static long ids = 100;

    private static Forecast figure(String amount, String recorded, String told) {
        return new Forecast(
                ids++,
                "T1",
                "U1",
                2026,
                4,
                new BigDecimal(amount),
                Optional.empty(),
                Optional.empty(),
                Instant.parse(recorded),
                Optional.ofNullable(told).map(Instant::parse),
                Optional.ofNullable(told).map(t -> "UBOSS"),
                Optional.ofNullable(told).map(t -> ToldVia.DM));
    }

    @Test
    void a_downgrade_counts_when_told_early_or_late_and_the_latest_untold_one_counts_once() {
        List<Forecast> q4 =
                List.of(
                        figure("500000", "2026-10-02T14:00:00Z", "2026-10-02T14:01:00Z"),
                        figure("450000", "2026-10-15T14:00:00Z", "2026-10-15T14:05:00Z"), // early
                        figure("430000", "2026-10-20T14:00:00Z", null), // superseded, untold
                        figure("470000", "2026-11-02T14:00:00Z", "2026-11-02T14:01:00Z"), // up
                        // 17 Dec is 14 days before 31 Dec: still early
                        figure("460000", "2026-12-17T14:00:00Z", "2026-12-17T14:01:00Z"),
                        // 18 Dec is 13 days before: late
                        figure("400000", "2026-12-18T14:00:00Z", "2026-12-18T14:01:00Z"),
                        figure("390000", "2026-12-28T14:00:00Z", null),
                        figure("380000", "2026-12-29T14:00:00Z", null)); // latest, untold
        Span span = Span.quarterSoFar(JANUARY, Instant.parse("2026-12-31T20:00:00Z"));
        assertThat(ScoreRules.downgrades(JANUARY, span, q4))
                .isEqualTo(new Scorecard.Downgrades(2, 1, 1));
        // Raised back above the told figure: nothing untold to confess.
        List<Forecast> raised = new ArrayList<>(q4);
        raised.add(figure("420000", "2026-12-30T14:00:00Z", null));
        assertThat(ScoreRules.downgrades(JANUARY, span, raised))
                .isEqualTo(new Scorecard.Downgrades(2, 1, 0));
    }

    @Test
    void the_held_rate_counts_skips_as_not_held_and_only_weeks_whose_review_has_come() {
        // Thu 15 Oct 2026, 12:00 in New York: Fridays 2 and 9 Oct have come, 16 Oct not yet.
        Instant now = Instant.parse("2026-10-15T16:00:00Z");
        Span span = Span.quarterSoFar(JANUARY, now);
        Map<IsoWeek, ReviewState> weeks = new HashMap<>();
        weeks.put(new IsoWeek(2026, 40), ReviewState.HELD); // Fri 2 Oct
        weeks.put(new IsoWeek(2026, 41), ReviewState.SKIPPED); // Fri 9 Oct
        ScoreInputs in =
                new ScoreInputs(List.of(), Map.of(), List.of(), weeks, List.of(), List.of());
        assertThat(ScoreRules.heldRate(JANUARY, span, in, now))
                .contains(new Scorecard.HeldRate(1, 2));
        // This week marked held before Friday counts already.
        weeks.put(new IsoWeek(2026, 42), ReviewState.HELD);
        in = new ScoreInputs(List.of(), Map.of(), List.of(), weeks, List.of(), List.of());
        assertThat(ScoreRules.heldRate(JANUARY, span, in, now))
                .contains(new Scorecard.HeldRate(2, 3));
        // Weeks before the manager started are not theirs to hold; no slot, no rate.
        Manager late =
                manager(Month.JANUARY, JANUARY.reviewSlot(), Instant.parse("2026-10-05T12:00:00Z"));
        assertThat(ScoreRules.heldRate(late, span, in, now)).contains(new Scorecard.HeldRate(1, 2));
        Manager noSlot = manager(Month.JANUARY, Optional.empty(), Instant.EPOCH);
        assertThat(ScoreRules.heldRate(noSlot, span, in, now)).isEmpty();
    }

    @Test
    void agendas_and_answers_count_only_inside_the_span() {
        Instant now = Instant.parse("2026-12-01T15:00:00Z");
        Span november = Span.month(JANUARY, YearMonth.of(2026, 11));
        ScoreInputs in =
                new ScoreInputs(
                        List.of(),
                        Map.of(),
                        List.of(),
                        Map.of(),
                        List.of(
                                Instant.parse("2026-10-30T20:00:00Z"),
                                Instant.parse("2026-11-13T20:00:00Z")),
                        List.of(
                                new ScoreInputs.Reply(
                                        BossReply.THANKS, Instant.parse("2026-11-02T15:00:00Z")),
                                new ScoreInputs.Reply(
                                        BossReply.ASK, Instant.parse("2026-11-03T15:00:00Z")),
                                new ScoreInputs.Reply(
                                        BossReply.LETS_TALK,
                                        Instant.parse("2026-12-01T05:00:00Z"))));
        Scorecard s = ScoreRules.compute(JANUARY, november, in, now);
        assertThat(s.agendasSent()).isEqualTo(1);
        assertThat(s.acks()).isEqualTo(new Scorecard.Acknowledgements(1, 0, 1));
    }

    @Test
    void durations_read_in_minutes_hours_and_days() {
        assertThat(ScorecardViews.duration(min(45))).isEqualTo("45 min");
        assertThat(ScorecardViews.duration(Duration.ofSeconds(6750))).isEqualTo("1 h 52 min");
        assertThat(ScorecardViews.duration(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(ScorecardViews.duration(Duration.ofHours(27))).isEqualTo("1 d 3 h");
    }
}
