package com.bossreview;

import com.bossreview.account.AccountCommands;
import com.bossreview.account.ExportService;
import com.bossreview.agenda.AgendaCommands;
import com.bossreview.agenda.AgendaForBoss;
import com.bossreview.agenda.AgendaService;
import com.bossreview.boss.BossGuard;
import com.bossreview.boss.BossReplies;
import com.bossreview.boss.BossReplyActions;
import com.bossreview.boss.Subject;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Subcommand;
import com.bossreview.forecast.ForecastFeature;
import com.bossreview.forecast.ForecastForBoss;
import com.bossreview.manager.BossCommand;
import com.bossreview.news.NewsFeature;
import com.bossreview.news.NewsForBoss;
import com.bossreview.nudge.MaterializeJob;
import com.bossreview.nudge.Nudges;
import com.bossreview.nudge.SnoozeAction;
import com.bossreview.review.ReviewFeature;
import com.bossreview.scheduling.InjectingJobFactory;
import com.bossreview.settings.SettingsCommands;
import com.bossreview.setup.SetupCommands;
import com.bossreview.status.StatusCommands;
import com.bossreview.status.HomePage;
import com.bossreview.status.StatusService;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.App;
import org.quartz.Job;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Every feature's services, and their commands, buttons, modals and events registered on the Bolt app. */
public final class Features implements Consumer<App> {
    private final Deps deps;
    private final ReviewFeature reviews;
    private final NewsFeature news;
    private final ForecastFeature forecasts;
    private final AgendaService agendas;
    private final BossReplies bossReplies;
    private final Nudges nudges;
    private final HomePage home;
    private final Clicks clicks;

    public Features(Deps deps) {
        this.deps = deps;
        this.reviews = new ReviewFeature(deps);
        this.news = new NewsFeature(deps);
        this.forecasts = new ForecastFeature(deps);
        this.agendas = new AgendaService(deps.jdbi(), deps.clock(), news.service(), forecasts.service(), reviews.service());
        this.bossReplies = new BossReplies(deps.jdbi(), deps.clock(), Map.of(
                Subject.Kind.NEWS, new NewsForBoss(news.service()),
                Subject.Kind.FORECAST, new ForecastForBoss(forecasts.service()),
                Subject.Kind.AGENDA, new AgendaForBoss(agendas)));
        this.nudges = new Nudges(deps.jdbi(), deps.clock(), deps.nudgeMetrics(), deps.plans(), deps.managers(),
                deps.messenger(), news.service(), forecasts.service(), agendas, 16);
        this.home = new HomePage(new StatusService(deps.jdbi(), deps.clock()), agendas, deps.managers(), deps.zones(),
                deps.slack());
        this.clicks = new Clicks(home, deps.messenger());
    }

    public Nudges nudges() {
        return nudges;
    }

    /** The Quartz jobs, built with their services. */
    public InjectingJobFactory jobFactory(Map<Class<? extends Job>, Supplier<? extends Job>> more) {
        Map<Class<? extends Job>, Supplier<? extends Job>> jobs = new java.util.HashMap<>(more);
        jobs.put(MaterializeJob.class, () -> new MaterializeJob(nudges.materializer()));
        return new InjectingJobFactory(jobs);
    }

    @Override
    public void accept(App app) {
        var d = deps;
        CommandRouter router = new CommandRouter();
        router.register(Subcommand.BOSS, new BossCommand(d.managers(), d.zones(), d.users(), d.afterAck()));
        new SettingsCommands(d.managers(), d.zones(), d.clock()).register(router);
        new SetupCommands(d.managers(), d.zones(), d.users(), d.messenger(), d.slack(), d.afterAck(), clicks, home)
                .register(router, app);
        new StatusCommands(home, d.afterAck()).register(router, app);
        new AgendaCommands(agendas, d.managers(), d.zones(), d.bossDms(), d.afterAck(), d.clock(), clicks)
                .register(router, app);
        new AccountCommands(new ExportService(d.jdbi(), d.clock()), d.managers(), d.slack(), d.afterAck(), d.clock())
                .register(router, app);
        reviews.register(router, app, clicks);
        news.register(router, app, clicks, home);
        forecasts.register(router, app, clicks, home);
        new BossReplyActions(bossReplies, new BossGuard(d.jdbi()), d.clock(), d.messenger(), d.slack(), clicks,
                d.afterAck()).register(app);
        app.blockAction(SnoozeAction.SNOOZE, new SnoozeAction(d.jdbi(), d.clock(), d.afterAck(), clicks));
        router.accept(app);
    }
}
