package com.bossreview.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ISO-8601 week (Monday to Sunday), named by its week-based year: 2027-01-01 is in 2026-W53. */
public record IsoWeek(int year, int week) implements Comparable<IsoWeek> {
    private static final Pattern TEXT = Pattern.compile("(\\d{4})-W(\\d{2})");

    /**
     * The {@link #toString()} form, {@code 2026-W48}, strictly: a week the year does not have
     * ({@code 2025-W53}, {@code 2026-W00}) is refused. Throws {@link IllegalArgumentException}.
     */
    public static IsoWeek parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a week like 2026-W48");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        if (year < 1000 || week < 1 || week > weeksIn(year)) {
            throw new IllegalArgumentException(text + " is not a week of the ISO calendar");
        }
        return new IsoWeek(year, week);
    }

    /** 52 or 53: the weeks of an ISO week-based year (2026 has 53, 2027 has 52). */
    public static int weeksIn(int year) {
        return (int) LocalDate.of(year, 6, 1).range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
    }

    public static IsoWeek of(LocalDate date) {
        return new IsoWeek(
                date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public LocalDate monday() {
        return LocalDate.of(year, 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(DayOfWeek.MONDAY);
    }

    public LocalDate day(DayOfWeek day) {
        return monday().plusDays(day.getValue() - 1L);
    }

    /**
     * The week as people name it: {@code 23–29 Nov}, or {@code 28 Dec–3 Jan} across months (never
     * "W48").
     */
    public String dates() {
        LocalDate from = monday();
        LocalDate to = day(DayOfWeek.SUNDAY);
        return from.getMonth() == to.getMonth()
                ? from.getDayOfMonth() + "–" + to.getDayOfMonth() + " " + month(to)
                : from.getDayOfMonth()
                        + " "
                        + month(from)
                        + "–"
                        + to.getDayOfMonth()
                        + " "
                        + month(to);
    }

    private static String month(LocalDate d) {
        return d.getMonth()
                .getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH);
    }

    public IsoWeek previous() {
        return of(monday().minusWeeks(1));
    }

    public IsoWeek next() {
        return of(monday().plusWeeks(1));
    }

    @Override
    public int compareTo(IsoWeek o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(week, o.week);
    }

    /**
     * {@code 2026-W48}; built by hand, as it is on every status card and button (String.format
     * showed up in profiles).
     */
    @Override
    public String toString() {
        return year + (week < 10 ? "-W0" : "-W") + week;
    }
}
