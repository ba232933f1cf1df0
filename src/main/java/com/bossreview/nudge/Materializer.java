package com.bossreview.nudge;

import com.bossreview.install.WorkspaceDao;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
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
    private final Jdbi jdbi;
    private final Clock clock;
    private final Occurrences store;
    private final NudgeTypes types;

    public Materializer(Jdbi jdbi, Clock clock, Occurrences store, NudgeTypes types) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.store = store;
        this.types = types;
    }

    /** Plans every manager's occurrences due after the last planned point and up to the horizon. */
    public int materialize() {
        Instant now = clock.instant();
        Instant from =
                jdbi.withExtension(PlanDao.class, PlanDao::plannedTo)
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
        for (NudgeType t : types.all()) {
            planned +=
                    insert(
                            t.planWithoutManager(from, to).stream()
                                    .filter(o -> PlanWindow.contains(from, to, o))
                                    .toList());
        }
        jdbi.useExtension(PlanDao.class, dao -> dao.plannedUpTo(to));
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
                    List<String> periodic = types.periodicNames();
                    if (!periodic.isEmpty()) {
                        h.attach(PlanDao.class).deletePending(team, user, periodic, now);
                    }
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
    private List<Occurrence> fromStartOfDay(Manager m, Instant now) {
        return periodic(
                m,
                m.today(now).atStartOfDay(m.zone()).toInstant().minusSeconds(1),
                now.plus(HORIZON));
    }

    /**
     * The workspaces that uninstalled bossreview (their data kept for a while): their managers get
     * no plans.
     */
    private static String[] uninstalled(Handle h) {
        return h.attach(WorkspaceDao.class).uninstalled();
    }

    /**
     * Every periodic occurrence of every registered type due after {@code from}, up to {@code to}.
     */
    List<Occurrence> periodic(Manager m, Instant from, Instant to) {
        PlanWindow window = PlanWindow.of(m, from, to);
        List<Occurrence> all = new ArrayList<>();
        for (NudgeType t : types.all()) {
            all.addAll(t.plan(m, window));
        }
        return all.stream().filter(window::contains).toList();
    }

    private int insert(List<Occurrence> occurrences) {
        return store.insert(occurrences);
    }

    private int insert(Handle h, List<Occurrence> occurrences) {
        return store.insert(h, occurrences);
    }
}
