package com.bossreview.time;

import java.time.LocalTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * How a person reads times: {@code 17:30}, or {@code 5:30 PM} where their Slack locale writes them
 * so (en-US).
 */
public enum ClockStyle {
    H24,
    H12;

    /** From a Slack locale such as {@code en-US} or {@code fr-FR}; 24-hour when unknown. */
    public static ClockStyle of(Optional<String> slackLocale) {
        return slackLocale
                .map(
                        tag -> {
                            Locale locale = Locale.forLanguageTag(tag);
                            if (locale.getLanguage().isEmpty()) {
                                return H24;
                            }
                            String pattern =
                                    DateTimeFormatterBuilder.getLocalizedDateTimePattern(
                                            null,
                                            FormatStyle.SHORT,
                                            IsoChronology.INSTANCE,
                                            locale);
                            return pattern.contains("h") || pattern.contains("K") ? H12 : H24;
                        })
                .orElse(H24);
    }

    public String format(LocalTime t) {
        if (this == H24) {
            return Times.format(t);
        }
        int h = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return h
                + (t.getMinute() == 0 ? "" : String.format(":%02d", t.getMinute()))
                + (t.getHour() < 12 ? " AM" : " PM");
    }
}
