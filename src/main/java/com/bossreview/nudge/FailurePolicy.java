package com.bossreview.nudge;

import com.bossreview.slack.SlackError;
import java.time.Duration;
import java.util.Optional;

/**
 * What to do about a nudge Slack did not take: a pure function of Slack's answer, the row's
 * attempts and how its workspace has fared, so that every branch is tested on its own.
 */
public final class FailurePolicy {
    /**
     * Transient failures (5xx, timeouts, Slack unreachable) are retried after 1 s, 2 s, 4 s… capped
     * at {@link #MAX_BACKOFF}: 30 attempts cover about two hours of Slack trouble.
     */
    public static final int MAX_ATTEMPTS = 30;

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    /** A rejected token (rotation, reinstall, a key rotation rolling out): the workspace waits. */
    static final Duration TOKEN_PAUSE = Duration.ofMinutes(5);

    /** A 429 without a usable {@code Retry-After}. */
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private FailurePolicy() {}

    /** The outcome of one failed send. */
    public sealed interface Decision {
        /**
         * Slack asked the workspace to slow down: this row is due again after {@code retryAfter},
         * to the second, and every instance's pace for the workspace waits as long.
         */
        record RateLimited(Duration retryAfter) implements Decision {}

        /** The workspace's token does not work: its nudges wait {@code pause} on this instance. */
        record PauseWorkspace(Duration pause, String why) implements Decision {}

        /** Try this row again after {@code after}; {@code maybeSent} when Slack may have acted. */
        record Retry(Duration after, boolean maybeSent) implements Decision {}

        /** The person can no longer get DMs: fail this row and stop their nudges. */
        record StopManager() implements Decision {}

        /** Slack refused this request for good, or it failed too often. */
        record Fail() implements Decision {}
    }

    /**
     * @param attempts the row's attempts, this one included
     * @param workspaceStreak transient failures in a row in the workspace, this one included
     * @param jitter a number in [0, 1): spreads retries of rows that failed together
     */
    public static Decision decide(
            SlackError error,
            Optional<Duration> retryAfter,
            int attempts,
            int workspaceStreak,
            double jitter) {
        return switch (error.kind()) {
            case RATE_LIMITED -> new Decision.RateLimited(retryAfter.orElse(DEFAULT_RETRY_AFTER));
            case TOKEN -> new Decision.PauseWorkspace(TOKEN_PAUSE, error.code());
            case TRANSIENT, MAY_HAVE_ACTED ->
                    attempts < MAX_ATTEMPTS
                            // Backs off as the workspace keeps failing, not as this row does: when
                            // Slack answers the workspace's other calls, a row that drew an odd 500
                            // is retried within seconds; in an outage the waits grow to the cap.
                            ? new Decision.Retry(
                                    backoff(Math.min(workspaceStreak, attempts), jitter),
                                    error.kind() == SlackError.Kind.MAY_HAVE_ACTED)
                            : new Decision.Fail();
            case USER_GONE -> new Decision.StopManager();
            case NOT_INSTALLED, REFUSED -> new Decision.Fail();
        };
    }

    /**
     * 1 s, 2 s, 4 s… after the first, second, third failure, capped at {@link #MAX_BACKOFF}, less
     * up to 20 % ({@code jitter}) so that rows an outage failed together do not all come back in
     * the same second.
     */
    static Duration backoff(int failures, double jitter) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        long millis = Math.min(FIRST_RETRY.toMillis() << doublings, MAX_BACKOFF.toMillis());
        return Duration.ofMillis((long) (millis * (0.8 + 0.2 * jitter)));
    }
}
