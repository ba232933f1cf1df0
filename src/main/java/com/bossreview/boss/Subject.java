package com.bossreview.boss;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One thing a manager sent their boss, as the boss's buttons name it: {@code news:123}, {@code forecast:45}, {@code agenda:67}. */
public record Subject(Kind kind, long id) {
    /** What was sent; each kind is a row of its feature's table (news, forecast, agenda_sent). */
    public enum Kind {
        NEWS, FORECAST, AGENDA;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern VALUE = Pattern.compile("(news|forecast|agenda):([0-9]{1,18})");
    private static final Pattern PLAIN_ID = Pattern.compile("[0-9]{1,18}");

    public static Subject news(long id) {
        return new Subject(Kind.NEWS, id);
    }

    public static Subject forecast(long id) {
        return new Subject(Kind.FORECAST, id);
    }

    public static Subject agenda(long id) {
        return new Subject(Kind.AGENDA, id);
    }

    /** The button value. */
    public String value() {
        return kind.prefix() + ":" + id;
    }

    /** A button value; anything but {@code <kind>:<positive number>} is refused. */
    public static Optional<Subject> parse(String value) {
        Matcher m = value == null ? null : VALUE.matcher(value);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(m.group(2));
        return id > 0 ? Optional.of(new Subject(Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT)), id)) : Optional.empty();
    }

    /** The value of {@code boss_ack_news} buttons in DMs sent before the three boss buttons: a bare news id. */
    static Optional<Subject> parseLegacyNews(String value) {
        if (value == null || !PLAIN_ID.matcher(value).matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? Optional.of(news(id)) : Optional.empty();
    }
}
