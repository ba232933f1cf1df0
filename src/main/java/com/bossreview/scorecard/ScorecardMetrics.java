package com.bossreview.scorecard;

import com.bossreview.news.NewsDao;
import com.bossreview.review.ReviewDao;
import com.bossreview.review.ReviewState;
import com.bossreview.time.IsoWeek;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorecard on {@code /metrics}, across every workspace together: never a workspace, a manager
 * or a boss, and no labels at all (a fixed, tiny number of series). Bad news told in the last 90
 * days (median latency from logged to told, the share within an hour) and the share of the last 13
 * finished ISO weeks with a stored review state that were held. Two aggregate statements, run at
 * most every {@link #REFRESH} however often Prometheus scrapes.
 */
public final class ScorecardMetrics {
    private static final Logger log = LoggerFactory.getLogger(ScorecardMetrics.class);

    static final Duration WINDOW = Duration.ofDays(90);
    static final int WEEKS = 13;
    static final Duration REFRESH = Duration.ofMinutes(5);

    /** One reading of the aggregates; NaN where there is nothing to measure. */
    record Reading(
            Instant at, double told, double medianSeconds, double fastShare, double heldShare) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile Reading last;

    public ScorecardMetrics(Jdbi jdbi, Clock clock, MeterRegistry registry) {
        this.jdbi = jdbi;
        this.clock = clock;
        gauge(
                registry,
                "scorecard.bad.news.told",
                "bad news told to a boss in the last 90 days, all workspaces",
                Reading::told);
        gauge(
                registry,
                "scorecard.bad.news.latency.median.seconds",
                "median time from bad news logged to told, last 90 days, all workspaces",
                Reading::medianSeconds);
        gauge(
                registry,
                "scorecard.bad.news.told.within.hour.ratio",
                "share of bad news told within an hour, last 90 days, all workspaces",
                Reading::fastShare);
        gauge(
                registry,
                "scorecard.reviews.held.ratio",
                "share of weekly reviews held, of the last 13 finished weeks marked, all workspaces",
                Reading::heldShare);
    }

    private void gauge(
            MeterRegistry registry, String name, String help, ToDoubleFunction<Reading> value) {
        Gauge.builder(name, this, s -> value.applyAsDouble(s.reading()))
                .description(help)
                // Nothing else holds this object: a gauge's weak reference would let it go.
                .strongReference(true)
                .register(registry);
    }

    /** The aggregates, read again when the last reading is older than {@link #REFRESH}. */
    synchronized Reading reading() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(REFRESH))) {
            try {
                last = read(now);
            } catch (RuntimeException e) {
                // A scrape while the database is away: the gauges say "unknown", the probe says
                // why.
                log.warn("scorecard metrics not read: {}", e.getClass().getSimpleName());
                return new Reading(now, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
        }
        return last;
    }

    Reading read(Instant now) {
        NewsDao.ToldLatency told =
                jdbi.withExtension(
                        NewsDao.class,
                        dao -> dao.toldLatency(now.minus(WINDOW), Scorecard.FAST.toSeconds()));
        IsoWeek thisWeek = IsoWeek.of(LocalDate.ofInstant(now, ZoneOffset.UTC));
        IsoWeek from = thisWeek;
        for (int i = 0; i < WEEKS; i++) {
            from = from.previous();
        }
        IsoWeek first = from;
        List<ReviewDao.StateCount> weeks =
                jdbi.withExtension(
                        ReviewDao.class,
                        dao ->
                                dao.countsBetween(
                                        first.year(),
                                        first.week(),
                                        thisWeek.year(),
                                        thisWeek.week()));
        long all = weeks.stream().mapToLong(ReviewDao.StateCount::weeks).sum();
        long held =
                weeks.stream()
                        .filter(w -> w.state() == ReviewState.HELD)
                        .mapToLong(ReviewDao.StateCount::weeks)
                        .sum();
        return new Reading(
                now,
                told.told(),
                told.medianSeconds() == null ? Double.NaN : told.medianSeconds(),
                told.told() == 0 ? Double.NaN : (double) told.withinLimit() / told.told(),
                all == 0 ? Double.NaN : (double) held / all);
    }
}
