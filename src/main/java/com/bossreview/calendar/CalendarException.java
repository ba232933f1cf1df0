package com.bossreview.calendar;

import java.time.Duration;
import java.util.Optional;

/**
 * A calendar provider's call that did not do its job, classified for the caller: retry later,
 * refresh the token, give up on the connection, or read again from scratch. The message never
 * carries a token.
 */
public class CalendarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller's next step goes. */
    public enum Kind {
        /** Google 403/429 {@code rateLimitExceeded}/{@code userRateLimitExceeded}, Graph 429. */
        RATE_LIMITED,
        /** 5xx, a timeout, a connection refused or lost: try again later. */
        UNAVAILABLE,
        /** 401: the access token expired or was refused; refresh it and try once more. */
        UNAUTHORIZED,
        /** {@code invalid_grant} on refresh: the user revoked consent; the connection is over. */
        REVOKED,
        /** Google 410 {@code fullSyncRequired}, Graph {@code syncStateNotFound}/410. */
        CURSOR_EXPIRED,
        /** 404: the series or occurrence is gone. */
        NOT_FOUND,
        /** Anything else: an answer we cannot use. */
        FAILED
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    public CalendarException(Kind kind, String message, Optional<Duration> retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public CalendarException(Kind kind, String message) {
        this(kind, message, Optional.empty());
    }

    public Kind kind() {
        return kind;
    }

    /** The provider's {@code Retry-After}, when it gave one. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
