package com.bossreview.scorecard;

import com.bossreview.manager.Manager;
import com.bossreview.time.FiscalQuarter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The stretch of time a scorecard covers, {@code from} inclusive, {@code to} exclusive, inside one
 * fiscal quarter (a month is always inside one: quarters start on the first of a month).
 *
 * @param label how the card names it, e.g. {@code Q4 FY2026 so far} or {@code November}
 */
public record Span(Instant from, Instant to, FiscalQuarter quarter, String label) {
    public Span {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("a span ends after it starts: " + from + " " + to);
        }
    }

    /** The manager's current fiscal quarter, from its first day up to {@code now}. */
    public static Span quarterSoFar(Manager m, Instant now) {
        FiscalQuarter q = FiscalQuarter.containing(m.today(now), m.fiscalStartMonth());
        return new Span(start(m, q.firstDay()), now, q, q.label() + " so far");
    }

    /**
     * The fiscal quarter {@code month} belongs to, from its first day up to {@code now} or its end,
     * whichever comes first: the recap on the first of January covers all of the quarter that just
     * ended.
     */
    public static Span quarterOf(Manager m, YearMonth month, Instant now) {
        FiscalQuarter q = FiscalQuarter.containing(month.atDay(1), m.fiscalStartMonth());
        Instant end = start(m, q.lastDay().plusDays(1));
        boolean over = !end.isAfter(now);
        return new Span(
                start(m, q.firstDay()), over ? end : now, q, q.label() + (over ? "" : " so far"));
    }

    /** One calendar month in the manager's zone. */
    public static Span month(Manager m, YearMonth month) {
        return new Span(
                start(m, month.atDay(1)),
                start(m, month.plusMonths(1).atDay(1)),
                FiscalQuarter.containing(month.atDay(1), m.fiscalStartMonth()),
                month.getMonth()
                        .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH));
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static Instant start(Manager m, LocalDate day) {
        return day.atStartOfDay(m.zone()).toInstant();
    }
}
