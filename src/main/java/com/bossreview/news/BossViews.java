package com.bossreview.news;

import com.slack.api.model.block.LayoutBlock;

import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

/** What the boss sees: the DM that names the manager, and the "let's talk" answer to it. */
public final class BossViews {
    public static final String BOSS_ACK_NEWS = "boss_ack_news";
    private static final int BRIEF = 80;

    private BossViews() {
    }

    public static String dmText(NewsItem item) {
        return headline(item).replace("*", "") + ": " + Mrkdwn.brief(item.body(), 150);
    }

    /** The DM to the boss; the button tells the manager the boss saw it. */
    public static List<LayoutBlock> dm(NewsItem item) {
        List<LayoutBlock> blocks = new ArrayList<>(body(item));
        blocks.add(actions(a -> a.blockId("news_boss").elements(List.of(button(b -> b
                .actionId(BOSS_ACK_NEWS)
                .value(Long.toString(item.id()))
                .style("primary")
                .text(plainText("Thanks — let's talk")))))));
        return blocks;
    }

    public static String thankedText(NewsItem item) {
        return ":white_check_mark: Thanks sent to <@" + item.userId() + ">.";
    }

    /** The boss's DM once they answered: the news stays, the button goes. */
    public static List<LayoutBlock> thanked(NewsItem item) {
        List<LayoutBlock> blocks = new ArrayList<>(body(item));
        blocks.add(context(c -> c.elements(List.of(markdownText(thankedText(item)
                + " They know you'd like to talk.")))));
        return blocks;
    }

    /** The DM to the manager when the boss clicked. */
    public static String managerNotice(NewsItem item) {
        return ":speech_balloon: <@" + item.sharedWith().orElseThrow() + "> saw your news '"
                + Mrkdwn.brief(item.body(), BRIEF) + "' and wants to talk.";
    }

    public static String alreadyThanked(NewsItem item) {
        return ":white_check_mark: You already let <@" + item.userId() + "> know — nothing was sent again.";
    }

    public static String notForYou() {
        return ":no_entry: That button isn't yours to answer, or the news no longer exists. Nothing was sent or changed.";
    }

    public static String notSent(NewsItem item, String reason) {
        return ":warning: I couldn't reach <@" + item.userId() + "> just now (" + reason
                + "). Your thanks was NOT sent — please click again in a minute.";
    }

    private static String headline(NewsItem item) {
        return item.kind() == NewsKind.GOOD ? ":tada: *Good news from <@" + item.userId() + ">*"
                : ":rotating_light: *Bad news from <@" + item.userId() + ">*";
    }

    private static List<LayoutBlock> body(NewsItem item) {
        String lead = item.kind() == NewsKind.BAD ? " — they wanted you to hear it from them first." : "";
        return List.of(
                section(s -> s.text(markdownText(headline(item) + lead))),
                section(s -> s.text(markdownText(Mrkdwn.quote(item.body(), Mrkdwn.QUOTE_BUDGET)))),
                context(c -> c.elements(List.of(markdownText("Sent by bossreview because <@" + item.userId()
                        + "> clicked to share it with you.")))));
    }
}
