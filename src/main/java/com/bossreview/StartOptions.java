package com.bossreview;

import java.time.Duration;

/**
 * How to start beyond the environment: production uses {@link #DEFAULT}; tests shorten the Slack
 * retry and drive the nudge dispatcher themselves with a settable clock.
 */
public record StartOptions(Duration slackRetryDelay, boolean backgroundNudges) {
    public static final StartOptions DEFAULT = new StartOptions(Duration.ofSeconds(5), true);
}
