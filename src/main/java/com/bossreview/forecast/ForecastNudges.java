package com.bossreview.forecast;

import com.bossreview.manager.Manager;
import com.bossreview.nudge.Chains;
import com.bossreview.nudge.LocalTimes;
import com.bossreview.nudge.Nudge;
import com.bossreview.nudge.NudgeKind;
import com.bossreview.nudge.NudgeMessage;
import com.bossreview.nudge.NudgePeriod;
import com.bossreview.nudge.NudgePlanner;
import com.bossreview.nudge.NudgeType;
import com.bossreview.nudge.NudgeViews;
import com.bossreview.nudge.Occurrence;
import com.bossreview.nudge.Occurrences;
import com.bossreview.nudge.PlanWindow;
import com.bossreview.time.FiscalQuarter;
import com.slack.api.model.block.element.BlockElement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The forecast's nudges (SPEC §3): a countdown to quarter end on the quarter-nudge days, and an
 * untold downgrade reminded like bad news ({@code ref_id} = forecast), planned when it is recorded.
 */
public final class ForecastNudges implements NudgeType {
    public static final NudgeKind FORECAST = NudgeKind.of("FORECAST");

    /**
     * A forecast below what the boss was told, still untold: reminded like bad news ({@code ref_id}
     * = forecast).
     */
    public static final NudgeKind FORECAST_DOWNGRADE = NudgeKind.of("FORECAST_DOWNGRADE");

    static final Duration FORECAST_FRESH = Duration.ofDays(7);

    private static final String TIP =
            "A downgrade told early is a conversation; told late, it's a surprise.";

    private final Jdbi jdbi;
    private final ForecastService forecasts;

    public ForecastNudges(Jdbi jdbi, ForecastService forecasts) {
        this.jdbi = jdbi;
        this.forecasts = forecasts;
    }

    /** How {@link ForecastService} plans a downgrade's reminders, in the recording transaction. */
    public static ForecastService.Reminders reminders(Occurrences store) {
        return (team, user, forecastId, recordedAt) ->
                store.planFor(team, user, m -> downgrade(m, forecastId, recordedAt));
    }

    @Override
    public Set<NudgeKind> kinds() {
        return Set.of(FORECAST, FORECAST_DOWNGRADE);
    }

    @Override
    public Set<NudgeKind> periodic() {
        return Set.of(FORECAST);
    }

    @Override
    public List<Occurrence> plan(Manager m, PlanWindow window) {
        List<Occurrence> out = new ArrayList<>();
        window.quarters().forEach(q -> out.addAll(countdown(m, q)));
        return out;
    }

    /**
     * One forecast nudge per quarter-nudge day before the quarter ends, at the booking-nudge time;
     * one falling on a weekend comes on the Friday before (the period still names the days asked
     * for).
     */
    public static List<Occurrence> countdown(Manager m, FiscalQuarter q) {
        List<Occurrence> out = new ArrayList<>();
        Set<LocalDate> taken = new HashSet<>();
        for (int days : m.quarterNudgeDays()) {
            LocalDate asked = q.lastDay().minusDays(days);
            if (asked.isBefore(q.firstDay())) {
                continue;
            }
            LocalDate day = workingDayWithin(asked, q);
            if (taken.add(day)) { // 12 and 11 days before may both land on one Friday: one nudge is
                // enough
                out.add(
                        NudgePlanner.occurrence(
                                m,
                                FORECAST,
                                NudgePeriod.Countdown.of(q, days),
                                LocalTimes.at(day, m.bookingNudgeTime(), m.zone())));
            }
        }
        return out;
    }

    /**
     * A weekend day moved to the Friday before; to the Monday after only when that Friday belongs
     * to the previous quarter, where the nudge would be skipped as stale.
     */
    private static LocalDate workingDayWithin(LocalDate day, FiscalQuarter q) {
        if (NudgePlanner.isWorkingDay(day)) {
            return day;
        }
        LocalDate friday = day.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        return friday.isBefore(q.firstDay())
                ? day.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                : friday;
    }

    /**
     * An untold forecast downgrade is bad news too (SPEC §2): the same chain, keyed on the
     * forecast.
     */
    public static List<Occurrence> downgrade(Manager m, long forecastId, Instant recordedAt) {
        return NudgePlanner.urgentChain(
                m, FORECAST_DOWNGRADE, NudgePeriod.Subject.FORECAST, forecastId, recordedAt);
    }

    @Override
    public Batch prepare(List<Nudge> claimed) {
        return new Batch() {
            @Override
            public Optional<String> skip(Nudge n, Manager m, Instant now) {
                return n.kind() == FORECAST ? countdownSkip(n, m, now) : downgradeSkip(n, m, now);
            }

            @Override
            public NudgeMessage render(Nudge n, Manager m, Instant now) {
                FiscalQuarter quarter = forecasts.currentQuarter(m);
                return ForecastNudges.render(
                        n, m, forecasts.current(m), quarter, quarter.daysLeft(m.today(now)), now);
            }
        };
    }

    private Optional<String> countdownSkip(Nudge n, Manager m, Instant now) {
        FiscalQuarter q = forecasts.currentQuarter(m);
        if (!(n.period().base() instanceof NudgePeriod.Countdown c && c.isIn(q))) {
            return Optional.of("late: quarter over");
        }
        // Silenced only when the boss knows the current figure: a fresh figure nobody told them is
        // no reason.
        boolean known =
                forecasts
                        .current(m)
                        .filter(
                                r ->
                                        r.bossKnows()
                                                && r.forecast()
                                                        .recordedAt()
                                                        .isAfter(now.minus(FORECAST_FRESH)))
                        .isPresent();
        return known
                ? Optional.of("forecast recent and told")
                : Chains.superseded(jdbi, n, now)
                        ? Optional.of("late: a later reminder is due")
                        : Optional.empty();
    }

    /**
     * An untold downgrade's reminder goes out while that figure is the latest of the current
     * quarter, untold and still below what the boss was told: a later figure either was told, is no
     * longer below, or is a downgrade with reminders of its own.
     */
    private Optional<String> downgradeSkip(Nudge n, Manager m, Instant now) {
        Optional<Forecast> f = n.refId().flatMap(id -> forecasts.find(m, id));
        if (f.isEmpty()) {
            return Optional.of("forecast gone");
        }
        if (!f.get().isIn(forecasts.currentQuarter(m))) {
            return Optional.of("late: quarter over");
        }
        if (f.get().told()) {
            return Optional.of("told");
        }
        Optional<Recorded> current = forecasts.current(m);
        if (current.isEmpty() || current.get().forecast().id() != f.get().id()) {
            return Optional.of(
                    current.filter(r -> r.forecast().told()).isPresent()
                            ? "a later figure was told"
                            : current.filter(Recorded::isDowngrade).isPresent()
                                    ? "a later downgrade has its own reminders"
                                    : "a later figure is not below what the boss was told");
        }
        if (!current.get().isDowngrade()) {
            return Optional.of("no longer below what the boss was told");
        }
        return Chains.superseded(jdbi, n, now)
                ? Optional.of("late: a later reminder is due")
                : Optional.empty();
    }

    /**
     * The forecast DMs.
     *
     * @param current the latest figure of the current quarter with what the boss was told
     */
    public static NudgeMessage render(
            Nudge n,
            Manager m,
            Optional<Recorded> current,
            FiscalQuarter quarter,
            long daysToQuarterEnd,
            Instant now) {
        String boss = "<@" + m.bossUserId().orElse("your boss") + ">";
        List<BlockElement> buttons = new ArrayList<>();
        if (n.kind() == FORECAST_DOWNGRADE) {
            Recorded r = current.orElseThrow();
            buttons.add(ForecastViews.shareButton(r.forecast().id(), true));
            buttons.add(ForecastViews.updateButton(false));
            return new NudgeMessage(
                    ":chart_with_downwards_trend: Your "
                            + r.quarter().label()
                            + " forecast is down to *"
                            + ForecastViews.money(r.forecast())
                            + "* — recorded "
                            + NudgeViews.age(Duration.between(r.forecast().recordedAt(), now))
                            + " ago — but "
                            + boss
                            + " still thinks it's *"
                            + r.baseline().map(ForecastViews::money).orElse("")
                            + "*."
                            + "\nNever wait for quarter end: they should hear it from you first.",
                    buttons,
                    TIP,
                    // Reminder chains come back every two hours by themselves: no snooze on them.
                    false);
        }
        String ends = ":bar_chart: " + quarter.label() + " " + endsIn(daysToQuarterEnd, quarter);
        String text;
        if (current.isEmpty()) {
            text =
                    ends
                            + " and you have no forecast for it yet. Record one and share it with "
                            + boss
                            + ".";
        } else if (!current.get().bossKnows()) {
            Recorded r = current.get();
            text =
                    ends
                            + ". "
                            + boss
                            + " hasn't heard your current forecast, *"
                            + ForecastViews.money(r.forecast())
                            + "*"
                            + r.baseline()
                                    .map(
                                            b ->
                                                    " (the last figure they were told is "
                                                            + ForecastViews.money(b)
                                                            + ")")
                                    .orElse(" — they have no figure for this quarter yet")
                            + ". Is it still right? Tell them now, not at quarter end.";
            buttons.add(ForecastViews.shareButton(r.forecast().id(), r.isDowngrade()));
        } else {
            text =
                    ends
                            + ". Is *"
                            + ForecastViews.money(current.get().forecast())
                            + "* still right? If it has "
                            + "moved, tell "
                            + boss
                            + " now, not at quarter end.";
        }
        // Sharing, when offered, is the one clear ask.
        buttons.add(ForecastViews.updateButton(buttons.isEmpty()));
        return new NudgeMessage(text, buttons, TIP, true);
    }

    /** e.g. {@code ends in 33 days (Thu 31 Dec)}, {@code ends tomorrow (Thu 31 Dec)}. */
    public static String endsIn(long days, FiscalQuarter q) {
        String date = q.lastDay().format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH));
        String when =
                days <= 0
                        ? "ends today"
                        : days == 1 ? "ends tomorrow" : "ends in " + days + " days";
        return when + " (" + date + ")";
    }
}
