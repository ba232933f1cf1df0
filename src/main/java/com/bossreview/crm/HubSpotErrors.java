package com.bossreview.crm;

import static com.bossreview.crm.CrmJson.object;
import static com.bossreview.crm.CrmJson.string;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * HubSpot's refusals ({@code {"status":"error","message":…,"category":…}}; a 429 adds {@code
 * "errorType":"RATE_LIMIT"} and the {@code policyName} of the limit hit). How long to wait after a
 * 429, in the order HubSpot's "API usage guidelines" give the signals: {@code Retry-After}; the
 * daily limit spent ({@code X-HubSpot-RateLimit-Daily-Remaining: 0} or policy {@code DAILY}: it
 * resets at midnight in the account's time zone, which we do not know, so the longest wait we
 * honour); the burst window spent ({@code X-HubSpot-RateLimit-Remaining: 0}: one {@code
 * X-HubSpot-RateLimit-Interval-Milliseconds} window); the search API's own per-second limit, whose
 * answers carry none of these headers (policy {@code SECONDLY}: one second).
 */
final class HubSpotErrors {
    private HubSpotErrors() {}

    static CrmException of(CrmCall.Reply r, String what) {
        JsonObject body = object(r.json());
        Optional<String> policy = string(body, "policyName");
        Optional<String> category = string(body, "category");
        CrmException.Kind kind = CrmCall.kindOf(r.status());
        Optional<Duration> wait =
                kind == CrmException.Kind.RATE_LIMITED ? wait(r, policy) : r.retryAfter();
        return new CrmException(
                kind,
                CrmProvider.HUBSPOT.label()
                        + " "
                        + what
                        + " refused: HTTP "
                        + r.status()
                        + policy.or(() -> category).map(c -> " " + c).orElse(""),
                wait);
    }

    static Optional<Duration> wait(CrmCall.Reply r, Optional<String> policy) {
        Optional<Duration> retryAfter = r.retryAfter();
        if (retryAfter.isPresent()) {
            return retryAfter;
        }
        if (r.header("X-HubSpot-RateLimit-Daily-Remaining").filter("0"::equals).isPresent()
                || policy.filter("DAILY"::equals).isPresent()) {
            return Optional.of(CrmCall.MAX_RETRY_AFTER);
        }
        if (r.header("X-HubSpot-RateLimit-Remaining").filter("0"::equals).isPresent()) {
            Optional<Duration> window =
                    r.header("X-HubSpot-RateLimit-Interval-Milliseconds")
                            .flatMap(HubSpotErrors::millis);
            if (window.isPresent()) {
                return window;
            }
        }
        if (policy.filter("SECONDLY"::equals).isPresent()) {
            return Optional.of(Duration.ofSeconds(1));
        }
        return policy.filter("TEN_SECONDLY_ROLLING"::equals).map(p -> Duration.ofSeconds(10));
    }

    private static Optional<Duration> millis(String raw) {
        try {
            long ms = Long.parseLong(raw.trim());
            return ms < 0 ? Optional.empty() : Optional.of(CrmCall.capped(Duration.ofMillis(ms)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
