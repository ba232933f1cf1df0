package com.bossreview.news;

import com.bossreview.boss.BossDms;
import com.bossreview.boss.ShareWithBoss;
import com.bossreview.boss.Subject;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code share_good_news} / {@code share_bad_news}: the manager's click sends their news to their
 * boss as a DM.
 */
public final class ShareNewsAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(ShareNewsAction.class);

    private final NewsService news;
    private final ManagerService managers;
    private final ShareWithBoss shareWithBoss;
    private final NewsAnswers answers;
    private final Clicks clicks;
    private final AfterAck afterAck;

    public ShareNewsAction(
            NewsService news,
            ManagerService managers,
            BossDms bossDms,
            Clicks clicks,
            AfterAck afterAck) {
        this.news = news;
        this.managers = managers;
        this.shareWithBoss = new ShareWithBoss(bossDms);
        this.answers = new NewsAnswers(news);
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        Clicks.Click click = clicks.of(request, ctx);
        String team = click.team();
        String me = click.user();
        String value = ButtonValue.clicked(request);
        boolean fromList = NewsAnswers.fromList(request);
        afterAck.run(
                "news share",
                () -> share(team, me, value, fromList, click),
                reason -> click.note(NewsViews.failed(reason)));
        return ctx.ack();
    }

    private void share(String team, String me, String value, boolean fromList, Clicks.Click click) {
        OptionalLong id = ButtonValue.id(value);
        if (id.isEmpty()) {
            click.note(NewsViews.notYours());
            return;
        }
        Optional<Manager> manager = managers.find(team, me);
        ZoneId zone = manager.map(Manager::zone).orElse(ZoneOffset.UTC);
        Optional<NewsService.ShareOutcome> shared =
                shareWithBoss.share(
                        click,
                        manager,
                        "news " + id.getAsLong(),
                        dm ->
                                news.share(
                                        team,
                                        me,
                                        id.getAsLong(),
                                        manager.flatMap(Manager::bossUserId),
                                        (item, boss) ->
                                                dm.send(
                                                        boss,
                                                        Subject.news(item.id()),
                                                        BossViews.dmText(item),
                                                        BossViews.dm(item))),
                        NewsViews::notSent);
        if (shared.isEmpty()) {
            return;
        }
        NewsService.ShareOutcome outcome = shared.get();
        if (outcome instanceof NewsService.ShareOutcome.Shared s) {
            log.info(
                    "news {} of {}/{} shared with {}",
                    s.item().id(),
                    team,
                    me,
                    s.item().sharedWith().orElse("-"));
            var took = news.timeToShare(s.item());
            answers.settled(
                    click,
                    fromList,
                    NewsViews.sharedText(s.item(), zone, took),
                    NewsViews.shared(s.item(), zone, took));
        } else if (outcome instanceof NewsService.ShareOutcome.AlreadyShared a) {
            click.note(NewsViews.alreadyShared(a.item(), zone, news.now()));
        } else if (outcome instanceof NewsService.ShareOutcome.Dismissed d) {
            click.note(NewsViews.dismissedNotSent(d.item(), zone, news.now()));
        } else if (outcome instanceof NewsService.ShareOutcome.NoBoss) {
            click.note(NewsViews.noBoss());
        } else {
            click.note(NewsViews.notYours());
        }
    }
}
