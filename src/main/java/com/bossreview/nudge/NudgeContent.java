package com.bossreview.nudge;

import com.bossreview.agenda.AgendaService;
import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.ManagerKey;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewDao;
import com.bossreview.review.ReviewState;
import com.bossreview.time.IsoWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * What a claimed nudge says and whether it should still be said: the one part of the engine that
 * knows the features. Everything a claim needs from the database is read in a few statements for
 * the whole claim rather than several round trips per nudge (measured: that was the wave's
 * bottleneck, BENCHMARKS.md).
 */
final class NudgeContent {
    static final Duration SOCIAL_TIP_EVERY = Duration.ofDays(30);

    private final Jdbi jdbi;
    private final Relevance relevance;
    private final NewsService news;
    private final ForecastService forecasts;
    private final AgendaService agendas;

    NudgeContent(
            Jdbi jdbi,
            Relevance relevance,
            NewsService news,
            ForecastService forecasts,
            AgendaService agendas) {
        this.jdbi = jdbi;
        this.relevance = relevance;
        this.news = news;
        this.forecasts = forecasts;
        this.agendas = agendas;
    }

    /** A claim's managers and this week's review states, read in one query each. */
    static final class Batch {
        private final Map<ManagerKey, Manager> managers = new HashMap<>();
        private final Map<ManagerWeek, ReviewState> weeks = new HashMap<>();
        private Set<ManagerKey> socialTips = Set.of();

        Optional<Manager> manager(Nudge n) {
            return Optional.ofNullable(managers.get(n.manager()));
        }

        Optional<ReviewState> week(Nudge n, Manager m) {
            return Optional.ofNullable(weeks.get(new ManagerWeek(ManagerKey.of(m), n.week())));
        }

        boolean socialTip(Nudge n) {
            return socialTips.contains(n.manager());
        }
    }

    private record ManagerWeek(ManagerKey manager, IsoWeek week) {}

    Batch prefetch(List<Nudge> claimed) {
        Batch b = new Batch();
        String[] teams = claimed.stream().map(Nudge::teamId).toArray(String[]::new);
        String[] users = claimed.stream().map(Nudge::userId).toArray(String[]::new);
        List<Nudge> weekly = claimed.stream().filter(n -> n.kind().weekly()).toList();
        jdbi.useHandle(
                h -> {
                    h.attach(ManagerDao.class)
                            .findAll(teams, users)
                            .forEach(m -> b.managers.put(ManagerKey.of(m), m));
                    if (weekly.isEmpty()) {
                        return;
                    }
                    int[] years = new int[weekly.size()];
                    int[] weeks = new int[weekly.size()];
                    for (int i = 0; i < weekly.size(); i++) {
                        IsoWeek w = weekly.get(i).week();
                        years[i] = w.year();
                        weeks[i] = w.week();
                    }
                    h.attach(ReviewDao.class)
                            .states(
                                    weekly.stream().map(Nudge::teamId).toArray(String[]::new),
                                    weekly.stream().map(Nudge::userId).toArray(String[]::new),
                                    years,
                                    weeks)
                            .forEach(
                                    w ->
                                            b.weeks.put(
                                                    new ManagerWeek(
                                                            new ManagerKey(w.teamId(), w.userId()),
                                                            new IsoWeek(w.isoYear(), w.isoWeek())),
                                                    w.state()));
                });
        return b;
    }

    /** Why {@code n} should no longer be sent, if it should not. */
    Optional<Relevance.Skip> skip(Nudge n, Batch b, Instant now) {
        return relevance.check(n, b.manager(n), now, b::week);
    }

    /**
     * Takes this month's socialising tip, in one statement, for every manager about to get a
     * booking nudge who has not had one for a month.
     */
    void takeSocialTips(List<Nudge> toSend, Batch b, Instant now) {
        List<Nudge> booking =
                toSend.stream().filter(n -> n.kind() == NudgeKind.BOOK_REVIEW).toList();
        if (booking.isEmpty()) {
            return;
        }
        Set<ManagerKey> due = new HashSet<>();
        jdbi.withExtension(
                        ManagerDao.class,
                        dao ->
                                dao.takeSocialTips(
                                        booking.stream().map(Nudge::teamId).toArray(String[]::new),
                                        booking.stream().map(Nudge::userId).toArray(String[]::new),
                                        now,
                                        now.minus(SOCIAL_TIP_EVERY)))
                .forEach(k -> due.add(new ManagerKey(k.teamId(), k.userId())));
        b.socialTips = due;
    }

    /** The DM for {@code n}, as of {@code now}. */
    NudgeViews.Message render(Nudge n, Batch b, Instant now) {
        Manager m = b.manager(n).orElseThrow();
        var quarter = forecasts.currentQuarter(m);
        boolean aboutNews = n.kind() == NudgeKind.BAD_NEWS || n.kind() == NudgeKind.GOOD_NEWS;
        boolean aboutForecast =
                n.kind() == NudgeKind.FORECAST || n.kind() == NudgeKind.FORECAST_DOWNGRADE;
        NudgeViews.Extras extras =
                new NudgeViews.Extras(
                        aboutNews
                                ? n.refId().flatMap(id -> news.find(n.teamId(), n.userId(), id))
                                : Optional.empty(),
                        n.kind() == NudgeKind.REVIEW_PREP
                                ? Optional.of(agendas.build(m))
                                : Optional.empty(),
                        aboutForecast ? forecasts.current(m) : Optional.empty(),
                        quarter,
                        quarter.daysLeft(m.today(now)),
                        b.socialTip(n));
        return NudgeViews.render(n, m, extras, now);
    }
}
