package com.bossreview.slack;

import java.time.Duration;
import java.util.Optional;

/**
 * A Web API call that did not succeed: Slack's error code ({@code channel_not_found}, {@code
 * ratelimited}, {@code http_500}, {@code unreachable}…) and, for a {@code 429}, how long Slack
 * asked us to wait.
 */
public class SlackCallException extends Exception {
    private final SlackError error;
    private final Duration retryAfter;

    public SlackCallException(String method, String error) {
        this(method, error, null, null);
    }

    public SlackCallException(String method, String error, Throwable cause) {
        this(method, error, null, cause);
    }

    public SlackCallException(String method, String error, Duration retryAfter, Throwable cause) {
        super(method + " failed: " + error, cause);
        this.error = new SlackError(error);
        this.retryAfter = retryAfter;
    }

    /** Slack's code, e.g. for the person's "not sent: channel_not_found". */
    public String error() {
        return error.code();
    }

    public SlackError slackError() {
        return error;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean rateLimited() {
        return error.kind() == SlackError.Kind.RATE_LIMITED;
    }

    /** Worth trying again later: Slack overloaded or unreachable, not a refusal of this request. */
    public boolean transientFailure() {
        return error.transientFailure();
    }

    /**
     * The call failed in a way that leaves open whether Slack acted on it: a retry may repeat it.
     */
    public boolean mayHaveReachedSlack() {
        return error.kind() == SlackError.Kind.MAY_HAVE_ACTED;
    }
}
