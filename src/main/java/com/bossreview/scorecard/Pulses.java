package com.bossreview.scorecard;

import com.bossreview.manager.Manager;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** The monthly pulse's answers: stored privately, one per month, shown as a trend. */
public final class Pulses {
    private final Jdbi jdbi;
    private final Clock clock;

    public Pulses(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** What became of an answer. */
    public sealed interface Outcome {}

    /** Stored (a second answer that month replaced the first); the trend it makes. */
    public record Stored(String trend) implements Outcome {}

    /** A month other than this one or the last: nothing stored. */
    public record Closed() implements Outcome {}

    /**
     * Stores {@code a} for {@code m} when its month is this month or the last one in the manager's
     * zone (a pulse DM clicked a day late still counts; a forged far month does not).
     */
    public Outcome answer(Manager m, PulseViews.Answer a) {
        YearMonth now = YearMonth.from(m.today(clock.instant()));
        if (a.month().isAfter(now) || a.month().isBefore(now.minusMonths(1))) {
            return new Closed();
        }
        return jdbi.inTransaction(
                h -> {
                    PulseDao dao = h.attach(PulseDao.class);
                    dao.answer(
                            m.teamId(), m.userId(), a.month().atDay(1), a.score(), clock.instant());
                    return new Stored(
                            trend(dao.latest(m.teamId(), m.userId(), Scorecards.PULSE_TREND)));
                });
    }

    static String trend(List<PulseDao.Answer> answers) {
        return answers.stream()
                .map(x -> Integer.toString(x.score()))
                .collect(Collectors.joining(" → "));
    }
}
