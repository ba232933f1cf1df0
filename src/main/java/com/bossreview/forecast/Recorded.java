package com.bossreview.forecast;

import com.bossreview.time.FiscalQuarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A forecast with what it is compared to: its <em>baseline</em>, the last figure the boss was told
 * before it (SPEC §2: "what the boss was told is the baseline"). Figures recorded but never told do
 * not count: after 300k told, 280k not told, 290k is a downgrade from 300k, not a raise from 280k.
 *
 * @param baseline the last told figure recorded before this one in its quarter; empty when the boss
 *     was told nothing this quarter yet
 * @param daysLeft days from the manager's today to the quarter's last day (0 on that day, negative
 *     once over)
 */
public record Recorded(
        Forecast forecast, Optional<Forecast> baseline, FiscalQuarter quarter, long daysLeft) {

    /** Order in which figures were recorded. */
    static final Comparator<Forecast> RECORDED =
            Comparator.comparing(Forecast::recordedAt).thenComparingLong(Forecast::id);

    /** How the figure stands against what the boss was told. */
    public enum Movement {
        /** The boss was told no figure of this quarter yet. */
        FIRST,
        /** The same figure as the one the boss was told. */
        SAME,
        DOWN,
        UP,
        /** The boss was told a figure in another currency: no delta can be given. */
        OTHER_CURRENCY
    }

    /**
     * {@code f} with its baseline among {@code quarterFigures} (its quarter's figures, any order,
     * may include it).
     */
    public static Recorded of(
            Forecast f, List<Forecast> quarterFigures, FiscalQuarter quarter, long daysLeft) {
        return new Recorded(f, baselineOf(f, quarterFigures), quarter, daysLeft);
    }

    /** The last figure recorded before {@code f} in its quarter that the boss was told. */
    static Optional<Forecast> baselineOf(Forecast f, List<Forecast> figures) {
        return figures.stream()
                .filter(o -> o.told() && o.sameQuarterAs(f) && RECORDED.compare(o, f) < 0)
                .max(RECORDED);
    }

    public Movement movement() {
        if (baseline.isEmpty()) {
            return Movement.FIRST;
        }
        if (!forecast.comparableWith(baseline.get())) {
            return Movement.OTHER_CURRENCY;
        }
        int c = forecast.amount().compareTo(baseline.get().amount());
        return c == 0 ? Movement.SAME : c < 0 ? Movement.DOWN : Movement.UP;
    }

    /** How the figure moved from the baseline; empty without one, or in another currency. */
    public Optional<Change> change() {
        return baseline.filter(forecast::comparableWith)
                .map(b -> Change.between(b.amount(), forecast.amount()));
    }

    /** Below what the boss was told: they must hear it now. */
    public boolean isDowngrade() {
        return movement() == Movement.DOWN;
    }

    /** The boss knows this figure: it was told, or it is the figure they were last told. */
    public boolean bossKnows() {
        return forecast.told() || movement() == Movement.SAME;
    }

    /**
     * @param delta new minus baseline (negative for a downgrade)
     * @param percent delta relative to the baseline, one decimal
     */
    public record Change(BigDecimal previous, BigDecimal delta, BigDecimal percent) {
        static Change between(BigDecimal previous, BigDecimal current) {
            BigDecimal delta = current.subtract(previous);
            BigDecimal percent =
                    delta.multiply(BigDecimal.valueOf(100))
                            .divide(previous, 1, RoundingMode.HALF_UP);
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
