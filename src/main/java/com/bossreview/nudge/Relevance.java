package com.bossreview.nudge;

import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ForecastService;
import com.bossreview.forecast.Recorded;
import com.bossreview.manager.Manager;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewDao;
import com.bossreview.review.ReviewState;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a due nudge still has a reason to be sent, decided at send time: a nudge stops the moment
 * its reason is gone, and one due while the app was down goes out late only while still useful.
 */
public final class Relevance {
    /** Why a nudge is not sent; stored as the row's outcome. */
    public record Skip(String reason) {}

    static final Duration FORECAST_FRESH = Duration.ofDays(7);
    static final Duration GOOD_NEWS_STALE = Duration.ofDays(3);

    private final Jdbi jdbi;
    private final NewsService news;
    private final ForecastService forecasts;

    public Relevance(Jdbi jdbi, NewsService news, ForecastService forecasts) {
        this.jdbi = jdbi;
        this.news = news;
        this.forecasts = forecasts;
    }

    public Optional<Skip> check(Nudge n, Optional<Manager> manager, Instant now) {
        return check(n, manager, now, this::week);
    }

    /**
     * As {@link #check(Nudge, Optional, Instant)}, with this week's review state looked up by
     * {@code weeks} (the dispatcher reads them for a whole batch in one query).
     */
    Optional<Skip> check(
            Nudge n,
            Optional<Manager> manager,
            Instant now,
            java.util.function.BiFunction<Nudge, Manager, Optional<ReviewState>> weeks) {
        if (manager.isEmpty()) {
            return skip("manager gone");
        }
        Manager m = manager.get();
        if (!m.nudgesEnabled()) {
            return skip("nudges off");
        }
        if (m.isPaused(now)) {
            return skip("paused");
        }
        if (m.bossUserId().isEmpty()) {
            return skip("no boss");
        }
        return switch (n.kind()) {
            case BOOK_REVIEW, BOOK_REVIEW_FOLLOWUP -> {
                Optional<ReviewState> state = weeks.apply(n, m);
                if (state.isPresent()) {
                    yield skip("review already " + state.get().name().toLowerCase(Locale.ROOT));
                }
                yield sameLocalDay(n, m, now) ? none() : skip("late: booking day over");
            }
            case REVIEW_PREP -> {
                Optional<ReviewState> state = weeks.apply(n, m);
                if (state.filter(s -> s == ReviewState.SKIPPED || s == ReviewState.HELD)
                        .isPresent()) {
                    yield skip("review " + state.get().name().toLowerCase(Locale.ROOT));
                }
                // The slot as it is now: a prep nudge (or its snoozed copy) outlives a moved slot.
                Optional<Instant> start = NudgePlanner.reviewStart(m, n.week());
                if (start.isEmpty()) {
                    yield skip("review slot removed");
                }
                if (now.isBefore(start.get())) {
                    yield none();
                }
                yield start.get().isAfter(n.dueAt())
                        ? skip("late: review started")
                        : skip("review moved to a time already past");
            }
            case DID_IT_HAPPEN -> {
                Optional<ReviewState> s = weeks.apply(n, m);
                if (s.filter(x -> x != ReviewState.BOOKED).isPresent()) {
                    yield skip("already marked " + s.get().name().toLowerCase(Locale.ROOT));
                }
                yield IsoWeek.of(m.today(now))
                                        .compareTo(
                                                IsoWeek.of(
                                                        n.dueAt().atZone(m.zone()).toLocalDate()))
                                > 0
                        ? skip("late: week over")
                        : none();
            }
            case BAD_NEWS ->
                    newsItem(n, m)
                            .map(
                                    item ->
                                            closed(item)
                                                    .or(
                                                            () ->
                                                                    superseded(n, now)
                                                                            ? skip(
                                                                                    "late: a later reminder is due")
                                                                            : none()))
                            .orElse(skip("news gone"));
            case GOOD_NEWS ->
                    newsItem(n, m)
                            .map(
                                    item ->
                                            closed(item)
                                                    .or(
                                                            () ->
                                                                    now.isAfter(
                                                                                    n.dueAt()
                                                                                            .plus(
                                                                                                    GOOD_NEWS_STALE))
                                                                            ? skip(
                                                                                    "late: news is old")
                                                                            : none()))
                            .orElse(skip("news gone"));
            case FORECAST -> {
                FiscalQuarter q = forecasts.currentQuarter(m);
                if (!(n.period().base() instanceof NudgePeriod.Countdown c && c.isIn(q))) {
                    yield skip("late: quarter over");
                }
                // Silenced only when the boss knows the current figure: a fresh figure nobody told
                // them is no reason.
                boolean known =
                        forecasts
                                .current(m)
                                .filter(
                                        r ->
                                                r.bossKnows()
                                                        && r.forecast()
                                                                .recordedAt()
                                                                .isAfter(now.minus(FORECAST_FRESH)))
                                .isPresent();
                yield known
                        ? skip("forecast recent and told")
                        : superseded(n, now) ? skip("late: a later reminder is due") : none();
            }
            case FORECAST_DOWNGRADE -> forecastDowngrade(n, m, now);
        };
    }

    /**
     * An untold downgrade's reminder goes out while that figure is the latest of the current
     * quarter, untold and still below what the boss was told: a later figure either was told, is no
     * longer below, or is a downgrade with reminders of its own.
     */
    private Optional<Skip> forecastDowngrade(Nudge n, Manager m, Instant now) {
        Optional<Forecast> f = n.refId().flatMap(id -> forecasts.find(m, id));
        if (f.isEmpty()) {
            return skip("forecast gone");
        }
        if (!f.get().isIn(forecasts.currentQuarter(m))) {
            return skip("late: quarter over");
        }
        if (f.get().told()) {
            return skip("told");
        }
        Optional<Recorded> current = forecasts.current(m);
        if (current.isEmpty() || current.get().forecast().id() != f.get().id()) {
            return skip(
                    current.filter(r -> r.forecast().told()).isPresent()
                            ? "a later figure was told"
                            : current.filter(Recorded::isDowngrade).isPresent()
                                    ? "a later downgrade has its own reminders"
                                    : "a later figure is not below what the boss was told");
        }
        if (!current.get().isDowngrade()) {
            return skip("no longer below what the boss was told");
        }
        return superseded(n, now) ? skip("late: a later reminder is due") : none();
    }

    private Optional<ReviewState> week(Nudge n, Manager m) {
        IsoWeek week = n.week();
        return jdbi.withExtension(
                ReviewDao.class,
                dao -> dao.state(m.teamId(), m.userId(), week.year(), week.week()));
    }

    /**
     * Whether a later reminder of the same chain (its period's {@link NudgePeriod#chainPattern()})
     * is due too.
     */
    private boolean superseded(Nudge n, Instant now) {
        return n.period()
                .chainPattern()
                .map(
                        chain ->
                                jdbi.withExtension(
                                        NudgeDao.class,
                                        dao ->
                                                dao.laterDue(
                                                        n.teamId(),
                                                        n.userId(),
                                                        n.kind(),
                                                        chain,
                                                        n.dueAt(),
                                                        now,
                                                        n.id())))
                .orElse(false);
    }

    private Optional<NewsItem> newsItem(Nudge n, Manager m) {
        return n.refId().flatMap(id -> news.find(m.teamId(), m.userId(), id));
    }

    /** News told in any way, or dismissed, needs no reminder; each way is its own reason. */
    private static Optional<Skip> closed(NewsItem item) {
        if (item.dismissed()) {
            return skip("dismissed");
        }
        return item.how()
                .map(
                        how ->
                                switch (how) {
                                    case DM -> new Skip("shared");
                                    case AGENDA -> new Skip("told in agenda");
                                    case OUTSIDE -> new Skip("told outside Slack");
                                });
    }

    private static boolean sameLocalDay(Nudge n, Manager m, Instant now) {
        return n.dueAt().atZone(m.zone()).toLocalDate().equals(m.today(now))
                || now.isBefore(n.dueAt()); // a snoozed copy is due later the same day or the next
    }

    private static Optional<Skip> skip(String reason) {
        return Optional.of(new Skip(reason));
    }

    private static Optional<Skip> none() {
        return Optional.empty();
    }
}
