package com.bossreview.scorecard;

import com.bossreview.agenda.AgendaDao;
import com.bossreview.boss.BossReplyDao;
import com.bossreview.crm.CrmSyncDao;
import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ForecastDao;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerKey;
import com.bossreview.news.NewsDao;
import com.bossreview.news.NewsItem;
import com.bossreview.review.ReviewDao;
import com.bossreview.review.ReviewState;
import com.bossreview.time.IsoWeek;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads what the scorecards of several managers need, from each table's owner, in one statement per
 * table for all of them (a recap claim holds up to a batch of managers), on one connection.
 */
final class ScoreReader {
    /** One manager and the span whose start is the earliest anything is read from. */
    record Ask(Manager manager, Span span) {}

    private final Jdbi jdbi;

    ScoreReader(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Map<ManagerKey, ScoreInputs> read(List<Ask> asks, Instant now) {
        if (asks.isEmpty()) {
            return Map.of();
        }
        int n = asks.size();
        String[] teams = new String[n];
        String[] users = new String[n];
        long[] fromMicros = new long[n];
        int[] years = new int[n];
        int[] quarters = new int[n];
        int[] isoYears = new int[n];
        int[] isoWeeks = new int[n];
        for (int i = 0; i < n; i++) {
            Ask a = asks.get(i);
            teams[i] = a.manager().teamId();
            users[i] = a.manager().userId();
            fromMicros[i] = ChronoUnit.MICROS.between(Instant.EPOCH, a.span().from());
            years[i] = a.span().quarter().fiscalYear();
            quarters[i] = a.span().quarter().quarter();
            IsoWeek w = IsoWeek.of(a.span().from().atZone(a.manager().zone()).toLocalDate());
            isoYears[i] = w.year();
            isoWeeks[i] = w.week();
        }
        Map<ManagerKey, Parts> parts = new HashMap<>();
        asks.forEach(a -> parts.put(ManagerKey.of(a.manager()), new Parts()));
        jdbi.useHandle(
                h -> {
                    List<NewsItem> bad =
                            h.attach(NewsDao.class).badNewsLogged(teams, users, fromMicros, now);
                    bad.forEach(item -> part(parts, item.teamId(), item.userId()).bad.add(item));
                    crmChanges(h, teams, bad, parts);
                    for (Forecast f :
                            h.attach(ForecastDao.class).inQuarters(teams, users, years, quarters)) {
                        part(parts, f.teamId(), f.userId()).figures.add(f);
                    }
                    h.attach(ReviewDao.class)
                            .statesFrom(teams, users, isoYears, isoWeeks)
                            .forEach(
                                    w ->
                                            part(parts, w.teamId(), w.userId())
                                                    .weeks
                                                    .put(
                                                            new IsoWeek(w.isoYear(), w.isoWeek()),
                                                            w.state()));
                    h.attach(AgendaDao.class)
                            .sentBetween(teams, users, fromMicros, now)
                            .forEach(
                                    a ->
                                            part(parts, a.teamId(), a.userId())
                                                    .agendas
                                                    .add(a.sentAt()));
                    h.attach(BossReplyDao.class)
                            .answeredBetween(teams, users, fromMicros, now)
                            .forEach(
                                    r ->
                                            part(parts, r.teamId(), r.userId())
                                                    .replies
                                                    .add(
                                                            new ScoreInputs.Reply(
                                                                    r.reply(), r.answeredAt())));
                });
        Map<ManagerKey, ScoreInputs> out = new HashMap<>();
        parts.forEach((k, p) -> out.put(k, p.inputs()));
        return out;
    }

    private static void crmChanges(
            Handle h, String[] teams, List<NewsItem> bad, Map<ManagerKey, Parts> parts) {
        if (bad.isEmpty()) {
            return;
        }
        Map<Long, NewsItem> byId = new HashMap<>();
        bad.forEach(item -> byId.put(item.id(), item));
        long[] ids = bad.stream().mapToLong(NewsItem::id).toArray();
        for (CrmSyncDao.NewsChange c : h.attach(CrmSyncDao.class).changeTimes(teams, ids)) {
            NewsItem item = byId.get(c.newsId());
            part(parts, item.teamId(), item.userId()).crm.put(c.newsId(), c.modifiedAt());
        }
    }

    private static Parts part(Map<ManagerKey, Parts> parts, String team, String user) {
        return parts.computeIfAbsent(new ManagerKey(team, user), k -> new Parts());
    }

    /** One manager's rows as they come in. */
    private static final class Parts {
        final List<NewsItem> bad = new ArrayList<>();
        final Map<Long, Instant> crm = new HashMap<>();
        final List<Forecast> figures = new ArrayList<>();
        final Map<IsoWeek, ReviewState> weeks = new HashMap<>();
        final List<Instant> agendas = new ArrayList<>();
        final List<ScoreInputs.Reply> replies = new ArrayList<>();

        ScoreInputs inputs() {
            return new ScoreInputs(bad, crm, figures, weeks, agendas, replies);
        }
    }
}
