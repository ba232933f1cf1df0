package com.bossreview.review;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Weekly reviews: the slot, this week's state in the manager's zone, and the streak of weeks held.
 */
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
        return stateOf(m, currentWeek(m));
    }

    /** What the manager's review of {@code week} became, if anything. */
    public Optional<ReviewState> stateOf(Manager m, IsoWeek week) {
        return jdbi.withExtension(
                ReviewDao.class,
                dao -> dao.state(m.teamId(), m.userId(), week.year(), week.week()));
    }

    /**
     * Writes the state as given, without the rules of {@link #markWeek}; for callers that already
     * decided.
     */
    public void mark(Manager m, IsoWeek week, ReviewState state) {
        jdbi.useExtension(
                ReviewDao.class,
                dao ->
                        dao.upsert(
                                m.teamId(),
                                m.userId(),
                                week.year(),
                                week.week(),
                                state,
                                clock.instant()));
    }

    /**
     * The calendar saw the week's review end: held, unless already held or skipped.
     *
     * @return whether this marked it (false when it was already held or skipped)
     */
    public boolean markHeldByCalendar(Manager m, IsoWeek week) {
        return jdbi.withExtension(
                        ReviewDao.class,
                        dao ->
                                dao.markHeldIfOpen(
                                        m.teamId(),
                                        m.userId(),
                                        week.year(),
                                        week.week(),
                                        clock.instant()))
                > 0;
    }

    /**
     * Marks a week the way a manager asks to, within the rules of {@link #transition}. The
     * manager's row is locked meanwhile so two clicks at once cannot both decide on the old state.
     */
    public Marking markWeek(Manager m, IsoWeek week, ReviewState requested) {
        Decided d =
                jdbi.inTransaction(
                        h -> {
                            ReviewDao dao = h.attach(ReviewDao.class);
                            h.attach(ManagerDao.class).lock(m.teamId(), m.userId());
                            Optional<ReviewState> before =
                                    dao.state(m.teamId(), m.userId(), week.year(), week.week());
                            Optional<ReviewState> next = transition(before, requested);
                            next.ifPresent(
                                    s ->
                                            dao.upsert(
                                                    m.teamId(),
                                                    m.userId(),
                                                    week.year(),
                                                    week.week(),
                                                    s,
                                                    clock.instant()));
                            Marking.Outcome outcome =
                                    next.isPresent()
                                            ? Marking.Outcome.CHANGED
                                            : before.orElseThrow() == requested
                                                    ? Marking.Outcome.ALREADY
                                                    : Marking.Outcome.KEPT_HELD;
                            return new Decided(before, next.or(() -> before), outcome);
                        });
        return new Marking(week, requested, d.before(), d.after(), d.outcome(), streak(m));
    }

    private record Decided(
            Optional<ReviewState> before, Optional<ReviewState> after, Marking.Outcome outcome) {}

    /**
     * The state to store when {@code requested} meets {@code before}, or empty when nothing
     * changes: the same state again is a no-op, and a review that took place stays held whatever is
     * asked later except held. Held overrides booked and skipped (it happened after all); booked
     * un-skips.
     */
    static Optional<ReviewState> transition(Optional<ReviewState> before, ReviewState requested) {
        if (before.isPresent() && before.get() == requested) {
            return Optional.empty();
        }
        if (before.isPresent() && before.get() == ReviewState.HELD) {
            return Optional.empty();
        }
        return Optional.of(requested);
    }

    /**
     * Only this week and last week (in the manager's zone) can be marked, e.g. from an old nudge's
     * buttons.
     */
    public WeekWindow window(Manager m, IsoWeek week) {
        IsoWeek current = currentWeek(m);
        if (week.equals(current)) {
            return WeekWindow.CURRENT;
        }
        if (week.equals(current.previous())) {
            return WeekWindow.PREVIOUS;
        }
        return week.compareTo(current) > 0 ? WeekWindow.NOT_YET : WeekWindow.OVER;
    }

    /**
     * Sets the weekly review slot, in the manager's own zone, unless a review then would eat into
     * their prime sales hours: then nothing is stored (not even a new manager record).
     */
    public SlotChoice chooseSlot(String team, String user, DayOfWeek day, LocalTime time) {
        ReviewSlot wanted = new ReviewSlot(day, time);
        return jdbi.inTransaction(
                h -> {
                    ManagerDao dao = h.attach(ManagerDao.class);
                    PrimeHours prime = PrimeHours.parse(dao.primeHours(team, user));
                    Optional<PrimeHours.Clash> clash = prime.reviewClash(day, time);
                    if (clash.isPresent()) {
                        return new SlotChoice.InPrimeHours(wanted, prime, clash.get().nearest());
                    }
                    dao.insertIfMissing(team, user, clock.instant());
                    dao.setReviewSlot(team, user, day.getValue(), time);
                    return new SlotChoice.Stored(dao.find(team, user).orElseThrow(), wanted);
                });
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
        return streak(byWeek, currentWeek(m));
    }

    /**
     * {@link #streak(Manager)} over weeks already read: {@code byWeek} holds every stored week of
     * the manager.
     */
    public static int streak(Map<IsoWeek, ReviewState> byWeek, IsoWeek current) {
        IsoWeek week = current;
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
