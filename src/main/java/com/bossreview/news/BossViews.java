package com.bossreview.news;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What the boss sees of news: the DM that names the manager (the answer buttons come from {@code
 * boss/}).
 */
public final class BossViews {
    private static final int BRIEF = 80;

    private BossViews() {}

    public static String dmText(NewsItem item) {
        return headline(item).replace("*", "") + ": " + NewsMrkdwn.brief(item.body(), 150);
    }

    /** The DM to the boss: who it is from, the news quoted, why they got it. */
    public static List<LayoutBlock> dm(NewsItem item) {
        String lead =
                item.kind() == NewsKind.BAD ? " — they wanted you to hear it from them first." : "";
        return List.of(
                section(s -> s.text(markdownText(headline(item) + lead))),
                NewsViews.quoted(item),
                context(
                        c ->
                                c.elements(
                                        List.of(
                                                markdownText(
                                                        "Sent by bossreview because <@"
                                                                + item.userId()
                                                                + "> clicked to share it with you.")))));
    }

    /**
     * The news named for its manager when the boss answers it, e.g. {@code your news 'Acme
     * signed'}.
     */
    static String about(NewsItem item) {
        return "your news '" + NewsMrkdwn.brief(item.body(), BRIEF) + "'";
    }

    private static String headline(NewsItem item) {
        return item.kind() == NewsKind.GOOD
                ? ":tada: *Good news from <@" + item.userId() + ">*"
                : ":rotating_light: *Bad news from <@" + item.userId() + ">*";
    }
}
