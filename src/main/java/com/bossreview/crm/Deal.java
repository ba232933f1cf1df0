package com.bossreview.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A deal (Salesforce Opportunity, HubSpot deal) as of its last change. {@code currency}: an ISO
 * 4217 code when the CRM gives one (Salesforce multi-currency orgs' {@code CurrencyIsoCode},
 * HubSpot's {@code deal_currency_code}); empty means the account's own currency. {@code
 * forecastCategory}: Salesforce {@code ForecastCategoryName} (Pipeline, Best Case, Commit, Closed,
 * Omitted), HubSpot {@code hs_forecast_category} when set.
 */
public record Deal(
        String id,
        String name,
        String ownerId,
        Optional<BigDecimal> amount,
        Optional<String> currency,
        Optional<LocalDate> closeDate,
        String stage,
        boolean closed,
        boolean won,
        Optional<String> forecastCategory,
        Instant modifiedAt) {

    /** Where a reader that has seen this deal stands. */
    public Watermark watermark() {
        return new Watermark(modifiedAt, id);
    }
}
