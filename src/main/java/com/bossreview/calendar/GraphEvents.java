package com.bossreview.calendar;

import static com.bossreview.calendar.ProviderJson.array;
import static com.bossreview.calendar.ProviderJson.isTrue;
import static com.bossreview.calendar.ProviderJson.object;
import static com.bossreview.calendar.ProviderJson.string;

import com.bossreview.calendar.CalendarApi.Interval;
import com.bossreview.calendar.CalendarApi.Occurrence;
import com.bossreview.calendar.CalendarApi.Series;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Graph's event resource (resources/event) read into {@link CalendarApi}'s values: {@code type}
 * seriesMaster / occurrence / exception, {@code seriesMasterId}, {@code originalStart} (a
 * DateTimeOffset), {@code recurrence.pattern}, {@code attendees[].emailAddress.address}.
 */
final class GraphEvents {
    private GraphEvents() {}

    static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    static boolean hasAttendee(JsonObject e, String email) {
        for (JsonElement a : array(e, "attendees")) {
            if (a.isJsonObject()
                    && email.equalsIgnoreCase(
                            string(object(a.getAsJsonObject(), "emailAddress"), "address"))) {
                return true;
            }
        }
        return false;
    }

    static Optional<Interval> interval(JsonObject o) {
        Optional<Instant> s = GraphTimes.instant(object(o, "start"));
        Optional<Instant> e = GraphTimes.instant(object(o, "end"));
        return s.isPresent() && e.isPresent()
                ? Optional.of(new Interval(s.get(), e.get()))
                : Optional.empty();
    }

    static ZonedDateTime first(JsonObject e, Series s) {
        return GraphTimes.instant(object(e, "start")).orElseThrow().atZone(s.zone());
    }

    /**
     * A series master as a {@link Series}, in {@code zone} when known, else the zone it was created
     * in ({@code originalStartTimeZone}, the recurrence's {@code recurrenceTimeZone}).
     */
    static Optional<Series> series(JsonObject e, Optional<ZoneId> zone) {
        String id = string(e, "id");
        Optional<Instant> start = GraphTimes.instant(object(e, "start"));
        Optional<Instant> end = GraphTimes.instant(object(e, "end"));
        if (id == null || start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        JsonObject recurrence = object(e, "recurrence");
        ZoneId z =
                zone.or(
                                () ->
                                        Optional.ofNullable(string(e, "originalStartTimeZone"))
                                                .flatMap(GraphTimes::zone))
                        .or(
                                () ->
                                        Optional.ofNullable(
                                                        string(
                                                                object(recurrence, "range"),
                                                                "recurrenceTimeZone"))
                                                .flatMap(GraphTimes::zone))
                        .orElse(ZoneOffset.UTC);
        ZonedDateTime local = start.get().atZone(z);
        DayOfWeek day = local.getDayOfWeek();
        JsonArray days = array(object(recurrence, "pattern"), "daysOfWeek");
        if (days.size() == 1 && days.get(0).isJsonPrimitive()) {
            try {
                day = DayOfWeek.valueOf(days.get(0).getAsString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ignored) {
                // keep the start's day
            }
        }
        return Optional.of(
                new Series(
                        id, day, local.toLocalTime(), Duration.between(start.get(), end.get()), z));
    }

    /** An occurrence or exception as an {@link Occurrence}; {@code planned} when known already. */
    static Optional<Occurrence> occurrence(JsonObject e, Optional<Instant> planned) {
        Optional<Instant> start = GraphTimes.instant(object(e, "start"));
        Optional<Instant> original =
                GraphTimes.offset(string(e, "originalStart")).or(() -> planned).or(() -> start);
        if (original.isEmpty()) {
            return Optional.empty();
        }
        Instant s = start.orElse(original.get());
        return Optional.of(
                new Occurrence(
                        string(e, "id"),
                        original.get(),
                        s,
                        GraphTimes.instant(object(e, "end")).orElse(s),
                        isTrue(e, "isCancelled")));
    }
}
