package com.bossreview.news;

import com.bossreview.command.SubcommandHandler;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ZoneRefresher;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * {@code /bossreview good <text>} and {@code /bossreview bad <text>}: stored at once, answered with
 * a share button.
 */
public final class LogNewsCommand implements SubcommandHandler {
    private final NewsKind kind;
    private final NewsService news;
    private final ZoneRefresher zones;

    public LogNewsCommand(NewsKind kind, NewsService news, ZoneRefresher zones) {
        this.kind = kind;
        this.news = news;
        this.zones = zones;
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String team = request.getPayload().getTeamId();
        String me = request.getPayload().getUserId();
        NewsText.Checked checked = NewsText.check(arguments);
        if (checked instanceof NewsText.Invalid invalid) {
            return ctx.ack(NewsViews.usage(kind, invalid));
        }
        Manager manager = zones.touch(team, me);
        NewsItem item = news.log(team, me, kind, ((NewsText.Valid) checked).body());
        return ctx.ack(
                r ->
                        r.responseType("ephemeral")
                                .text(NewsViews.loggedText(item))
                                .blocks(NewsViews.logged(item, manager.bossUserId())));
    }
}
