package com.bossreview.forecast;

import com.bossreview.time.FiscalQuarter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One forecast figure a manager recorded for a fiscal quarter.
 *
 * @param currency the currency typed with it (or inherited from the manager's previous figure);
 *     empty when the manager never typed one
 * @param sharedAt when the boss was told it ({@code shared_with}, {@code told_via} say who and how)
 */
public record Forecast(
        long id,
        String teamId,
        String userId,
        int fiscalYear,
        int quarter,
        BigDecimal amount,
        Optional<Currency> currency,
        Optional<String> note,
        Instant recordedAt,
        Optional<Instant> sharedAt,
        Optional<String> sharedWith,
        Optional<ToldVia> toldVia) {

    /** Whether the boss was told this figure. */
    public boolean told() {
        return sharedAt.isPresent();
    }

    public boolean isIn(FiscalQuarter q) {
        return fiscalYear == q.fiscalYear() && quarter == q.quarter();
    }

    public boolean sameQuarterAs(Forecast other) {
        return fiscalYear == other.fiscalYear && quarter == other.quarter;
    }

    /** Whether the two figures can be compared: the same currency, or one of them has none. */
    public boolean comparableWith(Forecast other) {
        return currency.isEmpty() || other.currency.isEmpty() || currency.equals(other.currency);
    }
}
