package com.bossreview.crm;

import com.bossreview.news.NewsKind;
import com.bossreview.time.FiscalQuarter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What in a deal's change is news for its manager (issue 16): lost, its close date slipped out of
 * the current fiscal quarter, its amount cut by a fifth or more (bad news), won (good news). Only
 * deals of at least the manager's {@code settings crm-threshold} (default 50k) in their own
 * currency count: small deals are not worth a boss's attention.
 */
final class DealNews {
    /** A cut to 80 % of the amount or less is news. */
    static final BigDecimal CUT = new BigDecimal("0.8");

    private DealNews() {}

    /** One piece of news: {@code kind} as stored, {@code headline} as told. */
    record Change(String kind, NewsKind news, String headline) {}

    /**
     * The news in {@code now} compared with {@code before} (empty: the first change read since the
     * connection was made: lost and won count, slips and cuts need a before). {@code today}: in the
     * manager's zone; {@code fiscalStart}: their fiscal year's first month.
     */
    static List<Change> of(
            Optional<CrmSyncDao.Snapshot> before,
            Deal now,
            LocalDate today,
            Month fiscalStart,
            BigDecimal threshold) {
        BigDecimal was = before.map(CrmSyncDao.Snapshot::amount).orElse(null);
        BigDecimal is = now.amount().orElse(null);
        BigDecimal biggest = max(was, is);
        if (biggest == null || biggest.compareTo(threshold) < 0) {
            return List.of();
        }
        String currency = now.currency().orElse("");
        String name = now.name();
        List<Change> news = new ArrayList<>();
        boolean wasClosed = before.map(CrmSyncDao.Snapshot::closed).orElse(false);
        if (now.closed() && !wasClosed) {
            news.add(
                    now.won()
                            ? new Change(
                                    "won",
                                    NewsKind.GOOD,
                                    name + " — " + money(biggest, currency) + " — closed won")
                            : new Change(
                                    "lost",
                                    NewsKind.BAD,
                                    name + " — " + money(biggest, currency) + " — closed lost"));
            return news;
        }
        if (now.closed() || before.isEmpty()) {
            return news;
        }
        FiscalQuarter current = FiscalQuarter.containing(today, fiscalStart);
        LocalDate wasClose = before.get().closeDate();
        if (wasClose != null
                && now.closeDate().isPresent()
                && !wasClose.isAfter(current.lastDay())
                && now.closeDate().get().isAfter(current.lastDay())) {
            FiscalQuarter to = FiscalQuarter.containing(now.closeDate().get(), fiscalStart);
            news.add(
                    new Change(
                            "slipped",
                            NewsKind.BAD,
                            name
                                    + " — "
                                    + money(biggest, currency)
                                    + " — slipped to Q"
                                    + to.quarter()));
        }
        if (was != null && is != null && was.signum() > 0 && is.compareTo(was.multiply(CUT)) <= 0) {
            news.add(
                    new Change(
                            "cut",
                            NewsKind.BAD,
                            name
                                    + " — "
                                    + money(is, currency)
                                    + " — cut from "
                                    + money(was, currency)));
        }
        return news;
    }

    private static BigDecimal max(BigDecimal a, BigDecimal b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) >= 0 ? a : b;
    }

    /** {@code $120k}, {@code €1.2M}, {@code CHF 80k}; no symbol for the account's currency. */
    static String money(BigDecimal amount, String currency) {
        String symbol =
                switch (currency.toUpperCase(Locale.ROOT)) {
                    case "USD" -> "$";
                    case "EUR" -> "€";
                    case "GBP" -> "£";
                    case "" -> "";
                    default -> currency.toUpperCase(Locale.ROOT) + " ";
                };
        BigDecimal abs = amount.abs();
        String figure;
        if (abs.compareTo(new BigDecimal(1_000_000)) >= 0) {
            figure =
                    amount.divide(new BigDecimal(1_000_000), 1, RoundingMode.HALF_UP)
                                    .stripTrailingZeros()
                                    .toPlainString()
                            + "M";
        } else if (abs.compareTo(new BigDecimal(1_000)) >= 0) {
            figure =
                    amount.divide(new BigDecimal(1_000), 0, RoundingMode.HALF_UP).toPlainString()
                            + "k";
        } else {
            figure = amount.setScale(0, RoundingMode.HALF_UP).toPlainString();
        }
        return symbol + figure;
    }
}
