package com.bossreview.calendar;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Google Calendar's times: RFC 3339 {@code dateTime} strings with an offset, and an event's {@code
 * start}/{@code end} objects whose {@code timeZone} (an IANA name) says how the event recurs.
 */
final class GoogleTimes {
    private static final String[] DAYS = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private GoogleTimes() {}

    static Optional<Instant> parse(String rfc3339) {
        if (rfc3339 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(rfc3339).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code {"dateTime": …}} as an instant; all-day ({@code date}) times have none. */
    static Optional<Instant> instant(JsonObject time) {
        return parse(ProviderHttp.string(time, "dateTime").orElse(null));
    }

    /** {@code {"dateTime": …, "timeZone": …}} in its zone (the offset's when it has none). */
    static Optional<ZonedDateTime> zoned(JsonObject time) {
        Optional<String> dateTime = ProviderHttp.string(time, "dateTime");
        if (dateTime.isEmpty()) {
            return Optional.empty();
        }
        try {
            OffsetDateTime t = OffsetDateTime.parse(dateTime.get());
            ZoneId zone =
                    ProviderHttp.string(time, "timeZone")
                            .flatMap(GoogleTimes::zone)
                            .orElse(t.getOffset());
            return Optional.of(t.atZoneSameInstant(zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The day of a {@code RRULE:FREQ=WEEKLY;BYDAY=MO} rule when it names exactly one. */
    static Optional<DayOfWeek> byDay(JsonArray recurrence) {
        for (JsonElement r : recurrence) {
            if (!r.isJsonPrimitive()) {
                continue;
            }
            for (String part : r.getAsString().replace("RRULE:", "").split(";")) {
                if (part.startsWith("BYDAY=") && part.length() == "BYDAY=MO".length()) {
                    String d = part.substring("BYDAY=".length());
                    for (int i = 0; i < DAYS.length; i++) {
                        if (DAYS[i].equals(d)) {
                            return Optional.of(DayOfWeek.of(i + 1));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }
}
