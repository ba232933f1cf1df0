package com.bossreview.crm;

import static com.bossreview.crm.CrmJson.array;
import static com.bossreview.crm.CrmJson.object;
import static com.bossreview.crm.CrmJson.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Salesforce's answers read: an {@code Opportunity} record as a {@link Deal}, an error array as a
 * {@link CrmException}. Date-times come as {@code 2026-11-30T07:00:00.000+0000} (the offset without
 * a colon, which ISO parsing refuses), dates as {@code 2026-12-31}.
 */
final class SalesforceRecords {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT);

    private SalesforceRecords() {}

    /** A record with no id or no {@code SystemModstamp} is not one we can order: left out. */
    static Optional<Deal> deal(JsonObject r) {
        Optional<String> id = string(r, "Id");
        Optional<Instant> modified =
                string(r, "SystemModstamp").flatMap(SalesforceRecords::instant);
        if (id.isEmpty() || modified.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Deal(
                        id.get(),
                        string(r, "Name").orElse(""),
                        string(r, "OwnerId").orElse(""),
                        CrmJson.decimal(r, "Amount"),
                        string(r, "CurrencyIsoCode"),
                        string(r, "CloseDate").flatMap(SalesforceRecords::date),
                        string(r, "StageName").orElse(""),
                        CrmJson.isTrue(r, "IsClosed"),
                        CrmJson.isTrue(r, "IsWon"),
                        string(r, "ForecastCategoryName"),
                        modified.get()));
    }

    static Optional<Instant> instant(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s, DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static Optional<LocalDate> date(String s) {
        try {
            return Optional.of(LocalDate.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The exception for a refused call. {@code INVALID_FIELD} naming {@code CurrencyIsoCode} is the
     * one answer the caller recovers from itself ({@link SalesforceApi.CurrencyFieldRefused}).
     */
    static RuntimeException error(CrmCall.Reply r, String what) {
        JsonElement body = r.json();
        JsonObject first =
                body.isJsonArray() && !array(body).isEmpty()
                        ? object(array(body).get(0))
                        : object(body);
        Optional<String> code = string(first, "errorCode");
        if (code.filter("INVALID_FIELD"::equals).isPresent()
                && string(first, "message").orElse("").contains("CurrencyIsoCode")) {
            return new SalesforceApi.CurrencyFieldRefused();
        }
        CrmException.Kind kind;
        if (code.filter("REQUEST_LIMIT_EXCEEDED"::equals).isPresent()) {
            kind = CrmException.Kind.RATE_LIMITED;
        } else if (r.status() == 401) {
            kind = CrmException.Kind.UNAUTHORIZED;
        } else {
            kind = CrmCall.kindOf(r.status());
        }
        return new CrmException(
                kind,
                CrmProvider.SALESFORCE.label()
                        + " "
                        + what
                        + " refused: HTTP "
                        + r.status()
                        + code.map(c -> " " + c).orElse(""),
                r.retryAfter());
    }
}
