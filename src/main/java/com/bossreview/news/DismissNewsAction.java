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
import java.util.OptionalLong;

/**
 * {@code dismiss_news}: news logged by mistake leaves reminders, the card, the list and agendas (it stays in
 * the export). News the boss was told stays on record and is not dismissed.
 */
public final class DismissNewsAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(DismissNewsAction.class);

    private final NewsService news;
    private final ManagerService managers;
    private final NewsAnswers answers;
    private final Clicks clicks;
    private final AfterAck afterAck;

    public DismissNewsAction(NewsService news, ManagerService managers, Clicks clicks, AfterAck afterAck) {
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
        afterAck.run("news dismissal", () -> dismiss(value, fromList, click),
                reason -> click.note(NewsViews.failed(reason)));
        return ctx.ack();
    }

    private void dismiss(String value, boolean fromList, Clicks.Click click) {
        OptionalLong id = Ids.parse(value);
        if (id.isEmpty()) {
            click.note(NewsViews.notYours());
            return;
        }
        ZoneId zone = managers.find(click.team(), click.user()).map(Manager::zone).orElse(ZoneOffset.UTC);
        NewsService.Change outcome = news.dismiss(click.team(), click.user(), id.getAsLong());
        if (outcome instanceof NewsService.Change.Done done) {
            log.info("news {} of {}/{} dismissed", done.item().id(), click.team(), click.user());
            answers.settled(click, fromList, NewsViews.dismissedText(), NewsViews.dismissed(done.item()));
        } else if (outcome instanceof NewsService.Change.AlreadyDismissed dismissed) {
            click.note(NewsViews.alreadyDismissed(dismissed.item(), zone, news.now()));
        } else if (outcome instanceof NewsService.Change.AlreadyTold told) {
            click.note(NewsViews.toldCannotBeDismissed(told.item(), zone, news.now()));
        } else {
            click.note(NewsViews.notYours());
        }
    }
}
