package com.bossreview.news;

import com.bossreview.boss.BossDms;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackApi;
import com.slack.api.bolt.App;

/** Good news quickly, bad news immediately: the commands and buttons of the news habit. */
public final class NewsListeners implements Listeners {
    private final NewsService news;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final BossDms bossDms;
    private final SlackApi slack;
    private final Messenger messenger;
    private final Clicks clicks;
    private final Clicks.HomeTab home;
    private final AfterAck afterAck;

    public NewsListeners(
            NewsService news,
            ManagerService managers,
            ZoneRefresher zones,
            BossDms bossDms,
            SlackApi slack,
            Messenger messenger,
            Clicks clicks,
            Clicks.HomeTab home,
            AfterAck afterAck) {
        this.news = news;
        this.managers = managers;
        this.zones = zones;
        this.bossDms = bossDms;
        this.slack = slack;
        this.messenger = messenger;
        this.clicks = clicks;
        this.home = home;
        this.afterAck = afterAck;
    }

    @Override
    public void register(CommandRouter commands, App app) {
        commands.register(Subcommand.GOOD, new LogNewsCommand(NewsKind.GOOD, news, zones));
        commands.register(Subcommand.BAD, new LogNewsCommand(NewsKind.BAD, news, zones));
        commands.register(Subcommand.NEWS, new ListNewsCommand(news));
        ShareNewsAction share = new ShareNewsAction(news, managers, bossDms, clicks, afterAck);
        app.blockAction(NewsViews.SHARE_GOOD_NEWS, share);
        app.blockAction(NewsViews.SHARE_BAD_NEWS, share);
        app.blockAction(
                NewsViews.TOLD_BOSS, NewsChangeAction.toldBoss(news, managers, clicks, afterAck));
        app.blockAction(
                NewsViews.DISMISS_NEWS, NewsChangeAction.dismiss(news, managers, clicks, afterAck));
        app.blockAction(
                NewsViews.EDIT_NEWS,
                new OpenEditNewsAction(news, managers, slack, clicks, afterAck));
        app.viewSubmission(
                EditNewsViews.CALLBACK, new EditNewsSubmission(news, messenger, home, afterAck));
    }
}
