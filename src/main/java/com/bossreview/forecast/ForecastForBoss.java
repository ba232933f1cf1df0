package com.bossreview.forecast;

import com.bossreview.boss.Sent;
import com.bossreview.boss.SentLookup;
import java.util.Optional;

/** A shared forecast as the boss it was shared with answers it ({@code forecast:<id>}). */
public final class ForecastForBoss implements SentLookup {
    private final ForecastService forecasts;

    public ForecastForBoss(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public Optional<Sent> sentTo(String team, String boss, long id) {
        return forecasts
                .findSharedWith(team, boss, id)
                .map(
                        f ->
                                new Sent(
                                        f.userId(),
                                        "your Q"
                                                + f.quarter()
                                                + " FY"
                                                + f.fiscalYear()
                                                + " forecast of "
                                                + ForecastViews.money(f)));
    }
}
