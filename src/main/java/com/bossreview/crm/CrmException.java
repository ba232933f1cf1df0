package com.bossreview.crm;

import java.time.Duration;
import java.util.Optional;

/**
 * A CRM call that did not do its job, classified for the caller's next step: wait, refresh the
 * token, give up on the connection. The message names the provider and the step, never a token, a
 * URL (Salesforce's {@code nextRecordsUrl} is a query locator) or a record's data.
 */
public class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as far as the caller's next step goes. */
    public enum Kind {
        /**
         * Salesforce 403 {@code REQUEST_LIMIT_EXCEEDED} (the org's rolling 24-hour API allowance),
         * HubSpot 429 (burst, per-second search or daily limit): wait, {@link #retryAfter()} when
         * known.
         */
        RATE_LIMITED,
        /** 5xx, a timeout, a connection refused or lost: try again later. */
        UNAVAILABLE,
        /** 401 (Salesforce {@code INVALID_SESSION_ID}): refresh the access token, try once more. */
        UNAUTHORIZED,
        /**
         * {@code invalid_grant} (or HubSpot's bad refresh token) on refresh: the connection is
         * over.
         */
        REVOKED,
        /** 404: what was asked for is gone. */
        NOT_FOUND,
        /** Anything else: an answer we cannot use. */
        FAILED
    }

    private final Kind kind;
    private final transient Optional<Duration> retryAfter;

    public CrmException(Kind kind, String message, Optional<Duration> retryAfter) {
        super(message);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public CrmException(Kind kind, String message) {
        this(kind, message, Optional.empty());
    }

    public Kind kind() {
        return kind;
    }

    /** How long the provider asked us to wait, when it said (or its headers tell). */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
