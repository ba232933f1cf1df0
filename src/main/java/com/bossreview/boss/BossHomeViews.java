package com.bossreview.boss;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The boss's part of App Home: what their managers sent them, newest first, each with who, when,
 * what and how the boss answered, and Got it / Thanks and Let's talk on what they have not answered
 * (the same action ids as on the DMs, so one handler serves both); then the weekly digest switch.
 */
public final class BossHomeViews {
    public static final String DIGEST_ON = "boss_digest_on";
    public static final String DIGEST_OFF = "boss_digest_off";

    /** Slack's fallback when a client cannot show a {@code <!date>}: UTC. */
    private static final DateTimeFormatter FALLBACK =
            DateTimeFormatter.ofPattern("EEE d MMM HH:mm 'UTC'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC);

    /** The heading, its note and the digest switch: what the section costs before its items. */
    static final int FIXED_BLOCKS = 4;

    private BossHomeViews() {}

    /**
     * The section, within {@code room} blocks (Slack allows 100 in a Home view): as many of {@code
     * entries} as fit, then how many more there are. Nothing at all when nothing was ever sent.
     */
    public static List<LayoutBlock> blocks(
            List<BossInbox.Entry> entries, boolean more, boolean digestOn, int room) {
        if (entries.isEmpty() || room < FIXED_BLOCKS + 3) {
            return List.of();
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("What your managers sent you"))));
        blocks.add(
                context(
                        c ->
                                c.elements(
                                        List.of(
                                                markdownText(
                                                        "Newest first; only what they chose to send. "
                                                                + "Your answer tells them you've seen it.")))));
        int budget = room - FIXED_BLOCKS;
        int shown = 0;
        for (BossInbox.Entry e : entries) {
            int cost = e.acknowledged() ? 1 : 2;
            if (cost > budget) {
                break;
            }
            blocks.add(section(s -> s.text(markdownText(line(e)))));
            if (!e.acknowledged()) {
                blocks.add(answerButtons(e.item().subject()));
            }
            budget -= cost;
            shown++;
        }
        if (shown < entries.size() || more) {
            String rest =
                    shown < entries.size()
                            ? "…and " + (entries.size() - shown) + " older not shown."
                            : "Older items are not shown.";
            blocks.add(context(c -> c.elements(List.of(markdownText(rest)))));
        }
        blocks.add(digestSwitch(digestOn));
        return blocks;
    }

    /** One item: who, when, what, and the boss's answer if they gave one. */
    static String line(BossInbox.Entry e) {
        SentItem i = e.item();
        return "<@"
                + i.managerId()
                + "> · "
                + when(i.sentAt())
                + "\n"
                + i.what()
                + answer(e).map(a -> "\n_" + a + "_").orElse("");
    }

    /** How the boss answered, in their words; empty when they have not. */
    static Optional<String> answer(BossInbox.Entry e) {
        return e.answer()
                .map(
                        r ->
                                r == BossReply.LETS_TALK
                                        ? ":speech_balloon: You asked to talk"
                                        : ":white_check_mark: You said "
                                                + BossReplyViews.ackLabel(e.item().subject().kind())
                                                        .toLowerCase(Locale.ROOT));
    }

    /** A date Slack shows in the reader's own time zone. */
    static String when(Instant at) {
        return "<!date^"
                + at.getEpochSecond()
                + "^{date_short_pretty} {time}|"
                + FALLBACK.format(at)
                + ">";
    }

    private static LayoutBlock answerButtons(Subject subject) {
        String value = subject.value();
        List<BlockElement> buttons =
                List.of(
                        BossReplyViews.button(
                                BossReplyViews.THANKS,
                                value,
                                BossReplyViews.ackLabel(subject.kind()),
                                null),
                        BossReplyViews.button(
                                BossReplyViews.LETS_TALK, value, "Let's talk", "primary"));
        return actions(a -> a.blockId("boss_home_" + value.replace(':', '_')).elements(buttons));
    }

    private static LayoutBlock digestSwitch(boolean on) {
        BlockElement button =
                on
                        ? BossReplyViews.button(DIGEST_OFF, "off", "Stop the weekly digest", null)
                        : BossReplyViews.button(
                                DIGEST_ON, "on", "Get a weekly digest (Mondays)", null);
        return actions(a -> a.blockId("boss_digest").elements(List.of(button)));
    }
}
