package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.forecast.Currency;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The commit figure of a manager's stored deals, before anything is recorded. */
class CrmForecastFigureTest {
    private static CrmSyncDao.Snapshot deal(String amount, String currency) {
        return new CrmSyncDao.Snapshot(
                "d" + amount,
                "o",
                "Deal",
                amount == null ? null : new BigDecimal(amount),
                currency,
                LocalDate.parse("2026-12-15"),
                "Negotiation",
                false,
                false,
                "COMMIT",
                Instant.EPOCH);
    }

    @Test
    void deals_in_one_currency_add_up() {
        assertThat(
                        CrmForecast.figure(
                                List.of(deal("100", "usd"), deal("50", "USD"), deal(null, "USD"))))
                .isEqualTo(
                        new CrmForecast.Figure.Commit(
                                new BigDecimal("150"), Optional.of(Currency.USD), 2));
    }

    @Test
    void the_accounts_own_currency_gives_none() {
        assertThat(CrmForecast.figure(List.of(deal("100", null))))
                .isEqualTo(
                        new CrmForecast.Figure.Commit(new BigDecimal("100"), Optional.empty(), 1));
    }

    @Test
    void no_deals_are_a_zero_commit_several_currencies_or_an_unknown_one_give_nothing() {
        assertThat(CrmForecast.figure(List.of()))
                .isEqualTo(new CrmForecast.Figure.Commit(BigDecimal.ZERO, Optional.empty(), 0));
        assertThat(CrmForecast.figure(List.of(deal("100", "USD"), deal("50", "EUR"))))
                .isInstanceOf(CrmForecast.Figure.None.class);
        assertThat(CrmForecast.figure(List.of(deal("100", "CHF"))))
                .isInstanceOf(CrmForecast.Figure.None.class);
    }
}
