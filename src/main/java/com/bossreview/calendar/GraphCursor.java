package com.bossreview.calendar;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The cursor {@link GraphCalendarApi#changes} hands out: the {@code @odata.deltaLink} whole (event:
 * delta says to keep and replay the entire URL), with, as its fragment, the series' occurrences
 * seen so far ({@code id~epochSecond} of their planned start). Graph reports a deleted occurrence
 * as {@code {"id":…, "@removed":{"reason":"deleted"}}} only, and an occurrence outside the window
 * the same way, so without what was seen there is no telling whose occurrence went, nor which week.
 * A fragment is never sent over HTTP, so the link stays the link.
 */
record GraphCursor(String deltaLink, Map<String, Instant> seen) {
    static GraphCursor parse(String cursor) {
        int hash = cursor.indexOf('#');
        Map<String, Instant> seen = new LinkedHashMap<>();
        if (hash < 0) {
            return new GraphCursor(cursor, seen);
        }
        for (String entry : cursor.substring(hash + 1).split(",")) {
            int tilde = entry.lastIndexOf('~');
            if (tilde > 0) {
                try {
                    seen.put(
                            URLDecoder.decode(entry.substring(0, tilde), StandardCharsets.UTF_8),
                            Instant.ofEpochSecond(Long.parseLong(entry.substring(tilde + 1))));
                } catch (IllegalArgumentException e) {
                    // a damaged entry: that occurrence is forgotten, not the whole cursor
                }
            }
        }
        return new GraphCursor(cursor.substring(0, hash), seen);
    }

    String format() {
        if (seen.isEmpty()) {
            return deltaLink;
        }
        return deltaLink
                + "#"
                + seen.entrySet().stream()
                        .map(
                                e ->
                                        URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                                + "~"
                                                + e.getValue().getEpochSecond())
                        .collect(Collectors.joining(","));
    }
}
