package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.news.NewsKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What in a deal's change is news: the quarter's edge, the cut's edge, the threshold's edge. */
class DealNewsTest {
    static final LocalDate TODAY = LocalDate.parse("2026-11-30");
    static final Instant AT = Instant.parse("2026-11-30T14:00:00Z");
    static final BigDecimal FIFTY_K = new BigDecimal(50_000);

    private static CrmSyncDao.Snapshot before(String amount, LocalDate close) {
        return new CrmSyncDao.Snapshot(
                "1",
                "o",
                "Acme",
                new BigDecimal(amount),
                "USD",
                close,
                "Open",
                false,
                false,
                null,
                AT.minusSeconds(60));
    }

    private static Deal deal(String amount, LocalDate close) {
        return new Deal(
                "1",
                "Acme",
                "o",
                Optional.of(new BigDecimal(amount)),
                Optional.of("USD"),
                Optional.of(close),
                "Open",
                false,
                false,
                Optional.empty(),
                AT);
    }

    @Test
    void a_slip_counts_only_out_of_the_managers_fiscal_quarter() {
        LocalDate end = LocalDate.parse("2026-12-31");
        assertThat(
                        DealNews.of(
                                Optional.of(before("60000", end)),
                                deal("60000", end.plusDays(1)),
                                TODAY,
                                Month.JANUARY,
                                FIFTY_K))
                .extracting(DealNews.Change::headline)
                .containsExactly("Acme — $60k — slipped to Q1");
        // a fiscal year from February: the quarter runs to the end of January
        assertThat(
                        DealNews.of(
                                Optional.of(before("60000", end)),
                                deal("60000", end.plusDays(1)),
                                TODAY,
                                Month.FEBRUARY,
                                FIFTY_K))
                .isEmpty();
        // moved within the quarter, or a deal already out of it moved further: not news
        assertThat(
                        DealNews.of(
                                Optional.of(before("60000", end.minusDays(20))),
                                deal("60000", end),
                                TODAY,
                                Month.JANUARY,
                                FIFTY_K))
                .isEmpty();
        assertThat(
                        DealNews.of(
                                Optional.of(before("60000", end.plusDays(5))),
                                deal("60000", end.plusDays(90)),
                                TODAY,
                                Month.JANUARY,
                                FIFTY_K))
                .isEmpty();
    }

    @Test
    void a_cut_is_a_fifth_or_more_and_the_threshold_is_the_larger_amount() {
        LocalDate close = LocalDate.parse("2026-12-15");
        assertThat(
                        DealNews.of(
                                Optional.of(before("100000", close)),
                                deal("80000", close),
                                TODAY,
                                Month.JANUARY,
                                FIFTY_K))
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.kind()).isEqualTo("cut");
                            assertThat(c.news()).isEqualTo(NewsKind.BAD);
                            assertThat(c.headline()).isEqualTo("Acme — $80k — cut from $100k");
                        });
        assertThat(
                        DealNews.of(
                                Optional.of(before("100000", close)),
                                deal("80001", close),
                                TODAY,
                                Month.JANUARY,
                                FIFTY_K))
                .isEmpty();
        assertThat(
                        DealNews.of(
                                Optional.of(before("49999", close)),
                                deal("10000", close),
                                TODAY,
                                Month.JANUARY,
                                FIFTY_K))
                .isEmpty();
    }

    @Test
    void money_is_short() {
        assertThat(DealNews.money(new BigDecimal("1250000"), "EUR")).isEqualTo("€1.3M");
        assertThat(DealNews.money(new BigDecimal("120000"), "USD")).isEqualTo("$120k");
        assertThat(DealNews.money(new BigDecimal("80000"), "CHF")).isEqualTo("CHF 80k");
        assertThat(DealNews.money(new BigDecimal("950"), "")).isEqualTo("950");
    }
}
