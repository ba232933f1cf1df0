package com.bossreview.calendar;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One HTTP call to a calendar provider's API, read whole: what {@link GoogleCalendarApi} and {@link
 * GraphCalendarApi} share. A call that got no answer (refused, reset, timed out) is {@link
 * CalendarException.Kind#UNAVAILABLE}; what an answer means is the provider's to say. Messages name
 * the provider and the step, never the token or the URL (a Graph link carries state tokens).
 */
final class ProviderCall {
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    /** An answer: status, body as JSON (empty when it is not JSON), {@code Retry-After}. */
    record Reply(int status, JsonObject json, Optional<Duration> retryAfter) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private ProviderCall() {}

    static Reply execute(OkHttpClient http, Request request, CalendarProvider p, String what) {
        try (Response res = http.newCall(request).execute()) {
            String text = res.body() == null ? "" : res.body().string();
            return new Reply(
                    res.code(),
                    ProviderHttp.object(text),
                    ProviderHttp.retryAfter(res.header("Retry-After")));
        } catch (IOException e) {
            throw new CalendarException(
                    CalendarException.Kind.UNAVAILABLE,
                    p.label() + " " + what + " failed: " + e.getClass().getSimpleName());
        }
    }

    static RequestBody json(JsonObject body) {
        return RequestBody.create(body.toString(), JSON);
    }

    static String bearer(String accessToken) {
        return "Bearer " + accessToken;
    }

    /** Whether {@code o} was planned in [{@code from}, {@code to}): by its original start. */
    static boolean within(CalendarApi.Occurrence o, java.time.Instant from, java.time.Instant to) {
        return !o.originalStart().isBefore(from) && o.originalStart().isBefore(to);
    }

    /**
     * The first start of a weekly series at or after {@code now}: {@code first} itself, or the same
     * local time on a later week (the series' zone decides across DST changes).
     */
    static ZonedDateTime nextStart(ZonedDateTime first, java.time.Instant now) {
        if (!first.toInstant().isBefore(now)) {
            return first;
        }
        LocalDate day = first.toLocalDate();
        LocalTime time = first.toLocalTime();
        ZoneId zone = first.getZone();
        long weeks =
                java.time.temporal.ChronoUnit.WEEKS.between(day, now.atZone(zone).toLocalDate());
        ZonedDateTime next = ZonedDateTime.of(day.plusWeeks(Math.max(0, weeks)), time, zone);
        while (next.toInstant().isBefore(now)) {
            next = ZonedDateTime.of(next.toLocalDate().plusWeeks(1), time, zone);
        }
        return next;
    }
}
