package com.bossreview.news;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.SlackCallException;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.OptionalLong;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

/** {@code boss_ack_news}: the boss answers a shared item with "Thanks — let's talk"; the manager hears of it. */
public final class BossAckAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(BossAckAction.class);

    private final NewsService news;
    private final Messenger messenger;
    private final Clicks clicks;
    private final AfterAck afterAck;

    public BossAckAction(NewsService news, Messenger messenger, Clicks clicks, AfterAck afterAck) {
        this.news = news;
        this.messenger = messenger;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        Clicks.Click click = clicks.of(request, ctx);
        String team = click.team();
        String boss = click.user();
        String value = request.getPayload().getActions().get(0).getValue();
        afterAck.run("news acknowledgement", () -> acknowledge(team, boss, value, click),
                reason -> click.note(NewsViews.failed(reason)));
        return ctx.ack();
    }

    private void acknowledge(String team, String boss, String value, Clicks.Click click) {
        OptionalLong id = Ids.parse(value);
        if (id.isEmpty()) {
            click.note(BossViews.notForYou());
            return;
        }
        NewsService.AckOutcome outcome;
        try {
            outcome = news.acknowledge(team, boss, id.getAsLong(), (item, manager) -> {
                String notice = BossViews.managerNotice(item);
                messenger.dm(team, manager, notice, List.of(section(s -> s.text(markdownText(notice)))));
            });
        } catch (SlackCallException e) {
            log.warn("thanks of {}/{} for news {} was not delivered: {}", team, boss, id.getAsLong(), e.error());
            news.findSharedWith(team, boss, id.getAsLong()).ifPresentOrElse(
                    item -> click.note(BossViews.notSent(item, e.error())),
                    () -> click.note(NewsViews.failed(e.error())));
            return;
        }
        if (outcome instanceof NewsService.AckOutcome.Acknowledged a) {
            log.info("news {} of {}/{} acknowledged by {}", a.item().id(), team, a.item().userId(), boss);
            click.replace(BossViews.thankedText(a.item()), BossViews.thanked(a.item()));
        } else if (outcome instanceof NewsService.AckOutcome.AlreadyAcknowledged a) {
            click.note(BossViews.alreadyThanked(a.item()));
        } else {
            click.note(BossViews.notForYou());
        }
    }
}
