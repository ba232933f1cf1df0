package com.bossreview.slack;

import java.time.Duration;
import java.util.Optional;

/**
 * A Web API call that did not succeed: Slack's error code ({@code channel_not_found},
 * {@code ratelimited}, {@code http_500}, {@code unreachable}…) and, for a {@code 429}, how long Slack
 * asked us to wait.
 */
public class SlackCallException extends Exception {
    private final String error;
    private final Duration retryAfter;

    public SlackCallException(String method, String error) {
        this(method, error, null, null);
    }

    public SlackCallException(String method, String error, Throwable cause) {
        this(method, error, null, cause);
    }

    public SlackCallException(String method, String error, Duration retryAfter, Throwable cause) {
        super(method + " failed: " + error, cause);
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public String error() {
        return error;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean rateLimited() {
        return "ratelimited".equals(error);
    }

    /** Worth trying again later: Slack overloaded or unreachable, not a refusal of this request. */
    public boolean transientFailure() {
        return rateLimited() || error.startsWith("http_5") || "unreachable".equals(error)
                || "internal_error".equals(error) || "fatal_error".equals(error) || "service_unavailable".equals(error)
                || "request_timeout".equals(error) || mayHaveReachedSlack();
    }

    /** The call failed in a way that leaves open whether Slack acted on it: a retry may repeat it. */
    public boolean mayHaveReachedSlack() {
        return SlackApi.TIMEOUT.equals(error) || SlackApi.CONNECTION_LOST.equals(error);
    }
}
