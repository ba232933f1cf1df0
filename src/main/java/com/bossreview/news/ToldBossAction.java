package com.bossreview.news;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code told_boss} ("I told them already"): the manager told the boss outside Slack. The item counts as told
 * now (latency included) and its reminders end; nothing is ever sent to the boss.
 */
public final class ToldBossAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(ToldBossAction.class);

    private final NewsService news;
    private final ManagerService managers;
    private final NewsAnswers answers;
    private final Clicks clicks;
    private final AfterAck afterAck;

    public ToldBossAction(NewsService news, ManagerService managers, Clicks clicks, AfterAck afterAck) {
        this.news = news;
        this.managers = managers;
        this.answers = new NewsAnswers(news);
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        Clicks.Click click = clicks.of(request, ctx);
        String value = request.getPayload().getActions().get(0).getValue();
        boolean fromList = NewsAnswers.fromList(request);
        afterAck.run("news told outside Slack", () -> told(value, fromList, click),
                reason -> click.note(NewsViews.failed(reason)));
        return ctx.ack();
    }

    private void told(String value, boolean fromList, Clicks.Click click) {
        OptionalLong id = Ids.parse(value);
        if (id.isEmpty()) {
            click.note(NewsViews.notYours());
            return;
        }
        Optional<Manager> manager = managers.find(click.team(), click.user());
        ZoneId zone = manager.map(Manager::zone).orElse(ZoneOffset.UTC);
        NewsService.Change outcome = news.markToldOutside(click.team(), click.user(), id.getAsLong(),
                manager.flatMap(Manager::bossUserId));
        if (outcome instanceof NewsService.Change.Done done) {
            NewsItem item = done.item();
            log.info("news {} of {}/{} told outside Slack", item.id(), click.team(), click.user());
            var took = news.timeToShare(item);
            answers.settled(click, fromList, NewsViews.toldOutsideText(item, zone, took), NewsViews.toldOutside(item, zone, took));
        } else if (outcome instanceof NewsService.Change.AlreadyTold told) {
            click.note(NewsViews.alreadyTold(told.item(), zone, news.now()));
        } else if (outcome instanceof NewsService.Change.AlreadyDismissed dismissed) {
            click.note(NewsViews.dismissedCannotBeTold(dismissed.item(), zone, news.now()));
        } else {
            click.note(NewsViews.notYours());
        }
    }
}
