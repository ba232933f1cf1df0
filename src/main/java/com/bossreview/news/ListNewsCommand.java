package com.bossreview.news;

import com.bossreview.command.Subcommand;
import com.bossreview.command.SubcommandHandler;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.List;

/**
 * {@code /bossreview news}: the open items, each with its share, told, dismiss and edit buttons.
 * Stores nothing.
 */
public final class ListNewsCommand implements SubcommandHandler {
    private final NewsService news;

    public ListNewsCommand(NewsService news) {
        this.news = news;
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        if (!arguments.isBlank()) {
            return ctx.ack(
                    ":thinking_face: `news` takes nothing after it; use the buttons next to each item. Usage: `"
                            + Subcommand.NEWS.usage()
                            + "`");
        }
        List<NewsItem> open =
                news.open(request.getPayload().getTeamId(), request.getPayload().getUserId());
        return ctx.ack(
                r ->
                        r.responseType("ephemeral")
                                .text(NewsListViews.text(open))
                                .blocks(NewsListViews.list(open, news.now(), null)));
    }
}
