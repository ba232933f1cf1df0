package com.bossreview.crm;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The two SOQL queries bossreview sends, built as text with their literals escaped (SOQL reference,
 * "Quoted String Escape Sequences": backslash and single quote are escaped with a backslash;
 * date-time literals as {@code YYYY-MM-DDThh:mm:ssZ}, whole seconds, which is all the precision
 * Salesforce keeps for {@code SystemModstamp}).
 */
final class Soql {
    static final String USERS = "SELECT Id, Email, ManagerId FROM User WHERE IsActive = true";

    private static final String DEAL_FIELDS =
            "Id, Name, OwnerId, Amount, CloseDate, StageName, IsClosed, IsWon,"
                    + " ForecastCategoryName, SystemModstamp";

    private Soql() {}

    /**
     * Opportunities of {@code owners} changed after {@code since} and at or before {@code until},
     * in watermark order ({@code SystemModstamp}, then {@code Id}: ties resume by id). {@code
     * currency}: ask for {@code CurrencyIsoCode}, which only multi-currency orgs have.
     */
    static String changedDeals(
            List<String> owners, Watermark since, Instant until, boolean currency) {
        String at = literal(since.modifiedAt());
        String after =
                since.withinTie()
                        ? "(SystemModstamp > "
                                + at
                                + " OR (SystemModstamp = "
                                + at
                                + " AND Id > "
                                + quote(since.lastId())
                                + "))"
                        : "SystemModstamp > " + at;
        return "SELECT "
                + DEAL_FIELDS
                + (currency ? ", CurrencyIsoCode" : "")
                + " FROM Opportunity WHERE OwnerId IN ("
                + owners.stream().map(Soql::quote).collect(Collectors.joining(", "))
                + ") AND SystemModstamp <= "
                + literal(until)
                + " AND "
                + after
                + " ORDER BY SystemModstamp, Id";
    }

    /** A date-time literal; Salesforce keeps whole seconds, so anything finer is cut. */
    static String literal(Instant t) {
        return DateTimeFormatter.ISO_INSTANT.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
