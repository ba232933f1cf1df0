package com.bossreview.review;

import com.bossreview.manager.ManagerKey;
import com.bossreview.nudge.Nudge;
import com.bossreview.time.IsoWeek;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The stored review states of the weeks a claim of weekly nudges is about, read in one statement
 * for all of them (measured: reading them one by one was the sending wave's bottleneck).
 */
public final class WeekStates {
    private record ManagerWeek(ManagerKey manager, IsoWeek week) {}

    private final Map<ManagerWeek, ReviewState> states = new HashMap<>();

    private WeekStates() {}

    /** The states of the weeks of {@code weekly}, nudges whose period is a week. */
    public static WeekStates read(Jdbi jdbi, List<Nudge> weekly) {
        WeekStates s = new WeekStates();
        if (weekly.isEmpty()) {
            return s;
        }
        int[] years = new int[weekly.size()];
        int[] weeks = new int[weekly.size()];
        for (int i = 0; i < weekly.size(); i++) {
            IsoWeek w = weekly.get(i).week();
            years[i] = w.year();
            weeks[i] = w.week();
        }
        jdbi.withExtension(
                        ReviewDao.class,
                        dao ->
                                dao.states(
                                        weekly.stream().map(Nudge::teamId).toArray(String[]::new),
                                        weekly.stream().map(Nudge::userId).toArray(String[]::new),
                                        years,
                                        weeks))
                .forEach(
                        w ->
                                s.states.put(
                                        new ManagerWeek(
                                                new ManagerKey(w.teamId(), w.userId()),
                                                new IsoWeek(w.isoYear(), w.isoWeek())),
                                        w.state()));
        return s;
    }

    /** The stored state of {@code n}'s week; empty when nothing was stored. */
    public Optional<ReviewState> of(Nudge n) {
        return Optional.ofNullable(states.get(new ManagerWeek(n.manager(), n.week())));
    }
}
