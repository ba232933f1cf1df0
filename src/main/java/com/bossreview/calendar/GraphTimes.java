package com.bossreview.calendar;

import com.google.gson.JsonObject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Microsoft Graph's times: {@code dateTimeTimeZone} objects ({@code {"dateTime":
 * "2019-03-15T12:00:00.0000000", "timeZone": "UTC"}}, UTC unless {@code Prefer: outlook.timezone}
 * said otherwise) and {@code DateTimeOffset} strings ({@code originalStart}). Zones come as IANA
 * names when the event was created with one, else as Windows names, which the JDK cannot read:
 * those fall back to UTC.
 */
final class GraphTimes {
    /** What every read asks for, so times come back in UTC. */
    static final String PREFER_UTC = "outlook.timezone=\"UTC\"";

    private static final DateTimeFormatter LOCAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private GraphTimes() {}

    static JsonObject utc(Instant t) {
        return local(LocalDateTime.ofInstant(t, ZoneOffset.UTC), "UTC");
    }

    static JsonObject local(LocalDateTime t, String zone) {
        JsonObject o = new JsonObject();
        o.addProperty("dateTime", t.format(LOCAL));
        o.addProperty("timeZone", zone);
        return o;
    }

    /** A {@code dateTimeTimeZone} as an instant. */
    static Optional<Instant> instant(JsonObject time) {
        Optional<String> dateTime = ProviderHttp.string(time, "dateTime");
        if (dateTime.isEmpty()) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(dateTime.get());
            ZoneId zone =
                    ProviderHttp.string(time, "timeZone")
                            .flatMap(GraphTimes::zone)
                            .orElse(ZoneOffset.UTC);
            return Optional.of(local.atZone(zone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A {@code DateTimeOffset} ({@code 2026-12-07T08:00:00Z}) as an instant. */
    static Optional<Instant> offset(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** An IANA zone, or UTC by its Graph names; empty for a Windows name. */
    static Optional<ZoneId> zone(String name) {
        if (name.equals("UTC") || name.equals("tzone://Microsoft/Utc")) {
            return Optional.of(ZoneOffset.UTC);
        }
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
