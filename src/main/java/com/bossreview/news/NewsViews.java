package com.bossreview.news;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.command.Subcommand;
import com.bossreview.slack.ButtonValue;
import com.bossreview.time.Times;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.element.BlockElement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the manager sees of one piece of news: the reply to logging it, its buttons, and what came
 * of a click.
 */
public final class NewsViews {
    public static final String SHARE_GOOD_NEWS = "share_good_news";
    public static final String SHARE_BAD_NEWS = "share_bad_news";

    /** "I told them already": told outside Slack, nothing is sent. */
    public static final String TOLD_BOSS = "told_boss";

    /** Logged by mistake. */
    public static final String DISMISS_NEWS = "dismiss_news";

    /** Opens the edit modal of an item not told yet. */
    public static final String EDIT_NEWS = "edit_news";

    static final String TOLD_LABEL = "I told them already";

    /**
     * Block id of the buttons of a message about one item; the news list uses {@link
     * NewsListViews#LIST_BLOCK}.
     */
    static final String ITEM_BLOCK = "news_share";

    static final String GOOD_CHEER = "Good news travels fast — share it while it's fresh.";
    static final String BAD_URGE =
            "Tell your boss now — they must never hear it from someone else first.";
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private NewsViews() {}

    public static String actionId(NewsKind kind) {
        return kind == NewsKind.GOOD ? SHARE_GOOD_NEWS : SHARE_BAD_NEWS;
    }

    public static String loggedText(NewsItem item) {
        return item.kind() == NewsKind.GOOD
                ? ":tada: Nice one — logged! " + GOOD_CHEER
                : ":rotating_light: Bad news logged. " + BAD_URGE;
    }

    /**
     * The reply to {@code /bossreview good|bad <text>}: the news, the nudge, and the buttons that
     * act on it.
     */
    public static List<LayoutBlock> logged(NewsItem item, Optional<String> boss) {
        boolean good = item.kind() == NewsKind.GOOD;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                good
                                                        ? ":tada: *Nice one — logged!* "
                                                                + GOOD_CHEER
                                                        : ":rotating_light: *Bad news logged.* "
                                                                + BAD_URGE))));
        blocks.add(quoted(item));
        blocks.add(actions(a -> a.blockId(ITEM_BLOCK).elements(buttons(item, true))));
        blocks.add(
                context(
                        c ->
                                c.elements(
                                        List.of(
                                                markdownText(
                                                        boss.map(
                                                                        b ->
                                                                                "*"
                                                                                        + shareLabel(
                                                                                                item
                                                                                                        .kind())
                                                                                        + "* sends <@"
                                                                                        + b
                                                                                        + "> a DM that names you. Nothing goes out "
                                                                                        + "until you click. Told them already, by phone or in person? *"
                                                                                        + TOLD_LABEL
                                                                                        + "* ends the reminders and sends nothing.")
                                                                .orElse(
                                                                        ":bust_in_silhouette: You haven't set a boss yet — set one with `"
                                                                                + Subcommand.BOSS
                                                                                        .usage()
                                                                                + "`, then click the button."))))));
        return blocks;
    }

    /**
     * News bossreview drafted for the manager (a CRM deal's change, issue 16): {@code text} and the
     * same buttons as news they logged, in the same block, so the same actions handle them.
     */
    public static List<LayoutBlock> drafted(NewsItem item, String text) {
        return List.of(
                section(s -> s.text(markdownText(text))),
                actions(a -> a.blockId(ITEM_BLOCK).elements(buttons(item, false))));
    }

    /**
     * The buttons of an open item, wherever it is shown: share (sends the DM), told outside Slack
     * (sends nothing), dismiss (logged by mistake; asks first) and, where there is room, edit.
     */
    public static List<BlockElement> buttons(NewsItem item, boolean withEdit) {
        String id = ButtonValue.ofId(item.id());
        List<BlockElement> buttons = new ArrayList<>();
        buttons.add(
                button(
                        b ->
                                b.actionId(actionId(item.kind()))
                                        .value(id)
                                        .style("primary")
                                        .text(plainText(shareLabel(item.kind())))));
        buttons.add(button(b -> b.actionId(TOLD_BOSS).value(id).text(plainText(TOLD_LABEL))));
        buttons.add(
                button(
                        b ->
                                b.actionId(DISMISS_NEWS)
                                        .value(id)
                                        .text(plainText("Dismiss"))
                                        .confirm(
                                                ConfirmationDialogObject.builder()
                                                        .title(plainText("Dismiss this news?"))
                                                        .text(
                                                                plainText(
                                                                        "For news logged by mistake: no more reminders, and it leaves your news list "
                                                                                + "and agenda. It stays in your export. Nothing is sent."))
                                                        .confirm(plainText("Dismiss"))
                                                        .deny(plainText("Keep it"))
                                                        .style("danger")
                                                        .build())));
        if (withEdit) {
            buttons.add(button(b -> b.actionId(EDIT_NEWS).value(id).text(plainText("Edit"))));
        }
        return buttons;
    }

    static String shareLabel(NewsKind kind) {
        return kind == NewsKind.GOOD ? "Share with boss" : "Tell boss now";
    }

    public static String usage(NewsKind kind, NewsText.Invalid invalid) {
        Subcommand command = kind == NewsKind.GOOD ? Subcommand.GOOD : Subcommand.BAD;
        String problem =
                switch (invalid.problem()) {
                    case EMPTY ->
                            ":pencil: What's the "
                                    + (kind == NewsKind.GOOD ? "good" : "bad")
                                    + " news? Nothing was saved.";
                    case TOO_LONG ->
                            ":warning: That's "
                                    + String.format(Locale.ENGLISH, "%,d", invalid.length())
                                    + " characters; news can be at most "
                                    + String.format(Locale.ENGLISH, "%,d", NewsText.MAX_CHARS)
                                    + ". Keep it to the headline and tell the rest in person. Nothing was saved.";
                };
        return problem + "\nUsage: `" + command.usage() + "`";
    }

    public static String sharedText(NewsItem item, ZoneId zone, Duration timeToShare) {
        return ":white_check_mark: Shared with <@"
                + item.sharedWith().orElseThrow()
                + "> at "
                + Times.format(item.sharedAt().orElseThrow().atZone(zone).toLocalTime())
                + ". You told your boss "
                + duration(timeToShare)
                + " after logging it.";
    }

    /**
     * Replaces the logged reply once the boss has it: no button any more, so it cannot be sent
     * twice.
     */
    public static List<LayoutBlock> shared(NewsItem item, ZoneId zone, Duration timeToShare) {
        return settled(item, sharedText(item, zone, timeToShare));
    }

    public static String alreadyShared(NewsItem item, ZoneId zone, Instant now) {
        return told(item, zone, now) + " — it wasn't sent again.";
    }

    /**
     * How and when the boss was told, e.g. {@code You already shared this with <@B> today at
     * 09:12}.
     */
    static String told(NewsItem item, ZoneId zone, Instant now) {
        String boss = item.sharedWith().map(b -> "<@" + b + ">").orElse("your boss");
        String when = when(item.sharedAt().orElseThrow(), zone, now);
        return switch (item.how().orElseThrow()) {
            case DM -> ":white_check_mark: You already shared this with " + boss + " " + when;
            case AGENDA ->
                    ":white_check_mark: This went to "
                            + boss
                            + " in your agenda "
                            + when
                            + ", so it counts as told";
            case OUTSIDE -> ":white_check_mark: You marked this as told outside Slack " + when;
        };
    }

    public static String toldOutsideText(NewsItem item, ZoneId zone, Duration timeToTell) {
        String boss = item.sharedWith().map(b -> "<@" + b + ">").orElse("your boss");
        return ":white_check_mark: Marked as told outside Slack at "
                + Times.format(item.sharedAt().orElseThrow().atZone(zone).toLocalTime())
                + ", "
                + duration(timeToTell)
                + " after logging it. Nothing was sent to "
                + boss
                + ", and no more reminders."
                + (item.sharedWith().isEmpty()
                        ? " (You haven't set a boss yet: `" + Subcommand.BOSS.usage() + "`.)"
                        : "");
    }

    /** Replaces the message about the item once it is told outside Slack: no buttons any more. */
    public static List<LayoutBlock> toldOutside(NewsItem item, ZoneId zone, Duration timeToTell) {
        return settled(item, toldOutsideText(item, zone, timeToTell));
    }

    /**
     * A message about an item once it is told: the news quoted and how it was told, without
     * buttons.
     */
    private static List<LayoutBlock> settled(NewsItem item, String how) {
        return List.of(quoted(item), context(c -> c.elements(List.of(markdownText(how)))));
    }

    /** The news as typed, quoted: the block every message about an item shows. */
    static LayoutBlock quoted(NewsItem item) {
        return section(
                s -> s.text(markdownText(NewsMrkdwn.quote(item.body(), NewsMrkdwn.QUOTE_BUDGET))));
    }

    public static String alreadyTold(NewsItem item, ZoneId zone, Instant now) {
        return told(item, zone, now) + " — nothing changed.";
    }

    public static String dismissedText() {
        return ":wastebasket: Dismissed: no more reminders, and it's gone from your news list, status card and agenda. "
                + "It stays in `"
                + Subcommand.EXPORT.usage()
                + "`. Nothing was sent.";
    }

    /**
     * Replaces the message about the item once dismissed: its first words, struck out, and no
     * buttons.
     */
    public static List<LayoutBlock> dismissed(NewsItem item) {
        return List.of(
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                "~"
                                                        + NewsMrkdwn.brief(item.body(), 80)
                                                                .replace("~", "")
                                                        + "~"))),
                context(c -> c.elements(List.of(markdownText(dismissedText())))));
    }

    public static String alreadyDismissed(NewsItem item, ZoneId zone, Instant now) {
        return ":wastebasket: You dismissed this "
                + when(item.dismissedAt().orElseThrow(), zone, now)
                + " — nothing changed.";
    }

    /** A share click on dismissed news. */
    public static String dismissedNotSent(NewsItem item, ZoneId zone, Instant now) {
        return ":wastebasket: You dismissed this news "
                + when(item.dismissedAt().orElseThrow(), zone, now)
                + ", so nothing was sent. If it's real after all, log it again with `/bossreview "
                + (item.kind() == NewsKind.GOOD ? "good" : "bad")
                + " <text>`.";
    }

    /** A dismiss click on news the boss was already told. */
    public static String toldCannotBeDismissed(NewsItem item, ZoneId zone, Instant now) {
        return told(item, zone, now) + " — told news stays on record, so it wasn't dismissed.";
    }

    /** A told click on dismissed news. */
    public static String dismissedCannotBeTold(NewsItem item, ZoneId zone, Instant now) {
        return ":wastebasket: You dismissed this "
                + when(item.dismissedAt().orElseThrow(), zone, now)
                + ", so it wasn't marked as told. If it's real after all, log it again.";
    }

    public static String notYours() {
        return ":no_entry: That item isn't yours or no longer exists. Nothing was sent or changed.";
    }

    public static String noBoss() {
        return ":bust_in_silhouette: You haven't set a boss yet, so nothing was sent. Set one with `"
                + Subcommand.BOSS.usage()
                + "`, then click the button again.";
    }

    public static String notSent(String boss, String reason) {
        return ":warning: Slack didn't deliver it ("
                + reason
                + "): your news was NOT sent to <@"
                + boss
                + ">. Nothing was marked as shared — please click the button again in a minute.";
    }

    public static String failed(String reason) {
        return ":warning: Something went wrong (" + reason + "). Please try again in a minute.";
    }

    /** {@code today at 09:15} or {@code on Tue 4 Mar at 09:15}, in the reader's zone. */
    static String when(Instant at, ZoneId zone, Instant now) {
        var local = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = Times.format(local.toLocalTime());
        return local.toLocalDate().equals(today)
                ? "today at " + time
                : "on " + DAY.format(local) + " at " + time;
    }

    /**
     * {@code less than a minute}, {@code 1 minute}, {@code 12 minutes}, {@code 2 h 05 min}, {@code
     * 3 days}.
     */
    static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 1) {
            return "less than a minute";
        }
        if (minutes < 60) {
            return minutes + (minutes == 1 ? " minute" : " minutes");
        }
        if (minutes < 48 * 60) {
            return String.format(Locale.ENGLISH, "%d h %02d min", minutes / 60, minutes % 60);
        }
        return (minutes / (24 * 60)) + " days";
    }
}
