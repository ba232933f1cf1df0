package com.bossreview.time;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parsing and printing of the days, times, months and zones people type. */
public final class Times {
    private static final Pattern TIME = Pattern.compile("([01]?\\d|2[0-3])[:.h]?([0-5]\\d)");
    private static final Pattern TWELVE_HOUR =
            Pattern.compile(
                    "(1[0-2]|0?[1-9])(?:[:.]([0-5]\\d))?\\s*([ap])\\.?m\\.?",
                    Pattern.CASE_INSENSITIVE);

    private Times() {}

    /**
     * {@code 16:30}, {@code 9:05}, {@code 0930}, and the 12-hour forms {@code 5pm}, {@code 5:30pm},
     * {@code 5:30 PM}, {@code 12am} (midnight), {@code 12pm} (noon); throws with a readable message
     * otherwise.
     */
    public static LocalTime parseTime(String text) {
        String t = text.strip();
        Matcher m = TIME.matcher(t);
        if (m.matches()) {
            return LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        Matcher h12 = TWELVE_HOUR.matcher(t);
        if (h12.matches()) {
            int hour =
                    Integer.parseInt(h12.group(1)) % 12
                            + (h12.group(3).equalsIgnoreCase("p") ? 12 : 0);
            return LocalTime.of(hour, h12.group(2) == null ? 0 : Integer.parseInt(h12.group(2)));
        }
        throw new IllegalArgumentException("'" + t + "' is not a time like 17:30 or 5:30pm");
    }

    /** {@code pm}, {@code AM}, {@code p.m.}: the second word of {@code 5 pm}. */
    public static boolean isMeridiem(String word) {
        return word.toLowerCase(Locale.ROOT).matches("[ap]\\.?m\\.?");
    }

    /**
     * {@code mon}, {@code Monday}, {@code TUE}, {@code th}…: any unambiguous prefix of two letters
     * or more.
     */
    public static Optional<DayOfWeek> parseDay(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.length() < 2) {
            return Optional.empty();
        }
        List<DayOfWeek> matches =
                Arrays.stream(DayOfWeek.values())
                        .filter(
                                d ->
                                        d.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                                                .toLowerCase(Locale.ROOT)
                                                .startsWith(t))
                        .toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** {@code jan}, {@code April}, {@code 4}. */
    public static Optional<Month> parseMonth(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("\\d{1,2}")) {
            int n = Integer.parseInt(t);
            return n >= 1 && n <= 12 ? Optional.of(Month.of(n)) : Optional.empty();
        }
        if (t.length() < 3) {
            return Optional.empty();
        }
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT)
                    .startsWith(t)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /**
     * An IANA zone such as {@code Europe/Paris}; offsets like {@code +02:00} are refused (no DST).
     */
    public static Optional<ZoneId> parseZone(String text) {
        String t = text.strip();
        if (!t.contains("/") && !t.equals("UTC")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(t));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public static String format(LocalTime time) {
        return String.format("%02d:%02d", time.getHour(), time.getMinute());
    }

    public static String format(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    public static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }
}
