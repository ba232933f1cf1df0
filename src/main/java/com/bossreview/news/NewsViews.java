package com.bossreview.news;

import com.bossreview.command.Subcommand;
import com.bossreview.time.Times;
import com.slack.api.model.block.LayoutBlock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** What the manager sees of their news: the reply to logging it, and the outcome of sharing it. */
public final class NewsViews {
    public static final String SHARE_GOOD_NEWS = "share_good_news";
    public static final String SHARE_BAD_NEWS = "share_bad_news";

    static final String GOOD_CHEER = "Good news travels fast — share it while it's fresh.";
    static final String BAD_URGE = "Tell your boss now — they must never hear it from someone else first.";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    private NewsViews() {
    }

    public static String actionId(NewsKind kind) {
        return kind == NewsKind.GOOD ? SHARE_GOOD_NEWS : SHARE_BAD_NEWS;
    }

    public static String loggedText(NewsItem item) {
        return item.kind() == NewsKind.GOOD ? ":tada: Nice one — logged! " + GOOD_CHEER
                : ":rotating_light: Bad news logged. " + BAD_URGE;
    }

    /** The reply to {@code /bossreview good|bad <text>}: the news, the nudge, and the button that sends it. */
    public static List<LayoutBlock> logged(NewsItem item, Optional<String> boss) {
        boolean good = item.kind() == NewsKind.GOOD;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText(good ? ":tada: *Nice one — logged!* " + GOOD_CHEER
                : ":rotating_light: *Bad news logged.* " + BAD_URGE))));
        blocks.add(section(s -> s.text(markdownText(Mrkdwn.quote(item.body(), Mrkdwn.QUOTE_BUDGET)))));
        blocks.add(actions(a -> a.blockId("news_share").elements(List.of(button(b -> b
                .actionId(actionId(item.kind()))
                .value(Long.toString(item.id()))
                .style(good ? "primary" : "danger")
                .text(plainText(good ? "Share with boss" : "Tell boss now")))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(boss
                .map(b -> "The button sends <@" + b + "> a DM that names you. Nothing goes out until you click.")
                .orElse(":bust_in_silhouette: You haven't set a boss yet — set one with `" + Subcommand.BOSS.usage()
                        + "`, then click the button."))))));
        return blocks;
    }

    public static String usage(NewsKind kind, NewsText.Invalid invalid) {
        Subcommand command = kind == NewsKind.GOOD ? Subcommand.GOOD : Subcommand.BAD;
        String problem = switch (invalid.problem()) {
            case EMPTY -> ":pencil: What's the " + (kind == NewsKind.GOOD ? "good" : "bad") + " news? Nothing was saved.";
            case TOO_LONG -> ":warning: That's " + String.format(Locale.ENGLISH, "%,d", invalid.length())
                    + " characters; news can be at most " + String.format(Locale.ENGLISH, "%,d", NewsText.MAX_CHARS)
                    + ". Keep it to the headline and tell the rest in person. Nothing was saved.";
        };
        return problem + "\nUsage: `" + command.usage() + "`";
    }

    public static String sharedText(NewsItem item, ZoneId zone, Duration timeToShare) {
        return ":white_check_mark: Shared with <@" + item.sharedWith().orElseThrow() + "> at "
                + Times.format(item.sharedAt().orElseThrow().atZone(zone).toLocalTime()) + ". You told your boss "
                + duration(timeToShare) + " after logging it.";
    }

    /** Replaces the logged reply once the boss has it: no button any more, so it cannot be sent twice. */
    public static List<LayoutBlock> shared(NewsItem item, ZoneId zone, Duration timeToShare) {
        return List.of(
                section(s -> s.text(markdownText(Mrkdwn.quote(item.body(), Mrkdwn.QUOTE_BUDGET)))),
                context(c -> c.elements(List.of(markdownText(sharedText(item, zone, timeToShare))))));
    }

    public static String alreadyShared(NewsItem item, ZoneId zone, Instant now) {
        return ":white_check_mark: You already shared this with <@" + item.sharedWith().orElse("your boss") + "> "
                + when(item.sharedAt().orElseThrow(), zone, now) + " — it wasn't sent again.";
    }

    public static String notYours() {
        return ":no_entry: That item isn't yours or no longer exists. Nothing was sent or changed.";
    }

    public static String noBoss() {
        return ":bust_in_silhouette: You haven't set a boss yet, so nothing was sent. Set one with `"
                + Subcommand.BOSS.usage() + "`, then click the button again.";
    }

    public static String notSent(String boss, String reason) {
        return ":warning: Slack didn't deliver it (" + reason + "): your news was NOT sent to <@" + boss
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
        return local.toLocalDate().equals(today) ? "today at " + time : "on " + DAY.format(local) + " at " + time;
    }

    /** {@code less than a minute}, {@code 1 minute}, {@code 12 minutes}, {@code 2 h 05 min}, {@code 3 days}. */
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
