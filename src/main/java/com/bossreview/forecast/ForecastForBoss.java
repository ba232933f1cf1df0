package com.bossreview.forecast;

import com.bossreview.boss.QuarterRollups;
import com.bossreview.boss.Sent;
import com.bossreview.boss.SentItem;
import com.bossreview.boss.SentLookup;
import com.bossreview.boss.SentSource;
import com.bossreview.boss.Subject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A shared forecast as the boss it was shared with answers it ({@code forecast:<id>}), lists it and
 * sees it rolled up with the other managers' figures of its quarter.
 */
public final class ForecastForBoss implements SentLookup, SentSource, QuarterRollups {
    private final ForecastService forecasts;

    public ForecastForBoss(ForecastService forecasts) {
        this.forecasts = forecasts;
    }

    @Override
    public Optional<Sent> sentTo(String team, String boss, long id) {
        return forecasts
                .findSharedWith(team, boss, id)
                .map(f -> new Sent(f.userId(), "your " + label(f) + " forecast of " + money(f)));
    }

    @Override
    public List<SentItem> sentTo(
            String team, String boss, Instant since, Instant until, int limit) {
        return forecasts.sentTo(team, boss, since, until, limit).stream()
                .map(
                        f ->
                                new SentItem(
                                        Subject.forecast(f.id()),
                                        f.userId(),
                                        f.sharedAt().orElseThrow(),
                                        ":chart_with_upwards_trend: "
                                                + label(f)
                                                + " forecast: *"
                                                + money(f)
                                                + "*",
                                        false))
                .toList();
    }

    /**
     * Each quarter's figures summed per currency (a figure never given a currency is its own total,
     * shown without a symbol: nothing is converted), with the managers whose figures they are.
     */
    @Override
    public List<Rollup> of(String team, String boss, List<Long> forecastIds) {
        List<Rollup> rollups = new ArrayList<>();
        for (Map.Entry<String, List<Forecast>> q :
                forecasts.lastToldPerQuarter(team, boss, forecastIds).entrySet()) {
            Map<String, BigDecimal> sums = new TreeMap<>();
            List<String> managers = new ArrayList<>();
            for (Forecast f : q.getValue()) {
                sums.merge(f.currency().map(Enum::name).orElse(""), f.amount(), BigDecimal::add);
                managers.add(f.userId());
            }
            List<String> totals = new ArrayList<>();
            sums.forEach(
                    (currency, sum) ->
                            totals.add(
                                    ForecastViews.money(
                                            sum,
                                            currency.isEmpty()
                                                    ? Optional.empty()
                                                    : Optional.of(Currency.valueOf(currency)))));
            rollups.add(new Rollup(q.getKey(), totals, managers));
        }
        return rollups;
    }

    private static String label(Forecast f) {
        return "Q" + f.quarter() + " FY" + f.fiscalYear();
    }

    private static String money(Forecast f) {
        return ForecastViews.money(f);
    }
}
