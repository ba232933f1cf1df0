package com.bossreview.crm;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One HTTP call to a CRM, read whole: what {@link SalesforceApi}, {@link HubSpotApi} and {@link
 * CrmOAuth} share. A call that got no answer (refused, reset, timed out) is {@link
 * CrmException.Kind#UNAVAILABLE}; what an answer means is the provider's to say. Messages name the
 * provider and the step, never the token or the URL.
 */
final class CrmCall {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** The most a provider's wait is honoured for; longer ones are cut to it. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    /** An answer: status, body as JSON (JSON null when it is not JSON), the headers we read. */
    record Reply(int status, JsonElement json, okhttp3.Headers headers) {
        boolean ok() {
            return status / 100 == 2;
        }

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        /** {@code Retry-After} in seconds (what these providers send), within reason. */
        Optional<Duration> retryAfter() {
            return header("Retry-After").flatMap(CrmCall::seconds);
        }
    }

    private CrmCall() {}

    static Reply execute(OkHttpClient http, Request request, CrmProvider p, String what) {
        try (Response res = http.newCall(request).execute()) {
            String text = res.body() == null ? "" : res.body().string();
            return new Reply(res.code(), parse(text), res.headers());
        } catch (IOException e) {
            throw new CrmException(
                    CrmException.Kind.UNAVAILABLE,
                    p.label() + " " + what + " failed: " + e.getClass().getSimpleName());
        }
    }

    static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }

    /** A whole number of seconds, at most {@link #MAX_RETRY_AFTER}; empty when it is not one. */
    static Optional<Duration> seconds(String raw) {
        try {
            long s = Long.parseLong(raw.trim());
            return s < 0 ? Optional.empty() : Optional.of(capped(Duration.ofSeconds(s)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Duration capped(Duration d) {
        return d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d;
    }

    /** The status as far as the caller's next step goes, when the body says nothing more. */
    static CrmException.Kind kindOf(int status) {
        return switch (status) {
            case 401 -> CrmException.Kind.UNAUTHORIZED;
            case 404 -> CrmException.Kind.NOT_FOUND;
            case 429 -> CrmException.Kind.RATE_LIMITED;
            default -> status >= 500 ? CrmException.Kind.UNAVAILABLE : CrmException.Kind.FAILED;
        };
    }

    private static JsonElement parse(String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            return e == null ? com.google.gson.JsonNull.INSTANCE : e;
        } catch (RuntimeException e) {
            return com.google.gson.JsonNull.INSTANCE;
        }
    }
}
