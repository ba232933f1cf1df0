package com.bossreview.nudge;

import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * What an occurrence of a nudge is for: with the team, the manager and the kind, it is the
 * occurrence's unique key in {@code nudge.period}. This type is the one codec of that text: {@link
 * #key()} writes it and {@link #parse} reads it; nothing else splits or builds it (SQL binds what
 * these give).
 *
 * <ul>
 *   <li>{@link Week} {@code 2026-W48}: the weekly review's nudges of that ISO week;
 *   <li>{@link Countdown} {@code FY2026-Q1-21d}: the forecast nudge 21 days before the fiscal
 *       quarter ends;
 *   <li>{@link Reminder} {@code news-12-2}, {@code forecast-5-1}: the n-th reminder of a chain
 *       about one row;
 *   <li>{@link Once} {@code news-12}: the one reminder about a row (good news);
 *   <li>{@link Month} {@code 2026-11}: a monthly nudge of that calendar month (recap, pulse);
 *   <li>{@link Snoozed} {@code <base>~<minute>}: the same occurrence again, after a snooze.
 * </ul>
 */
public sealed interface NudgePeriod {
    /** Between a period and the key of its snooze. */
    String SNOOZE_MARK = "~";

    /** The stored text. */
    String key();

    /** Without a snooze: the period the nudge was planned for. */
    default NudgePeriod base() {
        return this;
    }

    /** This period again, after a snooze keyed on {@code minute} (a double click snoozes once). */
    default Snoozed snoozedAt(long minute) {
        return new Snoozed(base(), Long.toString(minute));
    }

    /**
     * A SQL {@code LIKE} pattern matching every period of the same chain (other reminders of the
     * same row, other countdown days of the same quarter); empty for a period that has no chain.
     */
    default java.util.Optional<String> chainPattern() {
        return java.util.Optional.empty();
    }

    record Week(IsoWeek week) implements NudgePeriod {
        @Override
        public String key() {
            return week.toString();
        }
    }

    record Month(java.time.YearMonth month) implements NudgePeriod {
        @Override
        public String key() {
            return month.toString();
        }
    }

    record Countdown(int fiscalYear, int quarter, int daysLeft) implements NudgePeriod {
        public static Countdown of(FiscalQuarter q, int daysLeft) {
            return new Countdown(q.fiscalYear(), q.quarter(), daysLeft);
        }

        public boolean isIn(FiscalQuarter q) {
            return q.fiscalYear() == fiscalYear && q.quarter() == quarter;
        }

        @Override
        public String key() {
            return prefix() + daysLeft + "d";
        }

        private String prefix() {
            return "FY" + fiscalYear + "-Q" + quarter + "-";
        }

        @Override
        public java.util.Optional<String> chainPattern() {
            return java.util.Optional.of(prefix() + "%");
        }
    }

    /** What a chain of reminders is about: a news item or a forecast, by id. */
    enum Subject {
        NEWS("news"),
        FORECAST("forecast");

        private final String word;

        Subject(String word) {
            this.word = word;
        }
    }

    record Reminder(Subject subject, long refId, int n) implements NudgePeriod {
        @Override
        public String key() {
            return subject.word + "-" + refId + "-" + n;
        }

        @Override
        public java.util.Optional<String> chainPattern() {
            return java.util.Optional.of(subject.word + "-" + refId + "-%");
        }
    }

    record Once(Subject subject, long refId) implements NudgePeriod {
        @Override
        public String key() {
            return subject.word + "-" + refId;
        }
    }

    record Snoozed(NudgePeriod of, String snoozeKey) implements NudgePeriod {
        @Override
        public String key() {
            return of.key() + SNOOZE_MARK + snoozeKey;
        }

        @Override
        public NudgePeriod base() {
            return of;
        }

        @Override
        public java.util.Optional<String> chainPattern() {
            return of.chainPattern();
        }
    }

    /** Reads a stored period. */
    static NudgePeriod parse(String text) {
        int mark = text.indexOf(SNOOZE_MARK);
        if (mark >= 0) {
            return new Snoozed(
                    parse(text.substring(0, mark)), text.substring(mark + SNOOZE_MARK.length()));
        }
        Matcher m = Codec.WEEK.matcher(text);
        if (m.matches()) {
            return new Week(
                    new IsoWeek(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = Codec.MONTH.matcher(text);
        if (m.matches()) {
            return new Month(
                    java.time.YearMonth.of(
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        }
        m = Codec.COUNTDOWN.matcher(text);
        if (m.matches()) {
            return new Countdown(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        m = Codec.ROW.matcher(text);
        if (m.matches()) {
            Subject subject = Subject.valueOf(m.group(1).toUpperCase(java.util.Locale.ROOT));
            long ref = Long.parseLong(m.group(2));
            return m.group(3) == null
                    ? new Once(subject, ref)
                    : new Reminder(subject, ref, Integer.parseInt(m.group(3)));
        }
        throw new IllegalArgumentException("not a nudge period: " + text);
    }

    /** The column as Jdbi reads it into {@link Nudge}. */
    final class Mapper implements ColumnMapper<NudgePeriod> {
        @Override
        public NudgePeriod map(ResultSet r, int columnNumber, StatementContext ctx)
                throws SQLException {
            String text = r.getString(columnNumber);
            return text == null ? null : parse(text);
        }
    }

    /** The patterns of {@link #parse}. */
    final class Codec {
        private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
        private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
        private static final Pattern COUNTDOWN = Pattern.compile("FY(\\d{4})-Q([1-4])-(\\d+)d");
        private static final Pattern ROW = Pattern.compile("(news|forecast)-(\\d+)(?:-(\\d+))?");

        private Codec() {}
    }
}
