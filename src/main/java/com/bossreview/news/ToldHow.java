package com.bossreview.news;

/**
 * How the boss was told a piece of news: every way counts, only {@link #DM} is sent by bossreview
 * itself.
 */
public enum ToldHow {
    /** The manager clicked Share / Tell boss now: bossreview DMed the boss. */
    DM,
    /** It was in an agenda the manager sent to the boss. */
    AGENDA,
    /** The manager told the boss outside Slack (phone, in person) and said so: nothing was sent. */
    OUTSIDE
}
