package com.bossreview.status;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.forecast.ForecastViews;
import com.bossreview.forecast.Recorded;
import com.bossreview.forecast.ToldVia;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.review.ReviewState;
import com.bossreview.review.ReviewViews;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The status card and the onboarding, as Block Kit. */
public final class StatusViews {
    public static final String OPEN_SETUP = "open_setup";
    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM", java.util.Locale.ENGLISH);

    private StatusViews() {}

    public static String fallback(StatusCard card) {
        return "bossreview status: "
                + card.manager().bossUserId().map(b -> "boss <@" + b + ">").orElse("no boss set")
                + ", streak "
                + card.streak();
    }

    public static List<LayoutBlock> card(StatusCard c) {
        return card(c, List.of());
    }

    /** The card with a feature's lines (the scorecard) after the forecast, above the buttons. */
    public static List<LayoutBlock> card(StatusCard c, List<LayoutBlock> more) {
        var m = c.manager();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your manage-up status"))));
        String boss =
                m.bossUserId()
                        .map(b -> "<@" + b + ">")
                        .orElse("_not set_ — `/bossreview boss @user`");
        String slot =
                m.slotText()
                        .map(s -> s + " (" + m.zone().getId() + ")")
                        .orElse("_not set_ — `/bossreview review fri 17:00`");
        blocks.add(
                section(
                        s ->
                                s.fields(
                                        List.of(
                                                markdownText("*Boss*\n" + boss),
                                                markdownText("*Weekly review*\n" + slot),
                                                markdownText(
                                                        "*This week ("
                                                                + c.week().dates()
                                                                + ")*\n"
                                                                + weekState(c)),
                                                markdownText("*Streak*\n" + streak(c.streak()))))));
        blocks.add(section(s -> s.text(markdownText(news(c)))));
        blocks.add(section(s -> s.text(markdownText(forecast(c)))));
        blocks.addAll(more);
        if (m.isPaused(c.now())) {
            blocks.add(
                    context(
                            x ->
                                    x.elements(
                                            List.of(
                                                    markdownText(
                                                            ":beach_with_umbrella: Nudges paused until "
                                                                    + m.pausedUntil().orElseThrow()
                                                                    + " — `/bossreview resume` to bring them back.")))));
        }
        List<BlockElement> buttons = new ArrayList<>();
        if (c.thisWeek().isEmpty()) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(ReviewViews.BOOKED_ACTION)
                                            .value(c.week().toString())
                                            .text(plainText("Review booked"))));
        }
        if (c.thisWeek().isEmpty() || c.thisWeek().get() == ReviewState.BOOKED) {
            buttons.add(
                    button(
                            b ->
                                    b.actionId(ReviewViews.HELD_ACTION)
                                            .value(c.week().toString())
                                            .text(plainText("Review held"))));
            buttons.add(
                    button(
                            b ->
                                    b.actionId(ReviewViews.SKIP_ACTION)
                                            .value(c.week().toString())
                                            .text(plainText("Skip this week"))));
        }
        c.forecastStory()
                .filter(r -> !r.bossKnows() && m.bossUserId().isPresent())
                .ifPresent(
                        r ->
                                buttons.add(
                                        ForecastViews.shareButton(
                                                r.forecast().id(), r.isDowngrade())));
        buttons.add(ForecastViews.updateButton(false));
        buttons.add(button(b -> b.actionId(OPEN_SETUP).value("").text(plainText("Settings"))));
        blocks.add(actions(a -> a.blockId("status_actions").elements(buttons)));
        return blocks;
    }

    public static List<LayoutBlock> onboarding() {
        return List.of(
                header(h -> h.text(plainText("Welcome to bossreview"))),
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                "Your boss is your champion with senior management — and the one who "
                                                        + "writes your review. bossreview helps you keep that relationship strong with four habits:\n"
                                                        + "1. A *weekly review* with your boss, outside prime sales hours\n"
                                                        + "2. *Good news quickly, bad news immediately* — they never hear it from someone else first\n"
                                                        + "3. *No last-minute forecast downgrades* — tell them as soon as the number moves\n"
                                                        + "4. Say yes to *social time* with your boss, without trying to be best friends"))),
                divider(),
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                "*Get started in a minute*\n"
                                                        + "• `/bossreview boss @your-boss` — who you report to\n"
                                                        + "• `/bossreview review fri 17:00` — your weekly review slot\n"
                                                        + "• `/bossreview help` — everything else"))),
                actions(
                        a ->
                                a.blockId("onboarding_actions")
                                        .elements(
                                                List.of(
                                                        button(
                                                                b ->
                                                                        b.actionId(OPEN_SETUP)
                                                                                .value("")
                                                                                .style("primary")
                                                                                .text(
                                                                                        plainText(
                                                                                                "Set me up")))))),
                context(
                        c ->
                                c.elements(
                                        List.of(
                                                markdownText(
                                                        "Your boss only ever sees what you choose to send them.")))));
    }

    private static String weekState(StatusCard c) {
        return c.thisWeek()
                .map(
                        s ->
                                switch (s) {
                                    case BOOKED -> ":calendar: booked";
                                    case HELD -> ":white_check_mark: held";
                                    case SKIPPED -> ":palm_tree: skipped";
                                })
                .orElse(":hourglass_flowing_sand: not booked yet");
    }

    private static String streak(int weeks) {
        return weeks == 0
                ? "no streak yet"
                : weeks
                        + (weeks == 1 ? " week" : " weeks")
                        + " in a row"
                        + (weeks >= 3 ? " :fire:" : "");
    }

    private static String news(StatusCard c) {
        List<NewsItem> unshared = c.unsharedNews();
        if (unshared.isEmpty()) {
            return "*News*\nNothing waiting to be shared. :ok_hand:";
        }
        long bad = unshared.stream().filter(n -> n.kind() == NewsKind.BAD).count();
        StringBuilder sb = new StringBuilder("*News not shared yet*\n");
        if (bad > 0) {
            NewsItem oldestBad =
                    unshared.stream()
                            .filter(n -> n.kind() == NewsKind.BAD)
                            .findFirst()
                            .orElseThrow();
            sb.append(":red_circle: ")
                    .append(bad)
                    .append(" bad — the oldest logged ")
                    .append(age(Duration.between(oldestBad.loggedAt(), c.now())))
                    .append(" ago. Tell your boss now.\n");
        }
        if (unshared.size() > bad) {
            sb.append(":large_green_circle: ")
                    .append(unshared.size() - bad)
                    .append(" good — share while it's fresh.");
        }
        return sb.toString().strip();
    }

    /**
     * e.g. {@code *Forecast — Q4 FY2026* (ends Thu 31 Dec, in 36 days)} then the figure and when it
     * was set.
     */
    private static String forecast(StatusCard c) {
        long days = c.daysToQuarterEnd();
        String ends =
                c.quarter().lastDay().format(DAY)
                        + (days == 0
                                ? ", today"
                                : days == 1 ? ", tomorrow" : ", in " + days + " days");
        String head = "*Forecast — " + c.quarter().label() + "* (ends " + ends + ")\n";
        String boss = c.manager().bossUserId().map(b -> "<@" + b + ">").orElse("your boss");
        return head
                + c.forecastStory()
                        .map(
                                r ->
                                        ForecastViews.money(r.forecast())
                                                + ", updated "
                                                + r.forecast()
                                                        .recordedAt()
                                                        .atZone(c.manager().zone())
                                                        .toLocalDate()
                                                        .format(DAY)
                                                + "\n"
                                                + told(r, boss))
                        .orElse("None recorded yet — `/bossreview forecast 250k`");
    }

    /**
     * Whether the boss knows the figure: what the card is for (SPEC §2, the told figure is the
     * baseline).
     */
    private static String told(Recorded r, String boss) {
        if (r.forecast().told()) {
            return ":white_check_mark: "
                    + boss
                    + " was told it"
                    + (r.forecast().toldVia().orElse(ToldVia.DM) == ToldVia.AGENDA
                            ? " in your agenda"
                            : "")
                    + ".";
        }
        if (r.bossKnows()) {
            return ":white_check_mark: the figure " + boss + " was last told.";
        }
        return r.baseline()
                .map(
                        b ->
                                (r.isDowngrade() ? ":rotating_light: " : ":warning: ")
                                        + boss
                                        + " was last told "
                                        + ForecastViews.money(b)
                                        + " — tell them now.")
                .orElse(":warning: " + boss + " hasn't been told a figure for this quarter yet.");
    }

    static String age(Duration d) {
        if (d.toDays() >= 1) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return Math.max(1, d.toMinutes()) + " min";
    }
}
