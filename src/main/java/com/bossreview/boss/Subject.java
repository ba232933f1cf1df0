package com.bossreview.boss;

import com.bossreview.slack.ButtonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing a manager sent their boss, as the boss's buttons name it: {@code news:123}, {@code
 * forecast:45}, {@code agenda:67}.
 */
public record Subject(Kind kind, long id) {
    /** What was sent; each kind is a row of its feature's table (news, forecast, agenda_sent). */
    public enum Kind {
        NEWS,
        FORECAST,
        AGENDA;

        String prefix() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern VALUE = Pattern.compile("(news|forecast|agenda):(.*)");

    public static Subject news(long id) {
        return new Subject(Kind.NEWS, id);
    }

    public static Subject forecast(long id) {
        return new Subject(Kind.FORECAST, id);
    }

    public static Subject agenda(long id) {
        return new Subject(Kind.AGENDA, id);
    }

    /** The button value: {@code <kind>:} and the row id as {@link ButtonValue} writes it. */
    public String value() {
        return kind.prefix() + ":" + ButtonValue.ofId(id);
    }

    /**
     * A button value; anything but {@code <kind>:<positive number>} ({@link ButtonValue#id}) is
     * refused.
     */
    public static Optional<Subject> parse(String value) {
        Matcher m = value == null ? null : VALUE.matcher(value);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        Kind kind = Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT));
        OptionalLong id = ButtonValue.id(m.group(2));
        return id.isPresent() ? Optional.of(new Subject(kind, id.getAsLong())) : Optional.empty();
    }

    /**
     * The value of {@code boss_ack_news} buttons in DMs sent before the three boss buttons: a bare
     * news id.
     */
    static Optional<Subject> parseLegacyNews(String value) {
        OptionalLong id = ButtonValue.id(value);
        return id.isPresent() ? Optional.of(news(id.getAsLong())) : Optional.empty();
    }
}
