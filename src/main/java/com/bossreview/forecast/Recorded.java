package com.bossreview.forecast;

import com.bossreview.time.FiscalQuarter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A forecast with what it is compared to: the figure recorded just before it in the same fiscal quarter.
 *
 * @param daysLeft days from the manager's today to the quarter's last day (0 on that day, negative once over)
 */
public record Recorded(Forecast forecast, Optional<Forecast> previous, FiscalQuarter quarter, long daysLeft) {

    /** How the figure moved from the previous one; empty for the first figure of the quarter. */
    public Optional<Change> change() {
        return previous.map(p -> Change.between(p.amount(), forecast.amount()));
    }

    public boolean isDowngrade() {
        return change().map(Change::isDowngrade).orElse(false);
    }

    /**
     * @param delta   new minus previous (negative for a downgrade)
     * @param percent delta relative to the previous figure, one decimal
     */
    public record Change(BigDecimal previous, BigDecimal delta, BigDecimal percent) {
        static Change between(BigDecimal previous, BigDecimal current) {
            BigDecimal delta = current.subtract(previous);
            BigDecimal percent = delta.multiply(BigDecimal.valueOf(100)).divide(previous, 1, RoundingMode.HALF_UP);
            return new Change(previous, delta, percent);
        }

        public boolean isDowngrade() {
            return delta.signum() < 0;
        }

        public boolean isUpgrade() {
            return delta.signum() > 0;
        }
    }
}
