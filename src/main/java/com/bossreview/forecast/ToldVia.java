package com.bossreview.forecast;

/**
 * How the boss was told a figure: a DM of its own ({@code share_forecast}), or inside an agenda
 * they were sent.
 */
public enum ToldVia {
    DM,
    AGENDA
}
