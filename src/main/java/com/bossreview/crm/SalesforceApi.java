package com.bossreview.crm;

import static com.bossreview.crm.CrmJson.array;
import static com.bossreview.crm.CrmJson.object;
import static com.bossreview.crm.CrmJson.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Salesforce's REST API for one org (REST API Developer Guide: "Query", "Execute a SOQL Query",
 * "Status Codes and Error Responses"), at the {@code instance_url} the token answer named + {@code
 * /services/data/v}{@value #API_VERSION}{@code /}. Every read is one {@code query}, its further
 * batches fetched from {@code nextRecordsUrl} until {@code done}.
 *
 * <p>Errors come as a JSON array {@code [{"message":…,"errorCode":…}]}: {@code 401
 * INVALID_SESSION_ID} (expired or revoked session), {@code 403 REQUEST_LIMIT_EXCEEDED} (the org's
 * rolling 24-hour API allowance; no {@code Retry-After}, the allowance refills gradually), {@code
 * 503 SERVER_UNAVAILABLE}. Messages keep the {@code errorCode} only: Salesforce's {@code message}
 * may quote the query.
 */
public final class SalesforceApi implements CrmApi {
    /** The REST API version every path uses (Winter '25). */
    public static final String API_VERSION = "62.0";

    /** Batches one read follows before it stops and says {@link DealChanges#more()}. */
    static final int MAX_PAGES = 50;

    private static final CrmProvider P = CrmProvider.SALESFORCE;

    private final HttpUrl instance;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final Clock clock;
    private final int maxPages;

    /**
     * Whether the org answers {@code CurrencyIsoCode}: unknown until asked; a single-currency org
     * refuses the field ({@code INVALID_FIELD}), and it is then left out of later queries.
     */
    private volatile boolean currencyField = true;

    public SalesforceApi(URI instanceUrl, OkHttpClient http, Clock clock) {
        this(instanceUrl, http, clock, MAX_PAGES);
    }

    SalesforceApi(URI instanceUrl, OkHttpClient http, Clock clock, int maxPages) {
        this.instance = HttpUrl.get(instanceUrl.toString());
        this.base =
                instance.newBuilder()
                        .encodedPath("/")
                        .addPathSegments("services/data/v" + API_VERSION + "/")
                        .build();
        this.http = http;
        this.clock = clock;
        this.maxPages = maxPages;
    }

    @Override
    public CrmProvider provider() {
        return P;
    }

    @Override
    public List<CrmUser> users(String accessToken) {
        List<CrmUser> users = new ArrayList<>();
        query(
                accessToken,
                Soql.USERS,
                Integer.MAX_VALUE,
                "user query",
                r ->
                        string(r, "Id")
                                .ifPresent(
                                        id ->
                                                users.add(
                                                        new CrmUser(
                                                                id,
                                                                string(r, "Email"),
                                                                string(r, "ManagerId"),
                                                                List.of()))));
        return users;
    }

    /**
     * One {@code query} over {@code Opportunity} ({@link Soql#changedDeals}) up to {@code now -}
     * {@link #SETTLE}. Read to the end, the watermark moves to that bound; stopped at the page cap,
     * to the last deal read (the order is the watermark's, so the next read resumes right after).
     */
    @Override
    public DealChanges changedDeals(String accessToken, List<String> ownerIds, Watermark since) {
        Instant until = clock.instant().minus(SETTLE).truncatedTo(ChronoUnit.SECONDS);
        if (ownerIds.isEmpty() || !until.isAfter(since.modifiedAt())) {
            return new DealChanges(
                    List.of(),
                    ownerIds.isEmpty() && until.isAfter(since.modifiedAt())
                            ? Watermark.after(until)
                            : since,
                    false);
        }
        List<Deal> deals = new ArrayList<>();
        boolean complete;
        try {
            complete = readDeals(accessToken, ownerIds, since, until, deals);
        } catch (CurrencyFieldRefused e) {
            currencyField = false;
            deals.clear();
            complete = readDeals(accessToken, ownerIds, since, until, deals);
        }
        if (complete || deals.isEmpty()) {
            return new DealChanges(deals, Watermark.after(until), false);
        }
        return new DealChanges(deals, deals.get(deals.size() - 1).watermark(), true);
    }

    private boolean readDeals(
            String accessToken,
            List<String> ownerIds,
            Watermark since,
            Instant until,
            List<Deal> out) {
        boolean currency = currencyField;
        return query(
                accessToken,
                Soql.changedDeals(ownerIds, since, until, currency),
                maxPages,
                "opportunity query",
                r -> SalesforceRecords.deal(r).ifPresent(out::add));
    }

    /**
     * Runs {@code soql} and hands each record to {@code each}, following {@code nextRecordsUrl} for
     * at most {@code pages} batches; true when the result was read to the end ({@code done}).
     */
    private boolean query(
            String accessToken, String soql, int pages, String what, Consumer<JsonObject> each) {
        HttpUrl url =
                base.newBuilder().addPathSegment("query").addQueryParameter("q", soql).build();
        for (int page = 0; page < pages; page++) {
            JsonObject json = object(call(accessToken, url, what));
            for (JsonElement r : array(json, "records")) {
                each.accept(object(r));
            }
            Optional<String> next = string(json, "nextRecordsUrl");
            if (CrmJson.isTrue(json, "done") || next.isEmpty()) {
                return true;
            }
            url = sameHost(next.get(), what);
        }
        return false;
    }

    /** {@code nextRecordsUrl} is a path on the instance; the token never goes anywhere else. */
    private HttpUrl sameHost(String next, String what) {
        HttpUrl u = instance.resolve(next);
        if (u == null || !u.host().equals(instance.host()) || u.port() != instance.port()) {
            throw new CrmException(
                    CrmException.Kind.FAILED, P.label() + " " + what + ": odd nextRecordsUrl");
        }
        return u;
    }

    private JsonElement call(String accessToken, HttpUrl url, String what) {
        CrmCall.Reply r =
                CrmCall.execute(
                        http,
                        new Request.Builder()
                                .url(url)
                                .get()
                                .header("Authorization", CrmCall.bearer(accessToken))
                                .header("Accept", "application/json")
                                .build(),
                        P,
                        what);
        if (r.ok()) {
            return r.json();
        }
        throw SalesforceRecords.error(r, what);
    }

    /** The org has no {@code CurrencyIsoCode}: ask again without it. */
    static final class CurrencyFieldRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CurrencyFieldRefused() {
            super("CurrencyIsoCode refused", null, false, false);
        }
    }
}
