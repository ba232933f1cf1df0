package com.bossreview.calendar;

import static com.bossreview.calendar.ProviderJson.array;
import static com.bossreview.calendar.ProviderJson.object;
import static com.bossreview.calendar.ProviderJson.string;

import com.bossreview.calendar.CalendarApi.Interval;
import com.bossreview.calendar.CalendarApi.Occurrence;
import com.bossreview.calendar.CalendarApi.Series;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Google Calendar's event resource (reference/events) read into {@link CalendarApi}'s values.
 * Deleted events "are only guaranteed to have the id field populated", and a cancelled exception of
 * a series adds little more than {@code recurringEventId} and {@code originalStartTime}.
 */
final class GoogleEvents {
    private GoogleEvents() {}

    static boolean weekly(JsonObject e) {
        for (JsonElement r : array(e, "recurrence")) {
            if (r.isJsonPrimitive()
                    && r.getAsString().startsWith("RRULE:")
                    && r.getAsString().contains("FREQ=WEEKLY")) {
                return true;
            }
        }
        return false;
    }

    static boolean hasAttendee(JsonObject e, String email) {
        for (JsonElement a : array(e, "attendees")) {
            if (a.isJsonObject() && email.equalsIgnoreCase(string(a.getAsJsonObject(), "email"))) {
                return true;
            }
        }
        return false;
    }

    /** A weekly event as a {@link Series}: its first start, read in its own zone. */
    static Optional<Series> series(JsonObject e) {
        Optional<ZonedDateTime> start = GoogleTimes.zoned(object(e, "start"));
        Optional<ZonedDateTime> end = GoogleTimes.zoned(object(e, "end"));
        String id = string(e, "id");
        if (id == null || start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime s = start.get();
        return Optional.of(
                new Series(
                        id,
                        GoogleTimes.byDay(array(e, "recurrence")).orElse(s.getDayOfWeek()),
                        s.toLocalTime(),
                        Duration.between(s.toInstant(), end.get().toInstant()),
                        s.getZone()));
    }

    /**
     * An item of the series as an {@link Occurrence}. A cancelled exception carries little more
     * than {@code originalStartTime}: its start and end are then that planned start.
     */
    static Optional<Occurrence> occurrence(JsonObject e) {
        Optional<Instant> start = GoogleTimes.instant(object(e, "start"));
        Optional<Instant> original =
                GoogleTimes.instant(object(e, "originalStartTime")).or(() -> start);
        String id = string(e, "id");
        if (id == null || original.isEmpty()) {
            return Optional.empty();
        }
        Instant s = start.orElse(original.get());
        return Optional.of(
                new Occurrence(
                        id,
                        original.get(),
                        s,
                        GoogleTimes.instant(object(e, "end")).orElse(s),
                        "cancelled".equals(string(e, "status"))));
    }

    static List<Interval> intervals(JsonArray busy) {
        List<Interval> out = new ArrayList<>();
        for (JsonElement b : busy) {
            if (b.isJsonObject()) {
                Optional<Instant> s = GoogleTimes.parse(string(b.getAsJsonObject(), "start"));
                Optional<Instant> e = GoogleTimes.parse(string(b.getAsJsonObject(), "end"));
                if (s.isPresent() && e.isPresent()) {
                    out.add(new Interval(s.get(), e.get()));
                }
            }
        }
        return out;
    }
}
