package com.bossreview.nudge;

import com.bossreview.install.WorkspaceDao;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every manager's settings into occurrence rows for the coming days. Idempotent (rows are
 * unique per team, manager, kind and period), so it can run every minute on any instance; it plans
 * from where the last run stopped, so nothing due while the app was down is forgotten. Workspaces
 * that uninstalled bossreview (their data kept for a retention period) get no plans; {@link
 * #resume} plans theirs again when they reinstall.
 */
public final class Materializer {
    private static final Logger log = LoggerFactory.getLogger(Materializer.class);
    static final Duration HORIZON = Duration.ofDays(8);

    /** On the very first run, occurrences this far in the past are still planned. */
    static final Duration FIRST_LOOKBACK = Duration.ofMinutes(15);

    static final int PAGE = 500;
    static final List<String> PERIODIC =
            List.of(
                    NudgeKind.BOOK_REVIEW.name(),
                    NudgeKind.BOOK_REVIEW_FOLLOWUP.name(),
                    NudgeKind.REVIEW_PREP.name(),
                    NudgeKind.DID_IT_HAPPEN.name(),
                    NudgeKind.FORECAST.name());

    private final Jdbi jdbi;
    private final Clock clock;
    private final NudgeMetrics metrics;

    public Materializer(Jdbi jdbi, Clock clock, NudgeMetrics metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Plans every manager's occurrences due after the last planned point and up to the horizon. */
    public int materialize() {
        Instant now = clock.instant();
        Instant from =
                jdbi.withExtension(NudgeDao.class, NudgeDao::plannedTo)
                        .map(p -> p.isBefore(now) ? p : now)
                        .orElse(now.minus(FIRST_LOOKBACK));
        Instant to = now.plus(HORIZON);
        int planned = 0;
        String afterTeam = "";
        String afterUser = "";
        while (true) {
            String t = afterTeam;
            String u = afterUser;
            List<Manager> page =
                    jdbi.withHandle(
                            h ->
                                    h.attach(ManagerDao.class)
                                            .nudgeableAfter(t, u, PAGE, uninstalled(h)));
            if (page.isEmpty()) {
                break;
            }
            List<Occurrence> occurrences = new ArrayList<>();
            page.forEach(m -> occurrences.addAll(periodic(m, from, to)));
            planned += insert(occurrences);
            afterTeam = page.get(page.size() - 1).teamId();
            afterUser = page.get(page.size() - 1).userId();
        }
        jdbi.useExtension(NudgeDao.class, dao -> dao.plannedUpTo(to));
        if (planned > 0) {
            log.info("Planned {} nudges up to {}", planned, to);
        }
        return planned;
    }

    /**
     * After a manager's settings changed: their periodic nudges still to come are planned again at
     * once, from their new settings.
     */
    public void replan(String team, String user) {
        Instant now = clock.instant();
        jdbi.useTransaction(
                h -> {
                    h.attach(NudgeDao.class).deletePending(team, user, PERIODIC, now);
                    Optional<Manager> m =
                            h.attach(ManagerDao.class).findNudgeable(team, user, uninstalled(h));
                    m.ifPresent(manager -> insert(h, fromStartOfDay(manager, now)));
                });
    }

    /**
     * After workspaces reinstalled: while they were uninstalled {@link #materialize} passed them
     * by, and its window has moved on, so their managers' periodic nudges are planned here, from
     * the start of each manager's day (rows that exist, sent or failed, are kept by the unique
     * key).
     *
     * @return how many nudges were planned
     */
    public int resume(Collection<String> teams) {
        if (teams.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int planned =
                jdbi.inTransaction(
                        h -> {
                            List<Manager> managers =
                                    h.attach(ManagerDao.class)
                                            .nudgeableIn(List.copyOf(teams), uninstalled(h));
                            List<Occurrence> occurrences = new ArrayList<>();
                            managers.forEach(m -> occurrences.addAll(fromStartOfDay(m, now)));
                            return insert(h, occurrences);
                        });
        log.info("Workspaces {} are back: planned {} nudges", teams, planned);
        return planned;
    }

    /**
     * From the start of the manager's day: a boss set at 10:00 still gets today's 08:30 booking
     * nudge now (rows already sent or skipped today are kept by the unique key).
     */
    private static List<Occurrence> fromStartOfDay(Manager m, Instant now) {
        return periodic(
                m,
                m.today(now).atStartOfDay(m.zone()).toInstant().minusSeconds(1),
                now.plus(HORIZON));
    }

    /**
     * In the caller's transaction: the reminders that follow from logging news, so that news and
     * its reminders are stored together or not at all. Called inside the caller's {@code
     * jdbi.inTransaction} on the same thread and {@link Jdbi}, whose nested calls are handed the
     * handle already open there.
     */
    public void planForNews(String team, String user, long newsId, boolean bad, Instant loggedAt) {
        jdbi.useTransaction(
                h -> {
                    Manager m = h.attach(ManagerDao.class).find(team, user).orElseThrow();
                    insert(
                            h,
                            bad
                                    ? NudgePlanner.badNews(m, newsId, loggedAt)
                                    : List.of(NudgePlanner.goodNews(m, newsId, loggedAt)));
                });
    }

    /**
     * In the caller's transaction, as {@link #planForNews}: the reminders of an untold forecast
     * downgrade, stored with the figure.
     */
    public void planForForecast(String team, String user, long forecastId, Instant recordedAt) {
        jdbi.useTransaction(
                h -> {
                    Manager m = h.attach(ManagerDao.class).find(team, user).orElseThrow();
                    insert(h, NudgePlanner.forecastDowngrade(m, forecastId, recordedAt));
                });
    }

    /**
     * The workspaces that uninstalled bossreview (their data kept for a while): their managers get
     * no plans.
     */
    private static String[] uninstalled(Handle h) {
        return h.attach(WorkspaceDao.class).uninstalled();
    }

    static List<Occurrence> periodic(Manager m, Instant from, Instant to) {
        List<Occurrence> all = new ArrayList<>();
        IsoWeek week = IsoWeek.of(from.atZone(m.zone()).toLocalDate()).previous();
        IsoWeek last = IsoWeek.of(to.atZone(m.zone()).toLocalDate()).next();
        for (; week.compareTo(last) <= 0; week = week.next()) {
            all.addAll(NudgePlanner.weekly(m, week));
        }
        FiscalQuarter q =
                FiscalQuarter.containing(from.atZone(m.zone()).toLocalDate(), m.fiscalStartMonth());
        FiscalQuarter lastQ =
                FiscalQuarter.containing(to.atZone(m.zone()).toLocalDate(), m.fiscalStartMonth());
        all.addAll(NudgePlanner.forecast(m, q));
        if (!lastQ.equals(q)) {
            all.addAll(NudgePlanner.forecast(m, lastQ));
        }
        return all.stream().filter(o -> o.dueAt().isAfter(from) && !o.dueAt().isAfter(to)).toList();
    }

    private int insert(List<Occurrence> occurrences) {
        return occurrences.isEmpty() ? 0 : jdbi.inTransaction(h -> insert(h, occurrences));
    }

    private int insert(Handle h, List<Occurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return 0;
        }
        int[] counts =
                h.attach(NudgeDao.class)
                        .plan(occurrences.stream().map(NudgeDao.PlannedRow::of).toList());
        int inserted = 0;
        for (int c : counts) {
            inserted += Math.max(c, 0);
        }
        metrics.planned(inserted);
        return inserted;
    }
}
