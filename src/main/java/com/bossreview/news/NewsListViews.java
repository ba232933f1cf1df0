package com.bossreview.news;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.bossreview.command.Subcommand;
import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The open news (neither told nor dismissed) with the buttons of each item: {@code /bossreview
 * news} and the "Open news" section of App Home. Bad news first, oldest first: what has waited
 * longest is what hurts.
 */
public final class NewsListViews {
    /**
     * Block ids of the list's rows start so: a click there re-renders the list rather than
     * replacing it by one item.
     */
    static final String LIST_BLOCK = "news_list_";

    static final String HOME_BLOCK = "news_home_";

    /**
     * Two blocks an item: with the header, the notice and the "…and N more" line well inside a
     * message's 50.
     */
    static final int LIST_MAX = 15;

    /**
     * App Home shares its 100 blocks with the card and the agenda; the rest is one command away.
     */
    public static final int HOME_MAX = 8;

    /** The full text is up to 2,000 characters; a list shows the start of each. */
    static final int QUOTE_BUDGET = 600;

    static final Comparator<NewsItem> BAD_FIRST_OLDEST_FIRST =
            Comparator.comparing((NewsItem n) -> n.kind() != NewsKind.BAD)
                    .thenComparing(NewsItem::loggedAt)
                    .thenComparingLong(NewsItem::id);

    private NewsListViews() {}

    public static String text(List<NewsItem> open) {
        return open.isEmpty() ? "No open news" : "Your open news: " + open.size();
    }

    /**
     * The reply to {@code /bossreview news}; {@code notice} (may be null) is what a click on it
     * just did.
     */
    public static List<LayoutBlock> list(List<NewsItem> open, Instant now, String notice) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (notice != null) {
            blocks.add(section(s -> s.text(markdownText(notice))));
            blocks.add(divider());
        }
        blocks.add(header(h -> h.text(plainText("Your open news"))));
        if (open.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(nothingOpen()))));
            return blocks;
        }
        blocks.addAll(rows(open, now, LIST_MAX, LIST_BLOCK));
        blocks.add(
                context(
                        c ->
                                c.elements(
                                        List.of(
                                                markdownText(
                                                        ":bulb: Told them by phone or in person? "
                                                                + "*"
                                                                + NewsViews.TOLD_LABEL
                                                                + "* ends the reminders and sends nothing.")))));
        return blocks;
    }

    /** App Home's "Open news" section, between the status card and the agenda. */
    public static List<LayoutBlock> home(List<NewsItem> open, Instant now) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                "*Open news*"
                                                        + (open.isEmpty()
                                                                ? "\n" + nothingOpen()
                                                                : "")))));
        blocks.addAll(rows(open, now, HOME_MAX, HOME_BLOCK));
        return blocks;
    }

    private static List<LayoutBlock> rows(
            List<NewsItem> open, Instant now, int max, String blockPrefix) {
        List<NewsItem> sorted = open.stream().sorted(BAD_FIRST_OLDEST_FIRST).toList();
        List<LayoutBlock> blocks = new ArrayList<>();
        for (NewsItem item : sorted.subList(0, Math.min(max, sorted.size()))) {
            blocks.add(
                    section(
                            s ->
                                    s.text(
                                            markdownText(
                                                    headline(item, now)
                                                            + "\n"
                                                            + NewsMrkdwn.quote(
                                                                    item.body(), QUOTE_BUDGET)))));
            blocks.add(
                    actions(
                            a ->
                                    a.blockId(blockPrefix + item.id())
                                            .elements(NewsViews.buttons(item, true))));
        }
        if (sorted.size() > max) {
            int more = sorted.size() - max;
            blocks.add(
                    context(
                            c ->
                                    c.elements(
                                            List.of(
                                                    markdownText(
                                                            "…and "
                                                                    + more
                                                                    + " more"
                                                                    + (blockPrefix.equals(
                                                                                    HOME_BLOCK)
                                                                            ? " — `"
                                                                                    + Subcommand
                                                                                            .NEWS
                                                                                            .usage()
                                                                                    + "` lists them."
                                                                            : ": "
                                                                                    + "tell or dismiss the ones above to see them."))))));
        }
        return blocks;
    }

    private static String headline(NewsItem item, Instant now) {
        String age = NewsViews.duration(Duration.between(item.loggedAt(), now));
        return item.kind() == NewsKind.BAD
                ? ":red_circle: *Bad news*, logged " + age + " ago — not told yet"
                : ":large_green_circle: *Good news*, logged " + age + " ago";
    }

    private static String nothingOpen() {
        return "Nothing open: all your news is told or dismissed. :ok_hand:";
    }
}
