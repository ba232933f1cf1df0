package com.bossreview.boss;

import java.util.List;

/**
 * The forecast feature's roll-up of what a boss was told, per fiscal quarter: for each quarter of
 * the forecasts named, each manager's last figure told to this boss for it, summed per currency.
 */
@FunctionalInterface
public interface QuarterRollups {
    /**
     * @param quarter e.g. {@code Q4 FY2026}
     * @param totals one per currency, e.g. {@code $400,000}
     * @param managerIds whose figures are in the totals
     */
    record Rollup(String quarter, List<String> totals, List<String> managerIds) {}

    /** The quarters of these forecasts (ids of forecasts sent to {@code boss}), oldest first. */
    List<Rollup> of(String team, String boss, List<Long> forecastIds);
}
