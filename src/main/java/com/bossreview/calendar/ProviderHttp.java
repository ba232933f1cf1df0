package com.bossreview.calendar;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** What the calendar providers' HTTP clients share: the client, and reading their answers. */
public final class ProviderHttp {
    /** A provider call taking longer than this is {@link CalendarException.Kind#UNAVAILABLE}. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The most a provider's {@code Retry-After} is honoured for; longer ones are cut to it. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(1);

    private ProviderHttp() {}

    /** One client for every provider call: timeouts, no redirects followed for POSTs' sake. */
    public static OkHttpClient client() {
        return client(TIMEOUT);
    }

    /** The client with another timeout: {@link com.bossreview.StartOptions#calendarTimeout}. */
    public static OkHttpClient client(Duration timeout) {
        return new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .callTimeout(timeout.multipliedBy(2))
                .followRedirects(false)
                .build();
    }

    /** {@code Retry-After} in seconds (the providers send seconds), within reason. */
    static Optional<Duration> retryAfter(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            long s = Long.parseLong(header.trim());
            if (s < 0) {
                return Optional.empty();
            }
            Duration d = Duration.ofSeconds(s);
            return Optional.of(d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The answer as a JSON object; an empty one when it is not one. */
    static JsonObject object(String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    static Optional<String> string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && !e.getAsString().isEmpty()
                ? Optional.of(e.getAsString())
                : Optional.empty();
    }

    /** An HTTP status the provider answered, as far as the caller's next step goes. */
    static CalendarException.Kind kindOf(int status) {
        return switch (status) {
            case 401 -> CalendarException.Kind.UNAUTHORIZED;
            case 404 -> CalendarException.Kind.NOT_FOUND;
            case 410 -> CalendarException.Kind.CURSOR_EXPIRED;
            case 429 -> CalendarException.Kind.RATE_LIMITED;
            default ->
                    status >= 500
                            ? CalendarException.Kind.UNAVAILABLE
                            : CalendarException.Kind.FAILED;
        };
    }
}
