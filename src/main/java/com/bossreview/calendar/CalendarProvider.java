package com.bossreview.calendar;

import java.util.Locale;
import java.util.Optional;

/** The calendars a manager can connect. */
public enum CalendarProvider {
    GOOGLE("Google Calendar"),
    MICROSOFT("Microsoft 365");

    private final String label;

    CalendarProvider(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code google}, {@code microsoft}: as in URLs and stored rows. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CalendarProvider> byId(String id) {
        for (CalendarProvider p : values()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
