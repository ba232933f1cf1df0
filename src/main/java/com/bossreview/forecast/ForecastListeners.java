package com.bossreview.forecast;

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

/** No last-minute forecast downgrades: the forecast command, its buttons and its modal. */
public final class ForecastListeners implements Listeners {
    private final ForecastService forecasts;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final BossDms bossDms;
    private final SlackApi slack;
    private final Messenger messenger;
    private final Clicks clicks;
    private final Clicks.HomeTab home;
    private final AfterAck afterAck;

    public ForecastListeners(
            ForecastService forecasts,
            ManagerService managers,
            ZoneRefresher zones,
            BossDms bossDms,
            SlackApi slack,
            Messenger messenger,
            Clicks clicks,
            Clicks.HomeTab home,
            AfterAck afterAck) {
        this.forecasts = forecasts;
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
        commands.register(Subcommand.FORECAST, new ForecastCommand(forecasts, zones));
        app.blockAction(
                ForecastViews.SHARE_FORECAST,
                new ShareForecastAction(forecasts, managers, bossDms, clicks, afterAck));
        app.blockAction(
                ForecastViews.OPEN_FORECAST_MODAL,
                new OpenForecastModalAction(forecasts, managers, slack, clicks, afterAck));
        app.viewSubmission(
                ForecastViews.MODAL_CALLBACK,
                new ForecastModalSubmission(forecasts, zones, messenger, home, afterAck));
    }
}
