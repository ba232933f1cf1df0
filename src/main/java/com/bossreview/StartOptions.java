package com.bossreview;

import com.bossreview.calendar.ProviderHttp;
import java.time.Duration;

/**
 * How to start beyond the environment: production uses {@link #DEFAULT}; tests shorten the Slack
 * retry and drive the nudge dispatcher themselves with a settable clock.
 *
 * @param drainNotice how long close() keeps serving with {@code /readyz} at 503 before it stops
 *     accepting connections: the time a load balancer's probe needs to see it and stop sending
 *     traffic. (Once Jetty's graceful stop begins, new connections are refused and idle ones
 *     closed, so the 503 is only seen in this window.)
 * @param warmup how long and how hard the app warms itself up before {@code /readyz} says ready
 * @param calendarTimeout how long a calendar provider's API call may take before it counts as
 *     unavailable: tests shorten it to see a provider that hangs without waiting ten seconds
 */
public record StartOptions(
        Duration slackRetryDelay,
        boolean backgroundNudges,
        Duration drainNotice,
        Warmup.Plan warmup,
        Duration calendarTimeout) {
    public static final StartOptions DEFAULT =
            new StartOptions(
                    Duration.ofSeconds(5), true, Duration.ofSeconds(2), Warmup.Plan.PRODUCTION);

    public StartOptions(
            Duration slackRetryDelay,
            boolean backgroundNudges,
            Duration drainNotice,
            Warmup.Plan warmup) {
        this(slackRetryDelay, backgroundNudges, drainNotice, warmup, ProviderHttp.TIMEOUT);
    }

    /** No drain notice and a brief warm-up: tests that start and close the app do not wait. */
    public StartOptions(Duration slackRetryDelay, boolean backgroundNudges) {
        this(slackRetryDelay, backgroundNudges, Duration.ZERO);
    }

    public StartOptions(Duration slackRetryDelay, boolean backgroundNudges, Duration drainNotice) {
        this(slackRetryDelay, backgroundNudges, drainNotice, Warmup.Plan.BRIEF);
    }
}
