package com.bossreview;

import com.bossreview.account.AccountCommands;
import com.bossreview.account.ExportService;
import com.bossreview.agenda.AgendaCommands;
import com.bossreview.agenda.AgendaService;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Subcommand;
import com.bossreview.forecast.ForecastFeature;
import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.BossCommand;
import com.bossreview.news.NewsFeature;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewFeature;
import com.bossreview.review.ReviewService;
import com.bossreview.settings.SettingsCommands;
import com.bossreview.setup.SetupCommands;
import com.bossreview.status.StatusCommands;
import com.bossreview.status.StatusService;
import com.slack.api.bolt.App;

import java.util.function.Consumer;

/** Every feature's commands, buttons, modals and events, registered on the Bolt app. */
public final class Features implements Consumer<App> {
    private final Deps deps;

    public Features(Deps deps) {
        this.deps = deps;
    }

    @Override
    public void accept(App app) {
        CommandRouter router = new CommandRouter();
        var d = deps;
        ReviewFeature reviewFeature = new ReviewFeature(d);
        ReviewService reviews = reviewFeature.service();
        NewsFeature newsFeature = new NewsFeature(d);
        NewsService news = newsFeature.service();
        ForecastFeature forecastFeature = new ForecastFeature(d);
        ForecastService forecasts = forecastFeature.service();
        AgendaService agendas = new AgendaService(d.jdbi(), d.clock(), news, forecasts, reviews);

        router.register(Subcommand.BOSS, new BossCommand(d.managers(), d.zones(), d.users(), d.afterAck()));
        new SettingsCommands(d.managers(), d.zones(), d.clock()).register(router);
        new SetupCommands(d.managers(), d.zones(), d.users(), d.messenger(), d.slack(), d.afterAck()).register(router, app);
        new StatusCommands(new StatusService(d.clock(), reviews, news, forecasts), agendas, d.managers(), d.zones(),
                d.slack(), d.afterAck()).register(router, app);
        new AgendaCommands(agendas, d.managers(), d.zones(), d.messenger(), d.afterAck(), d.clock()).register(router, app);
        new AccountCommands(new ExportService(d.jdbi(), d.clock()), d.managers(), d.slack(), d.afterAck(), d.clock())
                .register(router, app);
        newsFeature.register(router, app);
        reviewFeature.register(router, app);
        forecastFeature.register(router, app);
        router.accept(app);
    }
}
