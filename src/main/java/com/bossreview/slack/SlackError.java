package com.bossreview.slack;

import java.util.Set;

/**
 * Slack's error code of a failed Web API call (or one of ours for a call that never got an answer),
 * and the one place that says what each code means for bossreview: {@link #kind()}.
 */
public record SlackError(String code) {
    /** What to do about a failed call. */
    public enum Kind {
        /** 429: wait {@code Retry-After}, then again. */
        RATE_LIMITED,
        /** Slack overloaded or unreachable, nothing acted on: worth trying again later. */
        TRANSIENT,
        /**
         * No answer in time, or the connection broke after the request left: Slack may have acted,
         * a retry may repeat it.
         */
        MAY_HAVE_ACTED,
        /**
         * The workspace's token is rejected, or this instance cannot open it (a key rotation
         * rolling out): pause the workspace.
         */
        TOKEN,
        /** This person can no longer get our DMs (deactivated, gone, restricted): stop theirs. */
        USER_GONE,
        /** bossreview has no token for the workspace: uninstalled, or never installed. */
        NOT_INSTALLED,
        /**
         * Slack refused this request for a reason of its own (a bad argument, a missing scope):
         * trying again changes nothing.
         */
        REFUSED
    }

    /** The workspace is not installed (or was uninstalled). */
    public static final String NOT_INSTALLED = "not_installed";

    /**
     * The workspace is installed but this instance cannot open its token (a key rotation rolling
     * out).
     */
    public static final String TOKEN_UNAVAILABLE = "token_unavailable";

    /** No connection to Slack at all: nothing was sent. */
    public static final String UNREACHABLE = "unreachable";

    /** Slack did not answer in time: it may have acted on the call. */
    public static final String TIMEOUT = "timeout";

    /**
     * The connection broke after the request had started to go out: Slack may have acted on it. The
     * HTTP client does not re-send it by itself (it would, on a pooled connection, and nobody would
     * count the duplicate).
     */
    public static final String CONNECTION_LOST = "connection_lost";

    public static final String RATE_LIMITED = "ratelimited";

    private static final Set<String> TRANSIENT =
            Set.of(
                    UNREACHABLE,
                    "internal_error",
                    "fatal_error",
                    "service_unavailable",
                    "request_timeout");
    private static final Set<String> TOKEN =
            Set.of(
                    "invalid_auth",
                    "not_authed",
                    "token_revoked",
                    "token_expired",
                    TOKEN_UNAVAILABLE);
    private static final Set<String> USER_GONE =
            Set.of(
                    "user_not_found",
                    "account_inactive",
                    "user_disabled",
                    "cannot_dm_bot",
                    "channel_not_found",
                    "is_archived",
                    "user_is_restricted");

    public SlackError {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a Slack error needs a code");
        }
    }

    public Kind kind() {
        if (RATE_LIMITED.equals(code)) {
            return Kind.RATE_LIMITED;
        }
        if (TIMEOUT.equals(code) || CONNECTION_LOST.equals(code)) {
            return Kind.MAY_HAVE_ACTED;
        }
        if (TRANSIENT.contains(code) || code.startsWith("http_5")) {
            return Kind.TRANSIENT;
        }
        if (TOKEN.contains(code)) {
            return Kind.TOKEN;
        }
        if (USER_GONE.contains(code)) {
            return Kind.USER_GONE;
        }
        return NOT_INSTALLED.equals(code) ? Kind.NOT_INSTALLED : Kind.REFUSED;
    }

    /** Worth trying again later: rate limited, overloaded, unreachable, or unanswered. */
    public boolean transientFailure() {
        Kind k = kind();
        return k == Kind.RATE_LIMITED || k == Kind.TRANSIENT || k == Kind.MAY_HAVE_ACTED;
    }
}
