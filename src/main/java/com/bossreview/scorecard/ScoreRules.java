package com.bossreview.scorecard;

import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.Recorded;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.news.NewsItem;
import com.bossreview.nudge.LocalTimes;
import com.bossreview.review.ReviewState;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a {@link Scorecard} is computed from what was read: pure, so each rule is tested alone. */
public final class ScoreRules {
    /** A downgrade told at least this many days before the quarter's last day was told in time. */
    public static final int EARLY_DAYS = 14;

    private ScoreRules() {}

    /** {@code m}'s scorecard over {@code span}, as of {@code now}. */
    public static Scorecard compute(Manager m, Span span, ScoreInputs in, Instant now) {
        return new Scorecard(
                span,
                badNews(span, in),
                downgrades(m, span, in.figures()),
                heldRate(m, span, in, now),
                (int) in.agendasSent().stream().filter(span::contains).count(),
                acknowledgements(span, in));
    }

    /**
     * Bad news logged in the span: latency from when it happened (logged, or the CRM change that
     * drafted it when that came first) to when the boss was told, however that was.
     */
    static Scorecard.BadNews badNews(Span span, ScoreInputs in) {
        List<Duration> latencies = new ArrayList<>();
        int untold = 0;
        for (NewsItem n : in.badNews()) {
            if (n.dismissed() || !span.contains(n.loggedAt())) {
                continue;
            }
            if (n.sharedAt().isEmpty()) {
                untold++;
                continue;
            }
            Instant happened = n.loggedAt();
            Instant crm = in.crmChanges().get(n.id());
            if (crm != null && crm.isBefore(happened)) {
                happened = crm;
            }
            Duration d = Duration.between(happened, n.sharedAt().get());
            latencies.add(d.isNegative() ? Duration.ZERO : d);
        }
        return new Scorecard.BadNews(latencies, untold);
    }

    /**
     * A downgrade counts when it reaches the boss: a figure told in the span below the figure told
     * before it. A figure recorded but never told does not count on its own (the boss never knew
     * it), except the quarter's latest one: below the told figure and still untold, it is the
     * downgrade the boss has not heard.
     */
    static Scorecard.Downgrades downgrades(Manager m, Span span, List<Forecast> figures) {
        FiscalQuarter q = span.quarter();
        List<Forecast> quarter = figures.stream().filter(f -> f.isIn(q)).toList();
        int early = 0;
        int late = 0;
        for (Forecast f : quarter) {
            if (f.sharedAt().isEmpty() || !span.contains(f.sharedAt().get())) {
                continue;
            }
            if (Recorded.of(f, quarter, q, 0).isDowngrade()) {
                if (q.daysLeft(m.today(f.sharedAt().get())) >= EARLY_DAYS) {
                    early++;
                } else {
                    late++;
                }
            }
        }
        Optional<Forecast> latest =
                quarter.stream()
                        .filter(f -> f.recordedAt().isBefore(span.to()))
                        .reduce((a, b) -> b);
        int untold =
                latest.filter(f -> !f.told() && !f.recordedAt().isBefore(span.from()))
                                .filter(f -> Recorded.of(f, quarter, q, 0).isDowngrade())
                                .isPresent()
                        ? 1
                        : 0;
        return new Scorecard.Downgrades(early, late, untold);
    }

    /**
     * The weeks whose review (at the manager's slot) fell in the span, from the week they started
     * using bossreview, and the held ones among them; a week marked held or skipped before its slot
     * counts already. Without a slot there is no rate.
     */
    static Optional<Scorecard.HeldRate> heldRate(
            Manager m, Span span, ScoreInputs in, Instant now) {
        if (m.reviewSlot().isEmpty()) {
            return Optional.empty();
        }
        ReviewSlot slot = m.reviewSlot().get();
        Instant from = m.createdAt().isAfter(span.from()) ? m.createdAt() : span.from();
        int held = 0;
        int weeks = 0;
        IsoWeek last = IsoWeek.of(span.to().atZone(m.zone()).toLocalDate());
        for (IsoWeek w = IsoWeek.of(from.atZone(m.zone()).toLocalDate());
                w.compareTo(last) <= 0;
                w = w.next()) {
            Instant review = LocalTimes.at(w.day(slot.day()), slot.time(), m.zone());
            ReviewState state = in.weeks().get(w);
            boolean marked = state == ReviewState.HELD || state == ReviewState.SKIPPED;
            boolean counts =
                    review.isBefore(span.to())
                            ? !review.isBefore(from)
                            // this week's review, still to come, marked early: only while the
                            // span is still running
                            : marked && w.equals(last) && !span.to().isBefore(now);
            if (counts) {
                weeks++;
                held += state == ReviewState.HELD ? 1 : 0;
            }
        }
        return Optional.of(new Scorecard.HeldRate(held, weeks));
    }

    static Scorecard.Acknowledgements acknowledgements(Span span, ScoreInputs in) {
        int thanks = 0;
        int talk = 0;
        int asked = 0;
        for (ScoreInputs.Reply r : in.replies()) {
            if (!span.contains(r.at())) {
                continue;
            }
            switch (r.reply()) {
                case THANKS -> thanks++;
                case LETS_TALK -> talk++;
                case ASK -> asked++;
            }
        }
        return new Scorecard.Acknowledgements(thanks, talk, asked);
    }
}
