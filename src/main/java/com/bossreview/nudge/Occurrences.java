package com.bossreview.nudge;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Stores planned occurrences; ones that exist already (same team, manager, kind and period) are
 * left alone. Used by the {@link Materializer} for periodic kinds and by the features' services for
 * the nudges that follow from an event (news logged, a forecast downgraded).
 */
public final class Occurrences {
    private final Jdbi jdbi;
    private final NudgeMetrics metrics;

    public Occurrences(Jdbi jdbi, NudgeMetrics metrics) {
        this.jdbi = jdbi;
        this.metrics = metrics;
    }

    /**
     * In the caller's transaction: the nudges that follow from an event, planned by {@code plan}
     * from the manager's settings, so that the event and its nudges are stored together or not at
     * all. Called inside the caller's {@code jdbi.inTransaction} on the same thread and {@link
     * Jdbi}, whose nested calls are handed the handle already open there.
     */
    public void planFor(String team, String user, Function<Manager, List<Occurrence>> plan) {
        jdbi.useTransaction(
                h -> {
                    Manager m = h.attach(ManagerDao.class).find(team, user).orElseThrow();
                    insert(h, plan.apply(m));
                });
    }

    int insert(List<Occurrence> occurrences) {
        return occurrences.isEmpty() ? 0 : jdbi.inTransaction(h -> insert(h, occurrences));
    }

    int insert(Handle h, List<Occurrence> occurrences) {
        if (occurrences.isEmpty()) {
            return 0;
        }
        int[] counts =
                h.attach(PlanDao.class)
                        .plan(occurrences.stream().map(PlanDao.PlannedRow::of).toList());
        int inserted = 0;
        for (int c : counts) {
            inserted += Math.max(c, 0);
        }
        metrics.planned(inserted);
        return inserted;
    }
}
