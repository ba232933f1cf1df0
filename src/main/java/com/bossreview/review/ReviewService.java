package com.bossreview.review;

import com.bossreview.manager.Manager;
import com.bossreview.time.IsoWeek;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Weekly reviews: this week's state in the manager's zone, and the streak of weeks held. */
public final class ReviewService {
    private final Jdbi jdbi;
    private final Clock clock;

    public ReviewService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public IsoWeek currentWeek(Manager m) {
        return IsoWeek.of(m.today(clock.instant()));
    }

    public Optional<ReviewState> thisWeek(Manager m) {
        IsoWeek week = currentWeek(m);
        return jdbi.withExtension(ReviewDao.class, dao -> dao.state(m.teamId(), m.userId(), week.year(), week.week()));
    }

    public void mark(Manager m, IsoWeek week, ReviewState state) {
        jdbi.useExtension(ReviewDao.class, dao ->
                dao.upsert(m.teamId(), m.userId(), week.year(), week.week(), state, clock.instant()));
    }

    /**
     * Consecutive weeks held, counting back from this week (or last week, while this week's review
     * is still to come). Skipped weeks are passed over without breaking the streak; a week neither
     * held nor skipped ends it.
     */
    public int streak(Manager m) {
        Map<IsoWeek, ReviewState> byWeek = new HashMap<>();
        jdbi.withExtension(ReviewDao.class, dao -> dao.history(m.teamId(), m.userId()))
                .forEach(r -> byWeek.put(new IsoWeek(r.isoYear(), r.isoWeek()), r.state()));
        IsoWeek week = currentWeek(m);
        if (byWeek.get(week) != ReviewState.HELD && byWeek.get(week) != ReviewState.SKIPPED) {
            week = week.previous();
        }
        int held = 0;
        while (true) {
            ReviewState state = byWeek.get(week);
            if (state == ReviewState.HELD) {
                held++;
            } else if (state != ReviewState.SKIPPED) {
                return held;
            }
            week = week.previous();
        }
    }

    public Optional<Instant> lastHeldAt(String team, String user) {
        return jdbi.withExtension(ReviewDao.class, dao -> dao.lastHeldAt(team, user));
    }
}
