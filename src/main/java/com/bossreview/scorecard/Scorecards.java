package com.bossreview.scorecard;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerKey;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/** The scorecard of the status card and App Home, and the recaps of a claim of nudges. */
public final class Scorecards {
    /** How many pulse answers the card's trend shows. */
    static final int PULSE_TREND = 6;

    private final ScoreReader reader;
    private final Jdbi jdbi;
    private final Clock clock;

    public Scorecards(Jdbi jdbi, Clock clock) {
        this.reader = new ScoreReader(jdbi);
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** What the card shows: the quarter so far, and the pulse's trend. */
    public record Card(Scorecard quarter, List<PulseDao.Answer> pulse) {}

    public Card card(Manager m) {
        Instant now = clock.instant();
        Span span = Span.quarterSoFar(m, now);
        ScoreInputs in =
                reader.read(List.of(new ScoreReader.Ask(m, span)), now)
                        .getOrDefault(ManagerKey.of(m), ScoreInputs.none());
        return new Card(
                ScoreRules.compute(m, span, in, now),
                jdbi.withExtension(
                        PulseDao.class, dao -> dao.latest(m.teamId(), m.userId(), PULSE_TREND)));
    }

    /**
     * The recap sent in {@code month}: the month before, and the quarter that month belongs to (all
     * of it once over), with the manager's social time of the last weeks.
     */
    public record Recap(Scorecard lastMonth, Scorecard quarter, List<Instant> social) {}

    /** The recaps of these managers, sent in {@code month}, read together. */
    Map<ManagerKey, Recap> recaps(List<Manager> managers, YearMonth month) {
        Instant now = clock.instant();
        YearMonth last = month.minusMonths(1);
        List<ScoreReader.Ask> asks = new ArrayList<>();
        managers.forEach(m -> asks.add(new ScoreReader.Ask(m, Span.quarterOf(m, last, now))));
        Map<ManagerKey, ScoreInputs> inputs = reader.read(asks, now);
        Map<ManagerKey, List<Instant>> social = social(managers, now);
        Map<ManagerKey, Recap> out = new HashMap<>();
        for (ScoreReader.Ask a : asks) {
            Manager m = a.manager();
            ManagerKey k = ManagerKey.of(m);
            ScoreInputs in = inputs.getOrDefault(k, ScoreInputs.none());
            out.put(
                    k,
                    new Recap(
                            ScoreRules.compute(m, Span.month(m, last), in, now),
                            ScoreRules.compute(m, a.span(), in, now),
                            social.getOrDefault(k, List.of())));
        }
        return out;
    }

    private Map<ManagerKey, List<Instant>> social(List<Manager> managers, Instant now) {
        Map<ManagerKey, List<Instant>> out = new HashMap<>();
        jdbi.withExtension(
                        SocialDao.class,
                        dao ->
                                dao.since(
                                        managers.stream()
                                                .map(Manager::teamId)
                                                .toArray(String[]::new),
                                        managers.stream()
                                                .map(Manager::userId)
                                                .toArray(String[]::new),
                                        now.minus(Advice.SOCIAL_WHILE)))
                .forEach(
                        s ->
                                out.computeIfAbsent(
                                                new ManagerKey(s.teamId(), s.userId()),
                                                k -> new ArrayList<>())
                                        .add(s.loggedAt()));
        return out;
    }
}
