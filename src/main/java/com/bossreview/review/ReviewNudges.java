package com.bossreview.review;

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
import com.bossreview.time.IsoWeek;
import com.slack.api.model.block.element.BlockElement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The weekly review's own nudges (SPEC §3): book the review, its follow-up the next day, and after
 * the review, did it happen. The review prep is the agenda's ({@code agenda.PrepNudges}).
 */
public final class ReviewNudges implements NudgeType {
    public static final NudgeKind BOOK_REVIEW = NudgeKind.of("BOOK_REVIEW");
    public static final NudgeKind BOOK_REVIEW_FOLLOWUP = NudgeKind.of("BOOK_REVIEW_FOLLOWUP");
    public static final NudgeKind DID_IT_HAPPEN = NudgeKind.of("DID_IT_HAPPEN");

    static final Duration ASK_AFTER_REVIEW = Duration.ofMinutes(45);

    private static final Set<NudgeKind> KINDS =
            Set.of(BOOK_REVIEW, BOOK_REVIEW_FOLLOWUP, DID_IT_HAPPEN);

    private final Jdbi jdbi;

    public ReviewNudges(Jdbi jdbi) {
        this.jdbi = jdbi;
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
    public Set<NudgeKind> withSocialTip() {
        return Set.of(BOOK_REVIEW);
    }

    @Override
    public List<Occurrence> plan(Manager m, PlanWindow window) {
        List<Occurrence> out = new ArrayList<>();
        window.weeks().forEach(w -> out.addAll(weekly(m, w)));
        return out;
    }

    /** Booking nudge and its follow-up, and did-it-happen, for one ISO week. */
    public static List<Occurrence> weekly(Manager m, IsoWeek week) {
        List<Occurrence> out = new ArrayList<>();
        NudgePeriod period = new NudgePeriod.Week(week);
        LocalDate bookingDay = week.day(m.bookingNudgeDay());
        out.add(
                NudgePlanner.occurrence(
                        m,
                        BOOK_REVIEW,
                        period,
                        LocalTimes.at(bookingDay, m.bookingNudgeTime(), m.zone())));
        out.add(
                NudgePlanner.occurrence(
                        m,
                        BOOK_REVIEW_FOLLOWUP,
                        period,
                        LocalTimes.at(bookingDay.plusDays(1), m.bookingNudgeTime(), m.zone())));
        NudgePlanner.reviewStart(m, week)
                .ifPresent(
                        start ->
                                out.add(
                                        NudgePlanner.occurrence(
                                                m,
                                                DID_IT_HAPPEN,
                                                period,
                                                NudgePlanner.outsidePrime(
                                                        m, start.plus(ASK_AFTER_REVIEW)))));
        return out;
    }

    @Override
    public Batch prepare(List<Nudge> claimed) {
        WeekStates weeks = WeekStates.read(jdbi, claimed);
        return new Batch() {
            @Override
            public Optional<String> skip(Nudge n, Manager m, Instant now) {
                return ReviewNudges.skip(n, m, now, weeks.of(n));
            }

            @Override
            public NudgeMessage render(Nudge n, Manager m, Instant now) {
                return ReviewNudges.render(n, m);
            }
        };
    }

    static Optional<String> skip(Nudge n, Manager m, Instant now, Optional<ReviewState> state) {
        if (n.kind() == DID_IT_HAPPEN) {
            if (state.filter(x -> x != ReviewState.BOOKED).isPresent()) {
                return Optional.of("already marked " + state.get().name().toLowerCase(Locale.ROOT));
            }
            return IsoWeek.of(m.today(now))
                                    .compareTo(IsoWeek.of(n.dueAt().atZone(m.zone()).toLocalDate()))
                            > 0
                    ? Optional.of("late: week over")
                    : Optional.empty();
        }
        if (state.isPresent()) {
            return Optional.of("review already " + state.get().name().toLowerCase(Locale.ROOT));
        }
        return sameLocalDay(n, m, now) ? Optional.empty() : Optional.of("late: booking day over");
    }

    private static boolean sameLocalDay(Nudge n, Manager m, Instant now) {
        return n.dueAt().atZone(m.zone()).toLocalDate().equals(m.today(now))
                || now.isBefore(n.dueAt()); // a snoozed copy is due later the same day or the next
    }

    static NudgeMessage render(Nudge n, Manager m) {
        String boss = "<@" + m.bossUserId().orElse("your boss") + ">";
        String week = n.week().toString();
        List<BlockElement> buttons = new ArrayList<>();
        if (n.kind() == DID_IT_HAPPEN) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(ReviewViews.HELD_ACTION)
                                            .value(week)
                                            .style("primary")
                                            .text(plainText("Held"))));
            buttons.add(
                    button(
                            b ->
                                    b.actionId(ReviewViews.SKIP_ACTION)
                                            .value(week)
                                            .text(plainText("Skipped"))));
            return new NudgeMessage(
                    ":white_check_mark: Did your weekly review with " + boss + " happen?",
                    buttons,
                    "Held weeks build your streak; skipped ones (holidays happen) don't break it.",
                    true);
        }
        String text =
                (n.kind() == BOOK_REVIEW ? ":calendar: " : ":calendar: Reminder: ")
                        + m.reviewSlot()
                                .map(
                                        s ->
                                                "Is your weekly review with "
                                                        + boss
                                                        + " booked for "
                                                        + s
                                                        + "?")
                                .orElse(
                                        "Pick a weekly review slot with "
                                                + boss
                                                + " — `/bossreview review fri 17:00` — and book it.");
        buttons.add(
                button(
                        b ->
                                b.actionId(ReviewViews.BOOKED_ACTION)
                                        .value(week)
                                        .style("primary")
                                        .text(plainText("Booked"))));
        buttons.add(
                button(
                        b ->
                                b.actionId(ReviewViews.SKIP_ACTION)
                                        .value(week)
                                        .text(plainText("Skip this week"))));
        return new NudgeMessage(
                text,
                buttons,
                "Outside prime sales hours, every week: your boss learns to expect you — and your news.",
                true);
    }
}
