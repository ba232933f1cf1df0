package com.bossreview.scorecard;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.ManagerKey;
import com.bossreview.nudge.LocalTimes;
import com.bossreview.nudge.Nudge;
import com.bossreview.nudge.NudgeKind;
import com.bossreview.nudge.NudgeMessage;
import com.bossreview.nudge.NudgePeriod;
import com.bossreview.nudge.NudgePlanner;
import com.bossreview.nudge.NudgeType;
import com.bossreview.nudge.Occurrence;
import com.bossreview.nudge.PlanWindow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The scorecard's monthly DMs, both non-urgent and outside prime sales hours, at the manager's
 * booking-nudge time: the recap on the first working day of the month (last month's and the
 * quarter's figures, one suggestion; not to a manager who joined in the month's second half), and
 * the private pulse on the first working day from the 15th. Once each per month (the period is the
 * month); never while paused (the engine's rule).
 */
public final class MonthlyNudges implements NudgeType {
    public static final NudgeKind RECAP = NudgeKind.of("MONTHLY_RECAP");
    public static final NudgeKind PULSE = NudgeKind.of("PULSE");

    /** A recap still arriving this long after it was due (the app was down) is stale. */
    static final Duration RECAP_FRESH = Duration.ofDays(7);

    static final int PULSE_FROM_DAY = 15;

    private static final Set<NudgeKind> KINDS = Set.of(RECAP, PULSE);

    private final Jdbi jdbi;
    private final Scorecards scorecards;

    public MonthlyNudges(Jdbi jdbi, Scorecards scorecards) {
        this.jdbi = jdbi;
        this.scorecards = scorecards;
    }

    @Override
    public Set<NudgeKind> kinds() {
        return KINDS;
    }

    @Override
    public Set<NudgeKind> periodic() {
        return KINDS;
    }

    @Override
    public List<Occurrence> plan(Manager m, PlanWindow window) {
        List<Occurrence> out = new ArrayList<>();
        YearMonth last = YearMonth.from(window.to().atZone(m.zone()));
        for (YearMonth month = YearMonth.from(window.from().atZone(m.zone())).minusMonths(1);
                !month.isAfter(last);
                month = month.plusMonths(1)) {
            NudgePeriod period = new NudgePeriod.Month(month);
            out.add(NudgePlanner.occurrence(m, RECAP, period, due(m, month.atDay(1))));
            out.add(NudgePlanner.occurrence(m, PULSE, period, due(m, month.atDay(PULSE_FROM_DAY))));
        }
        return out;
    }

    /** The first working day from {@code day}, at the booking-nudge time, outside prime hours. */
    static Instant due(Manager m, LocalDate day) {
        LocalDate d = day;
        while (!NudgePlanner.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return NudgePlanner.outsidePrime(m, LocalTimes.at(d, m.bookingNudgeTime(), m.zone()));
    }

    /**
     * A manager who joined on or after a month's {@value #PULSE_FROM_DAY}th gets no recap of it
     * (the recap sent in the month after): a week of figures says nothing yet, and "it has been a
     * while since social time" would be wrong.
     */
    static Instant recapFrom(Manager m, YearMonth month) {
        return month.atDay(PULSE_FROM_DAY).atStartOfDay(m.zone()).toInstant();
    }

    static YearMonth month(Nudge n) {
        if (n.period().base() instanceof NudgePeriod.Month mo) {
            return mo.month();
        }
        throw new IllegalStateException(n.kind() + " nudge " + n.id() + " is not about a month");
    }

    @Override
    public Batch prepare(List<Nudge> claimed) {
        List<Nudge> recaps = claimed.stream().filter(n -> n.kind() == RECAP).toList();
        List<Nudge> pulses = claimed.stream().filter(n -> n.kind() == PULSE).toList();
        Map<ManagerKey, Scorecards.Recap> recapOf = new java.util.HashMap<>();
        if (!recaps.isEmpty()) {
            List<Manager> managers =
                    jdbi.withExtension(
                            ManagerDao.class,
                            dao ->
                                    dao.findAll(
                                            recaps.stream()
                                                    .map(Nudge::teamId)
                                                    .toArray(String[]::new),
                                            recaps.stream()
                                                    .map(Nudge::userId)
                                                    .toArray(String[]::new)));
            // A claim's recaps are of one month but for the odd stale one: read per month.
            for (YearMonth month : recaps.stream().map(MonthlyNudges::month).distinct().toList()) {
                Set<ManagerKey> of = new HashSet<>();
                recaps.stream()
                        .filter(n -> month(n).equals(month))
                        .forEach(n -> of.add(n.manager()));
                recapOf.putAll(
                        scorecards.recaps(
                                managers.stream()
                                        .filter(m -> of.contains(ManagerKey.of(m)))
                                        .toList(),
                                month));
            }
        }
        Set<String> answered = new HashSet<>();
        if (!pulses.isEmpty()) {
            jdbi.withExtension(
                            PulseDao.class,
                            dao ->
                                    dao.answered(
                                            pulses.stream()
                                                    .map(Nudge::teamId)
                                                    .toArray(String[]::new),
                                            pulses.stream()
                                                    .map(Nudge::userId)
                                                    .toArray(String[]::new),
                                            pulses.stream()
                                                    .map(n -> month(n).atDay(1).toString())
                                                    .toArray(String[]::new)))
                    .forEach(a -> answered.add(a.teamId() + "/" + a.userId() + "/" + a.month()));
        }
        return new Batch() {
            @Override
            public Optional<String> skip(Nudge n, Manager m, Instant now) {
                YearMonth month = month(n);
                if (n.kind() == RECAP) {
                    if (!m.createdAt().isBefore(recapFrom(m, month.minusMonths(1)))) {
                        return Optional.of("too little of the month to recap");
                    }
                    return now.isAfter(n.dueAt().plus(RECAP_FRESH))
                            ? Optional.of("late: recap week over")
                            : Optional.empty();
                }
                if (answered.contains(m.teamId() + "/" + m.userId() + "/" + month.atDay(1))) {
                    return Optional.of("answered");
                }
                return YearMonth.from(m.today(now)).equals(month)
                        ? Optional.empty()
                        : Optional.of("late: month over");
            }

            @Override
            public NudgeMessage render(Nudge n, Manager m, Instant now) {
                String boss = "<@" + m.bossUserId().orElseThrow() + ">";
                if (n.kind() == RECAP) {
                    return new NudgeMessage(
                            ScorecardViews.recap(recapOf.get(n.manager()), boss, now),
                            List.of(),
                            "Figures, not feelings: the boss remembers how fast you told them.",
                            false);
                }
                return new NudgeMessage(
                        PulseViews.question(boss),
                        PulseViews.buttons(month(n)),
                        "Only you see your answers; the trend shows on your status card.",
                        false);
            }
        };
    }
}
