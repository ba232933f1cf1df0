package com.bossreview.agenda;

import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.manager.Manager;
import com.bossreview.nudge.LocalTimes;
import com.bossreview.nudge.Nudge;
import com.bossreview.nudge.NudgeKind;
import com.bossreview.nudge.NudgeMessage;
import com.bossreview.nudge.NudgePeriod;
import com.bossreview.nudge.NudgePlanner;
import com.bossreview.nudge.NudgeType;
import com.bossreview.nudge.Occurrence;
import com.bossreview.nudge.PlanWindow;
import com.bossreview.review.ReviewState;
import com.bossreview.review.WeekStates;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The review prep (SPEC §3): ahead of the weekly review, the draft agenda to send the boss so they
 * can prepare.
 */
public final class PrepNudges implements NudgeType {
    public static final NudgeKind REVIEW_PREP = NudgeKind.of("REVIEW_PREP");

    /** A snoozed review prep comes back at the latest this long before the review. */
    static final Duration SNOOZED_PREP_BEFORE = Duration.ofMinutes(30);

    /** With no lead, the prep comes at least this long before the review. */
    static final Duration SAME_DAY_PREP_BEFORE = Duration.ofMinutes(60);

    /** {@code Friday 27 Nov}. */
    private static final DateTimeFormatter DAY_AND_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMM", Locale.ENGLISH);

    private final Jdbi jdbi;
    private final AgendaService agendas;

    public PrepNudges(Jdbi jdbi, AgendaService agendas) {
        this.jdbi = jdbi;
        this.agendas = agendas;
    }

    @Override
    public Set<NudgeKind> kinds() {
        return Set.of(REVIEW_PREP);
    }

    @Override
    public Set<NudgeKind> periodic() {
        return kinds();
    }

    @Override
    public List<Occurrence> plan(Manager m, PlanWindow window) {
        List<Occurrence> out = new ArrayList<>();
        window.weeks().forEach(w -> out.addAll(weekly(m, w)));
        return out;
    }

    /** The review prep of one ISO week; none without a review slot. */
    public static List<Occurrence> weekly(Manager m, IsoWeek week) {
        return m.reviewSlot()
                .map(
                        slot -> {
                            LocalDate day = week.day(slot.day());
                            Instant start = LocalTimes.at(day, slot.time(), m.zone());
                            return List.of(
                                    NudgePlanner.occurrence(
                                            m,
                                            REVIEW_PREP,
                                            new NudgePeriod.Week(week),
                                            prepDue(m, day, start)));
                        })
                .orElse(List.of());
    }

    /**
     * Review prep: {@code prep-lead} working days before the review day, at the morning time and
     * outside prime sales hours, so the agenda can reach the boss a day ahead instead of an hour
     * before. With no lead, the review day's morning if that still leaves an hour, else an hour
     * before the review.
     */
    static Instant prepDue(Manager m, LocalDate reviewDay, Instant reviewStart) {
        if (m.prepLeadDays() <= 0) {
            Instant morning =
                    NudgePlanner.outsidePrime(
                            m, LocalTimes.at(reviewDay, NudgePlanner.morning(m), m.zone()));
            Instant latest = reviewStart.minus(SAME_DAY_PREP_BEFORE);
            return morning.isAfter(latest) ? latest : morning;
        }
        LocalDate day = reviewDay;
        for (int working = 0; working < m.prepLeadDays(); ) {
            day = day.minusDays(1);
            if (NudgePlanner.isWorkingDay(day)) {
                working++;
            }
        }
        // outsidePrime moves it within that day at most, so it stays before the review.
        return NudgePlanner.outsidePrime(m, LocalTimes.at(day, NudgePlanner.morning(m), m.zone()));
    }

    /**
     * A review prep comes back before the review or not at all: half an hour before it at the
     * latest, even inside prime hours, since an agenda after the review is of no use.
     */
    @Override
    public Optional<SnoozeDeadline> snoozeDeadline(NudgeKind kind, NudgePeriod period, Manager m) {
        if (!(period.base() instanceof NudgePeriod.Week w)) {
            return Optional.empty();
        }
        return NudgePlanner.reviewStart(m, w.week())
                .map(
                        start ->
                                new SnoozeDeadline(
                                        start.minus(SNOOZED_PREP_BEFORE),
                                        ":hourglass_flowing_sand: Your review starts at "
                                                + m.show(start.atZone(m.zone()).toLocalTime())
                                                + " — too close to snooze. Send the agenda now or"
                                                + " skip."));
    }

    @Override
    public Batch prepare(List<Nudge> claimed) {
        WeekStates weeks = WeekStates.read(jdbi, claimed);
        return new Batch() {
            @Override
            public Optional<String> skip(Nudge n, Manager m, Instant now) {
                return PrepNudges.skip(n, m, now, weeks.of(n));
            }

            @Override
            public NudgeMessage render(Nudge n, Manager m, Instant now) {
                return PrepNudges.render(n, m, Optional.of(agendas.build(m)), now);
            }
        };
    }

    static Optional<String> skip(Nudge n, Manager m, Instant now, Optional<ReviewState> state) {
        if (state.filter(s -> s == ReviewState.SKIPPED || s == ReviewState.HELD).isPresent()) {
            return Optional.of("review " + state.get().name().toLowerCase(Locale.ROOT));
        }
        // The slot as it is now: a prep nudge (or its snoozed copy) outlives a moved slot.
        Optional<Instant> start = NudgePlanner.reviewStart(m, n.week());
        if (start.isEmpty()) {
            return Optional.of("review slot removed");
        }
        if (now.isBefore(start.get())) {
            return Optional.empty();
        }
        return Optional.of(
                start.get().isAfter(n.dueAt())
                        ? "late: review started"
                        : "review moved to a time already past");
    }

    /** The prep DM, with the draft agenda when there is one. */
    public static NudgeMessage render(Nudge n, Manager m, Optional<Agenda> agenda, Instant now) {
        String boss = "<@" + m.bossUserId().orElse("your boss") + ">";
        String week = n.week().toString();
        String text =
                ":spiral_note_pad: Your review with "
                        + boss
                        + " is "
                        + reviewWhen(n, m, now)
                        + ". Here's your draft agenda — send it now so they can prepare:\n\n"
                        + agenda.map(AgendaViews::text).orElse("");
        return new NudgeMessage(
                text,
                List.of(
                        button(
                                b ->
                                        b.actionId(AgendaViews.SEND_AGENDA)
                                                .value(week)
                                                .style("primary")
                                                .text(plainText("Send to boss"))),
                        button(
                                b ->
                                        b.actionId(EditAgenda.EDIT_AGENDA)
                                                .value(week)
                                                .text(plainText("Edit and send")))),
                "Ask for one piece of feedback. Your boss is an experienced mentor — use it.",
                true);
    }

    /**
     * {@code today at 17:00}, {@code tomorrow at 17:00}, {@code on Monday at 17:00}; a week or more
     * away (or, should it ever be sent late, in the past) with its date.
     */
    static String reviewWhen(Nudge n, Manager m, Instant now) {
        return NudgePlanner.reviewStart(m, n.week())
                .map(
                        start -> {
                            ZonedDateTime local = start.atZone(m.zone());
                            long days = ChronoUnit.DAYS.between(m.today(now), local.toLocalDate());
                            String day =
                                    days == 0
                                            ? "today"
                                            : days == 1
                                                    ? "tomorrow"
                                                    : days > 1 && days < 7
                                                            ? "on "
                                                                    + Times.format(
                                                                            local.getDayOfWeek())
                                                            : "on " + local.format(DAY_AND_DATE);
                            return day + " at " + m.show(local.toLocalTime());
                        })
                .orElse("coming up");
    }
}
