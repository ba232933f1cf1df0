package com.bossreview.feedback;

import com.bossreview.manager.Manager;
import com.bossreview.time.IsoWeek;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** Feedback after a review held: written from the modal, read by the next agenda. */
public final class FeedbackService {
    /** Each answer: a few sentences, which is what an agenda can carry. */
    public static final int MAX_CHARS = 1000;

    private final Jdbi jdbi;
    private final Clock clock;

    public FeedbackService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Stores (or replaces) the feedback of {@code week}; with both answers empty nothing is stored.
     *
     * @return whether anything was stored
     */
    public boolean save(
            Manager m, IsoWeek week, Optional<String> bossSaid, Optional<String> willDo) {
        if (bossSaid.isEmpty() && willDo.isEmpty()) {
            return false;
        }
        jdbi.useExtension(
                FeedbackDao.class,
                dao ->
                        dao.save(
                                m.teamId(),
                                m.userId(),
                                week.toString(),
                                m.bossUserId().orElse(null),
                                bossSaid.orElse(null),
                                willDo.orElse(null),
                                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return true;
    }

    /** What the next agenda opens with, until a newer review's feedback replaces it. */
    public Optional<Feedback> latest(String team, String user) {
        return jdbi.withExtension(FeedbackDao.class, dao -> dao.latest(team, user));
    }
}
