package com.bossreview.nudge;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.agenda.Agenda;
import com.bossreview.agenda.AgendaViews;
import com.bossreview.forecast.ForecastViews;
import com.bossreview.forecast.Recorded;
import com.bossreview.manager.Manager;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsViews;
import com.bossreview.review.ReviewViews;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Mrkdwn;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.Times;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
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

/** The DM of each nudge: one clear ask, the buttons to act on it, one short tip. */
public final class NudgeViews {
    public static final String SNOOZE = "snooze";

    /** A nudge's text (also the notification fallback) and blocks. */
    public record Message(String text, List<LayoutBlock> blocks) {}

    /** What a message needs besides the nudge and the manager. */
    /**
     * @param forecast the latest figure of the current quarter with what the boss was told
     *     (forecast nudges)
     */
    public record Extras(
            Optional<NewsItem> news,
            Optional<Agenda> agenda,
            Optional<Recorded> forecast,
            FiscalQuarter quarter,
            long daysToQuarterEnd,
            boolean socialTip) {}

    /** {@code Friday 27 Nov}. */
    private static final DateTimeFormatter DAY_AND_DATE =
            DateTimeFormatter.ofPattern("EEEE d MMM", Locale.ENGLISH);

    static final String SOCIAL_TIP =
            ":coffee: If your boss suggests lunch or a drink, say yes — "
                    + "it's time well spent. Just don't try to become best friends.";

    private NudgeViews() {}

    public static Message render(Nudge n, Manager m, Extras x, Instant now) {
        String boss = "<@" + m.bossUserId().orElse("your boss") + ">";
        String week = n.kind().weekly() ? n.week().toString() : "";
        List<BlockElement> buttons = new ArrayList<>();
        String text;
        String tip;
        switch (n.kind()) {
            case BOOK_REVIEW, BOOK_REVIEW_FOLLOWUP -> {
                text =
                        (n.kind() == NudgeKind.BOOK_REVIEW
                                        ? ":calendar: "
                                        : ":calendar: Reminder: ")
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
                tip =
                        "Outside prime sales hours, every week: your boss learns to expect you — and your news.";
            }
            case REVIEW_PREP -> {
                text =
                        ":spiral_note_pad: Your review with "
                                + boss
                                + " is "
                                + reviewWhen(n, m, now)
                                + ". Here's your draft agenda — send it now so they can prepare:\n\n"
                                + x.agenda().map(AgendaViews::text).orElse("");
                buttons.add(
                        button(
                                b ->
                                        b.actionId(AgendaViews.SEND_AGENDA)
                                                .value(week)
                                                .style("primary")
                                                .text(plainText("Send to boss"))));
                tip = "Ask for one piece of feedback. Your boss is an experienced mentor — use it.";
            }
            case DID_IT_HAPPEN -> {
                text = ":white_check_mark: Did your weekly review with " + boss + " happen?";
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
                tip =
                        "Held weeks build your streak; skipped ones (holidays happen) don't break it.";
            }
            case BAD_NEWS -> {
                NewsItem item = x.news().orElseThrow();
                text =
                        ":rotating_light: You logged bad news "
                                + age(Duration.between(item.loggedAt(), now))
                                + " ago and haven't told "
                                + boss
                                + " yet:\n>"
                                + quote(item.body())
                                + "\nYour boss must never hear it from someone else first.";
                buttons.addAll(NewsViews.buttons(item, false));
                tip = "Bad news doesn't get better with age. Bring what you're doing about it.";
            }
            case GOOD_NEWS -> {
                NewsItem item = x.news().orElseThrow();
                text =
                        ":tada: "
                                + goodNewsFrom(item.loggedAt(), m, now)
                                + " still waiting for "
                                + boss
                                + ":\n>"
                                + quote(item.body());
                buttons.addAll(NewsViews.buttons(item, false));
                tip =
                        "Your boss is your champion with senior management — give them wins to talk about.";
            }
            case FORECAST -> {
                Optional<Recorded> current = x.forecast();
                String ends =
                        ":bar_chart: "
                                + x.quarter().label()
                                + " "
                                + endsIn(x.daysToQuarterEnd(), x.quarter());
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
                tip = "A downgrade told early is a conversation; told late, it's a surprise.";
            }
            case FORECAST_DOWNGRADE -> {
                Recorded r = x.forecast().orElseThrow();
                text =
                        ":chart_with_downwards_trend: Your "
                                + r.quarter().label()
                                + " forecast is down to *"
                                + ForecastViews.money(r.forecast())
                                + "* — recorded "
                                + age(Duration.between(r.forecast().recordedAt(), now))
                                + " ago — but "
                                + boss
                                + " still thinks it's *"
                                + r.baseline().map(ForecastViews::money).orElse("")
                                + "*."
                                + "\nNever wait for quarter end: they should hear it from you first.";
                buttons.add(ForecastViews.shareButton(r.forecast().id(), true));
                buttons.add(ForecastViews.updateButton(false));
                tip = "A downgrade told early is a conversation; told late, it's a surprise.";
            }
            default -> throw new IllegalStateException(n.kind().name());
        }
        // Reminder chains come back every two hours by themselves: no snooze on them.
        if (n.kind() != NudgeKind.BAD_NEWS && n.kind() != NudgeKind.FORECAST_DOWNGRADE) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(SNOOZE)
                                            .value(ButtonValue.ofId(n.id()))
                                            .text(plainText("Snooze 2h"))));
        }
        String finalText = text;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(finalText))));
        blocks.add(actions(a -> a.blockId("nudge_actions").elements(buttons)));
        List<String> tips = new ArrayList<>();
        tips.add(":bulb: " + tip);
        if (x.socialTip()) {
            tips.add(SOCIAL_TIP);
        }
        blocks.add(
                context(
                        c ->
                                c.elements(
                                        tips.stream()
                                                .map(
                                                        t ->
                                                                (com.slack.api.model.block
                                                                                .ContextBlockElement)
                                                                        markdownText(t))
                                                .toList())));
        return new Message(finalText, blocks);
    }

    /** e.g. {@code ends in 33 days (Thu 31 Dec)}, {@code ends tomorrow (Thu 31 Dec)}. */
    static String endsIn(long days, FiscalQuarter q) {
        String date = q.lastDay().format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH));
        String when =
                days <= 0
                        ? "ends today"
                        : days == 1 ? "ends tomorrow" : "ends in " + days + " days";
        return when + " (" + date + ")";
    }

    private static String quote(String body) {
        String t = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        return Mrkdwn.escape(t).replace("\n", "\n>");
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

    /**
     * Which good news, by the day it was logged in the manager's zone: {@code Yesterday's good news
     * is} only for the day before; {@code Friday's good news is} on a Monday (or after any gap)
     * within the week; a week or more back, {@code Your good news from Friday 20 Nov is}.
     */
    static String goodNewsFrom(Instant loggedAt, Manager m, Instant now) {
        LocalDate logged = loggedAt.atZone(m.zone()).toLocalDate();
        long days = ChronoUnit.DAYS.between(logged, m.today(now));
        if (days <= 0) {
            return "Today's good news is";
        }
        if (days == 1) {
            return "Yesterday's good news is";
        }
        return days < 7
                ? Times.format(logged.getDayOfWeek()) + "'s good news is"
                : "Your good news from " + logged.format(DAY_AND_DATE) + " is";
    }

    static String age(Duration d) {
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return Math.max(1, d.toMinutes()) + " minutes";
    }
}
