package com.bossreview.forecast;

import com.bossreview.Deps;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Subcommand;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.App;

/** The forecast feature's command, buttons and modal. */
public final class ForecastFeature {
    private final Deps deps;
    private final ForecastService forecasts;

    public ForecastFeature(Deps deps) {
        this.deps = deps;
        this.forecasts = new ForecastService(deps.jdbi(), deps.clock(), deps.plans()::planForForecast);
    }

    public ForecastService service() {
        return forecasts;
    }

    public void register(CommandRouter router, App app, Clicks clicks, Clicks.HomeTab home) {
        router.register(Subcommand.FORECAST, new ForecastCommand(forecasts, deps.zones()));
        app.blockAction(ForecastViews.SHARE_FORECAST,
                new ShareForecastAction(forecasts, deps.managers(), deps.bossDms(), clicks, deps.afterAck()));
        app.blockAction(ForecastViews.OPEN_FORECAST_MODAL,
                new OpenForecastModalAction(forecasts, deps.managers(), deps.slack(), clicks, deps.afterAck()));
        app.viewSubmission(ForecastViews.MODAL_CALLBACK,
                new ForecastModalSubmission(forecasts, deps.zones(), deps.messenger(), home, deps.afterAck()));
    }
}
