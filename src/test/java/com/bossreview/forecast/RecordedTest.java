package com.bossreview.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.time.FiscalQuarter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The baseline of a figure is the last figure the boss was told before it, never one merely
 * recorded.
 */
class RecordedTest {
    private static final FiscalQuarter Q4 = new FiscalQuarter(2026, 4, Month.JANUARY);
    private static final Instant T0 = Instant.parse("2026-11-02T10:00:00Z");

    private static Forecast figure(
            long id, int quarter, String amount, Currency currency, int day, boolean told) {
        Instant at = T0.plusSeconds(86_400L * day);
        return new Forecast(
                id,
                "T1",
                "U1",
                2026,
                quarter,
                new BigDecimal(amount),
                Optional.ofNullable(currency),
                Optional.empty(),
                at,
                told ? Optional.of(at.plusSeconds(60)) : Optional.empty(),
                told ? Optional.of("UBOSS") : Optional.empty(),
                told ? Optional.of(ToldVia.DM) : Optional.empty());
    }

    private static Forecast figure(long id, String amount, int day, boolean told) {
        return figure(id, 4, amount, Currency.USD, day, told);
    }

    private static Recorded of(Forecast f, Forecast... quarter) {
        return Recorded.of(f, List.of(quarter), Q4, 30);
    }

    @Test
    void a_figure_after_an_untold_lower_one_is_compared_with_the_told_one() {
        Forecast told = figure(1, "300000", 0, true);
        Forecast untold = figure(2, "280000", 1, false);
        Forecast now = figure(3, "290000", 2, false);
        Recorded r = of(now, now, untold, told);
        assertThat(r.baseline()).contains(told);
        assertThat(r.movement()).isEqualTo(Recorded.Movement.DOWN);
        assertThat(r.isDowngrade()).isTrue();
        assertThat(r.change())
                .hasValueSatisfying(
                        c -> {
                            assertThat(c.delta()).isEqualByComparingTo("-10000");
                            assertThat(c.percent()).isEqualByComparingTo("-3.3");
                            assertThat(c.previous()).isEqualByComparingTo("300000");
                        });
        assertThat(r.bossKnows()).isFalse();
    }

    @Test
    void the_last_told_figure_recorded_before_wins_and_later_ones_do_not_count() {
        Forecast first = figure(1, "300000", 0, true);
        Forecast second = figure(2, "250000", 1, true);
        Forecast now = figure(3, "260000", 2, false);
        Forecast later = figure(4, "100000", 3, true);
        assertThat(of(now, first, second, now, later).baseline()).contains(second);
        assertThat(of(now, first, second, now, later).movement()).isEqualTo(Recorded.Movement.UP);
    }

    @Test
    void without_a_told_figure_in_the_quarter_it_is_the_first_even_after_untold_ones() {
        Forecast untold = figure(1, "300000", 0, false);
        Forecast otherQuarter = figure(9, 3, "500000", Currency.USD, -40, true);
        Forecast now = figure(2, "250000", 1, false);
        Recorded r = of(now, untold, otherQuarter, now);
        assertThat(r.baseline()).isEmpty();
        assertThat(r.movement()).isEqualTo(Recorded.Movement.FIRST);
        assertThat(r.isDowngrade()).isFalse();
        assertThat(r.change()).isEmpty();
        assertThat(r.bossKnows()).isFalse();
    }

    @Test
    void the_told_figure_again_is_known_to_the_boss_and_so_is_a_told_one() {
        Forecast told = figure(1, "300000.00", 0, true);
        Forecast again = figure(2, "300000", 1, false);
        assertThat(of(again, told, again).movement()).isEqualTo(Recorded.Movement.SAME);
        assertThat(of(again, told, again).bossKnows()).isTrue();
        assertThat(of(told, told).bossKnows()).isTrue();
        assertThat(of(told, told).baseline()).isEmpty();
    }

    @Test
    void two_figures_at_the_same_instant_are_ordered_by_id() {
        Forecast a = figure(1, "300000", 0, true);
        Forecast b = figure(2, "200000", 0, false);
        assertThat(of(b, a, b).baseline()).contains(a);
        assertThat(of(a, a, b).baseline()).isEmpty();
    }

    @Test
    void another_currency_has_no_delta_but_a_figure_without_one_compares() {
        Forecast dollars = figure(1, 4, "300000", Currency.USD, 0, true);
        Forecast pounds = figure(2, 4, "200000", Currency.GBP, 1, false);
        Recorded r = of(pounds, dollars, pounds);
        assertThat(r.movement()).isEqualTo(Recorded.Movement.OTHER_CURRENCY);
        assertThat(r.change()).isEmpty();
        assertThat(r.isDowngrade()).isFalse();
        assertThat(r.bossKnows()).isFalse();

        Forecast plain = figure(3, 4, "200000", null, 1, false);
        assertThat(of(plain, dollars, plain).movement()).isEqualTo(Recorded.Movement.DOWN);
    }
}
