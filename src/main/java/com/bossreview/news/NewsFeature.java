package com.bossreview.news;

import com.bossreview.Deps;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Subcommand;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.App;

/** Good news quickly, bad news immediately: the commands and buttons of the news habit. */
public final class NewsFeature {
    private final Deps deps;
    private final NewsService service;

    public NewsFeature(Deps deps) {
        this.deps = deps;
        this.service = new NewsService(deps.jdbi(), deps.clock(), deps.plans()::planForNews);
    }

    public NewsService service() {
        return service;
    }

    public void register(CommandRouter router, App app, Clicks clicks, Clicks.HomeTab home) {
        router.register(Subcommand.GOOD, new LogNewsCommand(NewsKind.GOOD, service, deps.zones()));
        router.register(Subcommand.BAD, new LogNewsCommand(NewsKind.BAD, service, deps.zones()));
        router.register(Subcommand.NEWS, new ListNewsCommand(service));
        ShareNewsAction share = new ShareNewsAction(service, deps.managers(), deps.bossDms(), clicks, deps.afterAck());
        app.blockAction(NewsViews.SHARE_GOOD_NEWS, share);
        app.blockAction(NewsViews.SHARE_BAD_NEWS, share);
        app.blockAction(NewsViews.TOLD_BOSS, NewsChangeAction.toldBoss(service, deps.managers(), clicks, deps.afterAck()));
        app.blockAction(NewsViews.DISMISS_NEWS, NewsChangeAction.dismiss(service, deps.managers(), clicks, deps.afterAck()));
        app.blockAction(NewsViews.EDIT_NEWS,
                new OpenEditNewsAction(service, deps.managers(), deps.slack(), clicks, deps.afterAck()));
        app.viewSubmission(EditNewsViews.CALLBACK,
                new EditNewsSubmission(service, deps.messenger(), home, deps.afterAck()));
    }
}
