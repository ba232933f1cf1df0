package com.bossreview.review;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.calendar.CalendarFeedButton;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import com.bossreview.time.TimeRange;
import com.bossreview.time.Times;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Texts and blocks of the weekly review: the slot, booked / held / skipped, the streak. */
public final class ReviewViews {
    /** Buttons that mark a week; their {@code value} is the week, e.g. {@code 2026-W48}. */
    public static final String BOOKED_ACTION = "review_booked";

    public static final String HELD_ACTION = "review_held";
    public static final String SKIP_ACTION = "review_skip";

    static final String TIP =
            "Tip for the review: bring one piece of news and ask for one piece of feedback.";

    private ReviewViews() {}

    // ---- the slot ----

    static final String OFFERS =
            ":calendar: Free in your calendar, outside your prime hours — one click books it every"
                    + " week with your boss:";

    static String noOffers() {
        return ":calendar: I couldn't read free slots from your calendar just now. Set one with `"
                + Subcommand.REVIEW.usage()
                + "` and I'll book it.";
    }

    /** A slot stored with a connected calendar: the booking follows. */
    static String slotStoredBooking(SlotChoice.Stored stored) {
        Manager m = stored.manager();
        return ":calendar: Your weekly review is set for *"
                + plural(stored.slot().day())
                + " at "
                + m.show(stored.slot().time())
                + "* ("
                + m.zone().getId()
                + " time). Booking it in your calendar…";
    }

    static String slotStored(SlotChoice.Stored stored, boolean zoneKnown) {
        Manager m = stored.manager();
        ReviewSlot slot = stored.slot();
        String when = "*" + plural(slot.day()) + " at " + m.show(slot.time()) + "*";
        String zone =
                zoneKnown
                        ? " (" + m.zone().getId() + " time)"
                        : " (your local time: I'm reading your time zone from your Slack profile and will confirm it in a moment)";
        String clear =
                !PrimeHours.onDay(slot.day())
                        ? "That's a weekend, so it's clear of your prime sales hours (they're weekdays only)."
                        : "That's outside your prime sales hours ("
                                + ranges(m.primeHours())
                                + "), so it won't cost you selling time.";
        String with =
                m.bossUserId()
                        .map(b -> "<@" + b + ">")
                        .orElse("your boss (tell me who with `" + Subcommand.BOSS.usage() + "`)");
        return ":calendar: Your weekly review is set for "
                + when
                + zone
                + ". "
                + clear
                + "\nBook it now as a recurring 30-minute meeting with "
                + with
                + " every "
                + Times.format(slot.day())
                + " at "
                + m.show(slot.time())
                + ", so it's in both calendars. Then `"
                + Subcommand.BOOKED.usage()
                + "` marks this week as booked.";
    }

    /** The slot reply with the "Add to calendar" link to the manager's feed under it. */
    static List<LayoutBlock> slotStoredBlocks(String text, URI feed) {
        return List.of(section(s -> s.text(markdownText(text))), CalendarFeedButton.block(feed));
    }

    static String zoneConfirmed(ReviewSlot slot, String zone) {
        return ":globe_with_meridians: Your Slack profile says your time zone is "
                + zone
                + ", so your review is "
                + plural(slot.day())
                + " at "
                + Times.format(slot.time())
                + " "
                + zone
                + " time. "
                + "Change it with `/bossreview settings tz <zone>`.";
    }

    static String zoneUnknown(String reason) {
        return ":warning: I couldn't read your time zone from Slack ("
                + reason
                + "), so your review counts as UTC "
                + "for now. Your slot is saved; set your zone with `/bossreview settings tz Europe/Paris` (your city's zone).";
    }

    static String inPrimeHours(SlotChoice.InPrimeHours refused) {
        ReviewSlot wanted = refused.wanted();
        String at = Times.format(wanted.day()) + " " + Times.format(wanted.time());
        String head =
                refused.primeHours().isPrime(wanted.day(), wanted.time())
                        ? ":no_entry: *"
                                + at
                                + "* is in your prime sales hours ("
                                + ranges(refused.primeHours())
                                + ")."
                        : ":no_entry: A 30-minute review at *"
                                + at
                                + "* would run into your prime sales hours ("
                                + ranges(refused.primeHours())
                                + ").";
        String day = Times.format(wanted.day());
        String alternatives =
                refused.nearest().isEmpty()
                        ? " " + day + " has no free 30 minutes outside them — pick another day"
                        : " Try "
                                + refused.nearest().stream()
                                        .map(t -> day + " " + Times.format(t))
                                        .collect(Collectors.joining(" or "));
        return head
                + alternatives
                + " — or change your prime hours with `/bossreview settings prime 09:00-12:00`."
                + " Nothing was changed.";
    }

    /**
     * New prime hours now cover the review slot already booked: said once, when they change; the
     * slot is left as it is (it is the manager's call, and their boss may already have it in the
     * calendar).
     */
    public static String slotNowInPrimeHours(PrimeHours.Clash booked) {
        List<LocalTime> nearest = booked.nearest();
        String day = Times.format(booked.day());
        String command = day.substring(0, 3).toLowerCase(Locale.ROOT);
        return ":warning: Your weekly review, *"
                + day
                + " "
                + Times.format(booked.start())
                + "*, is now inside them,"
                + " where it will lose to the next customer call. "
                + (nearest.isEmpty()
                        ? day
                                + " has no free 30 minutes outside them: move it with `/bossreview review <day> <time>`."
                        : "Move it with "
                                + nearest.stream()
                                        .map(
                                                t ->
                                                        "`/bossreview review "
                                                                + command
                                                                + " "
                                                                + Times.format(t)
                                                                + "`")
                                        .collect(Collectors.joining(" or "))
                                + ".");
    }

    static String slotProblem(SlotText problem) {
        String what;
        if (problem instanceof SlotText.MissingTime t) {
            what =
                    ":clock4: What time on "
                            + Times.format(t.day())
                            + "? Add a time after the day, e.g. `17:00` or `5pm`.";
        } else if (problem instanceof SlotText.MissingDay d) {
            what =
                    ":calendar: Which day at "
                            + Times.format(d.time())
                            + "? Put the day before the time.";
        } else if (problem instanceof SlotText.TooManyWords) {
            what = ":thinking_face: I only need a day and a time.";
        } else if (problem instanceof SlotText.Unreadable u) {
            what = ":thinking_face: " + unreadable(u);
        } else {
            what = ":calendar: When should your weekly review be? Give a day and a time.";
        }
        return what + usage(Subcommand.REVIEW, "fri 17:00");
    }

    private static String unreadable(SlotText.Unreadable u) {
        List<String> parts = new ArrayList<>();
        u.day()
                .ifPresent(
                        d ->
                                parts.add(
                                        "`"
                                                + echo(d)
                                                + "` isn't a day I know (mon, tue, wed, thu, fri, sat, sun)"));
        u.time().ifPresent(t -> parts.add("`" + echo(t) + "` isn't a time like 16:30 or 4:30pm"));
        return String.join(", and ", parts) + ".";
    }

    // ---- booked / held / skipped ----

    static String noArguments(Subcommand s) {
        return ":thinking_face: `"
                + s.word()
                + "` needs no extra words — it's about this week's review."
                + usage(s, "");
    }

    /** The reply to marking a week; {@code window} says whether it is this week or last week. */
    public static String marked(Marking m, WeekWindow window) {
        String review =
                (window == WeekWindow.PREVIOUS ? "Last week's" : "This week's")
                        + " review ("
                        + weekLabel(m.week())
                        + ")";
        String streak = streak(m.streak());
        if (m.outcome() == Marking.Outcome.KEPT_HELD) {
            return ":white_check_mark: "
                    + review
                    + " already took place, so it stays marked as held"
                    + (m.requested() == ReviewState.SKIPPED ? " — there's nothing to skip" : "")
                    + (streak.isEmpty() ? "" : " (" + streak + ")")
                    + ". Nothing was changed.";
        }
        boolean already = m.outcome() == Marking.Outcome.ALREADY;
        return switch (m.requested()) {
            case BOOKED ->
                    ":calendar: "
                            + review
                            + (already
                                    ? " is already booked — nothing to change. "
                                    : m.before().isPresent()
                                            ? " is booked again — no longer skipped. "
                                            : " is booked. ")
                            + TIP
                            + " Afterwards, `"
                            + Subcommand.HELD.usage()
                            + "` keeps your streak going.";
            case HELD ->
                    ":white_check_mark: "
                            + review
                            + (already ? " was already marked as held" : " is marked as held")
                            + " — "
                            + streak
                            + ".";
            case SKIPPED ->
                    ":fast_forward: "
                            + review
                            + (already ? " is already skipped" : " is skipped")
                            + ". Skipped weeks don't break your streak"
                            + (streak.isEmpty() ? "" : " (" + streak + ")")
                            + " — see you next week.";
        };
    }

    /**
     * The message a week's buttons were on, replaced by the new state (and the buttons still
     * useful).
     */
    static List<LayoutBlock> markedCard(Marking m, WeekWindow window) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(marked(m, window)))));
        blocks.addAll(weekActions(m.week(), m.after()));
        return blocks;
    }

    static String weekGone(WeekWindow window) {
        return window == WeekWindow.NOT_YET
                ? ":hourglass: That week hasn't started yet, so it can't be marked. Nothing was changed."
                : ":hourglass: That week is over — only this week and last week can be marked. Nothing was changed.";
    }

    static String badWeekValue() {
        return ":warning: I couldn't tell which week that button is for, so nothing was changed. "
                + "Use `/bossreview booked`, `held` or `skip` for this week.";
    }

    /**
     * The buttons that still make sense for a week in that state, on the message a click replaced;
     * each button's value is the week. Once held, Add feedback: Held again opens the feedback form,
     * so a form closed by mistake can be opened again from the same message.
     */
    public static List<LayoutBlock> weekActions(IsoWeek week, Optional<ReviewState> state) {
        List<BlockElement> buttons = new ArrayList<>();
        if (state.isEmpty()) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(BOOKED_ACTION)
                                            .value(week.toString())
                                            .text(plainText("Booked"))));
        }
        if (state.isEmpty() || state.get() != ReviewState.HELD) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(HELD_ACTION)
                                            .value(week.toString())
                                            .style("primary")
                                            .text(plainText("Held"))));
        }
        if (state.isEmpty() || state.get() == ReviewState.BOOKED) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(SKIP_ACTION)
                                            .value(week.toString())
                                            .text(plainText("Skip this week"))));
        }
        if (state.isPresent() && state.get() == ReviewState.HELD) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(HELD_ACTION)
                                            .value(week.toString())
                                            .text(plainText("Add feedback"))));
        }
        return List.of(actions(a -> a.blockId("review_" + week).elements(buttons)));
    }

    static ReviewState stateOf(String actionId) {
        return switch (actionId) {
            case BOOKED_ACTION -> ReviewState.BOOKED;
            case HELD_ACTION -> ReviewState.HELD;
            case SKIP_ACTION -> ReviewState.SKIPPED;
            default -> throw new IllegalArgumentException("not a review button: " + actionId);
        };
    }

    // ---- small pieces ----

    /** {@code 3 weeks in a row 🔥}, or empty before the first held review. */
    static String streak(int weeks) {
        return weeks == 0 ? "" : weeks + (weeks == 1 ? " week" : " weeks") + " in a row 🔥";
    }

    /** {@code 23–29 Nov} or {@code 28 Dec–3 Jan}: people don't count ISO weeks. */
    static String weekLabel(IsoWeek week) {
        return week.dates();
    }

    /** {@code 09:00–12:00, 13:30–17:00} */
    static String ranges(PrimeHours prime) {
        return prime.ranges().stream().map(ReviewViews::range).collect(Collectors.joining(", "));
    }

    private static String range(TimeRange r) {
        return Times.format(r.start()) + "–" + Times.format(r.end());
    }

    private static String plural(DayOfWeek day) {
        return Times.format(day) + "s";
    }

    private static String usage(Subcommand s, String example) {
        return "\nUsage: `"
                + s.usage()
                + "`"
                + (example.isEmpty() ? "" : ", e.g. `/bossreview " + s.word() + " " + example + "`")
                + ". Nothing was changed.";
    }

    /**
     * User text echoed back: short, and unable to mention, link or break out of code formatting.
     */
    static String echo(String text) {
        return Mrkdwn.inCode(text, 30);
    }
}
