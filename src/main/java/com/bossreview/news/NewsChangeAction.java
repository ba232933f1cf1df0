package com.bossreview.news;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buttons that change the state of the clicker's own open news item, answered wherever the
 * click was:
 *
 * <ul>
 *   <li>{@code told_boss} ("I told them already"): told outside Slack. It counts as told now
 *       (latency included) and its reminders end; nothing is ever sent to the boss.
 *   <li>{@code dismiss_news}: logged by mistake. It leaves reminders, the card, the list and
 *       agendas (it stays in the export); news the boss was told stays on record and is not
 *       dismissed.
 * </ul>
 */
final class NewsChangeAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(NewsChangeAction.class);

    /** One state change on an item of {@code user}'s, with their boss if they set one. */
    @FunctionalInterface
    private interface Apply {
        NewsService.Change apply(
                NewsService news, String team, String user, long id, Optional<String> boss);
    }

    /** A refusal that says what already happened to the item, in the clicker's zone. */
    @FunctionalInterface
    private interface Refusal {
        String text(NewsItem item, ZoneId zone, Instant now);
    }

    /** The answer once done: the text, and the blocks that replace the clicked message. */
    private record Done(String text, List<LayoutBlock> blocks) {}

    @FunctionalInterface
    private interface DoneView {
        Done of(NewsItem item, ZoneId zone, Duration timeToTell);
    }

    private record Kind(
            String what, Apply apply, DoneView done, Refusal whenTold, Refusal whenDismissed) {}

    private static final Kind TOLD =
            new Kind(
                    "told outside Slack",
                    (news, team, user, id, boss) -> news.markToldOutside(team, user, id, boss),
                    (item, zone, took) ->
                            new Done(
                                    NewsViews.toldOutsideText(item, zone, took),
                                    NewsViews.toldOutside(item, zone, took)),
                    NewsViews::alreadyTold,
                    NewsViews::dismissedCannotBeTold);

    private static final Kind DISMISS =
            new Kind(
                    "dismissed",
                    (news, team, user, id, boss) -> news.dismiss(team, user, id),
                    (item, zone, took) ->
                            new Done(NewsViews.dismissedText(), NewsViews.dismissed(item)),
                    NewsViews::toldCannotBeDismissed,
                    NewsViews::alreadyDismissed);

    private final Kind kind;
    private final NewsService news;
    private final ManagerService managers;
    private final NewsAnswers answers;
    private final Clicks clicks;
    private final AfterAck afterAck;

    private NewsChangeAction(
            Kind kind,
            NewsService news,
            ManagerService managers,
            Clicks clicks,
            AfterAck afterAck) {
        this.kind = kind;
        this.news = news;
        this.managers = managers;
        this.answers = new NewsAnswers(news);
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    static NewsChangeAction toldBoss(
            NewsService news, ManagerService managers, Clicks clicks, AfterAck afterAck) {
        return new NewsChangeAction(TOLD, news, managers, clicks, afterAck);
    }

    static NewsChangeAction dismiss(
            NewsService news, ManagerService managers, Clicks clicks, AfterAck afterAck) {
        return new NewsChangeAction(DISMISS, news, managers, clicks, afterAck);
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        Clicks.Click click = clicks.of(request, ctx);
        String value = ButtonValue.clicked(request);
        boolean fromList = NewsAnswers.fromList(request);
        afterAck.run(
                "news " + kind.what(),
                () -> change(value, fromList, click),
                reason -> click.note(NewsViews.failed(reason)));
        return ctx.ack();
    }

    private void change(String value, boolean fromList, Clicks.Click click) {
        OptionalLong id = ButtonValue.id(value);
        if (id.isEmpty()) {
            click.note(NewsViews.notYours());
            return;
        }
        Optional<Manager> manager = managers.find(click.team(), click.user());
        ZoneId zone = manager.map(Manager::zone).orElse(ZoneOffset.UTC);
        NewsService.Change outcome =
                kind.apply()
                        .apply(
                                news,
                                click.team(),
                                click.user(),
                                id.getAsLong(),
                                manager.flatMap(Manager::bossUserId));
        if (outcome instanceof NewsService.Change.Done done) {
            NewsItem item = done.item();
            log.info("news {} of {}/{} {}", item.id(), click.team(), click.user(), kind.what());
            Done answer = kind.done().of(item, zone, news.timeToShare(item));
            answers.settled(click, fromList, answer.text(), answer.blocks());
        } else if (outcome instanceof NewsService.Change.AlreadyTold told) {
            click.note(kind.whenTold().text(told.item(), zone, news.now()));
        } else if (outcome instanceof NewsService.Change.AlreadyDismissed dismissed) {
            click.note(kind.whenDismissed().text(dismissed.item(), zone, news.now()));
        } else {
            click.note(NewsViews.notYours());
        }
    }
}
