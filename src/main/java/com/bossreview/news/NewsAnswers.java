package com.bossreview.news;

import com.bossreview.slack.Clicks;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * What a click that settled an item (shared, told, dismissed) replaces: a message about that one
 * item (the logged reply, a reminder) becomes its outcome; the {@code /bossreview news} list is
 * shown again without it, the outcome on top; App Home is republished with the outcome on top (by
 * {@link Clicks}).
 */
final class NewsAnswers {
    private final NewsService news;

    NewsAnswers(NewsService news) {
        this.news = news;
    }

    static boolean fromList(BlockActionRequest request) {
        String block = request.getPayload().getActions().get(0).getBlockId();
        return block != null && block.startsWith(NewsListViews.LIST_BLOCK);
    }

    void settled(Clicks.Click click, boolean fromList, String text, List<LayoutBlock> itemBlocks) {
        if (fromList && click.surface() == Clicks.Surface.MESSAGE) {
            click.replace(
                    text,
                    NewsListViews.list(news.open(click.team(), click.user()), news.now(), text));
        } else {
            click.replace(text, itemBlocks);
        }
    }
}
