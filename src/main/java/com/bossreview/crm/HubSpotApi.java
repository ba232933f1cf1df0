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
import okhttp3.RequestBody;

/**
 * HubSpot's CRM API v3 for one account (developers.hubspot.com, "CRM API | Owners", "CRM API |
 * Search"): {@code GET crm/v3/owners} and {@code POST crm/v3/objects/deals/search}, both paged with
 * {@code paging.next.after}.
 *
 * <p>Search sorts by one property only, so ties in {@code hs_lastmodifieddate} come back in no
 * stated order, and it stops at 10,000 results per query ({@value #PAGE} a page, {@value
 * #MAX_PAGES} pages). A read that reaches that cap therefore gives back the deals of its last,
 * possibly unfinished, modification time and ends its watermark before them; a read whose every
 * deal shares one time reads that time alone sorted by {@code hs_object_id}, so the watermark can
 * resume by id ({@link HubSpotSearch}).
 *
 * <p>Errors ({@link HubSpotErrors}): 401 expired or missing token; 429 for the burst, search (per
 * second) and daily limits, with the wait read from {@code Retry-After} or the {@code
 * X-HubSpot-RateLimit-*} headers.
 */
public final class HubSpotApi implements CrmApi {
    /** Search's largest page. */
    static final int PAGE = 200;

    /** 200 × 50 = 10,000: the most one search query can page through. */
    static final int MAX_PAGES = 50;

    /** Owners' largest page. */
    static final int OWNERS_PAGE = 500;

    /**
     * The most owner ids one search takes. Teams are far smaller; a caller with more splits them
     * over connections' reads rather than growing one {@code IN} filter without bound.
     */
    public static final int MAX_OWNERS = 100;

    private static final CrmProvider P = CrmProvider.HUBSPOT;

    private final HttpUrl base;
    private final OkHttpClient http;
    private final Clock clock;
    private final int pageSize;
    private final int maxPages;

    /** {@code apiBase}: {@code HUBSPOT_API_URL}, default {@code https://api.hubapi.com/}. */
    public HubSpotApi(URI apiBase, OkHttpClient http, Clock clock) {
        this(apiBase, http, clock, PAGE, MAX_PAGES);
    }

    HubSpotApi(URI apiBase, OkHttpClient http, Clock clock, int pageSize, int maxPages) {
        this.base = HttpUrl.get(apiBase.toString());
        this.http = http;
        this.clock = clock;
        this.pageSize = pageSize;
        this.maxPages = maxPages;
    }

    @Override
    public CrmProvider provider() {
        return P;
    }

    /** Owners have no manager in HubSpot: {@link CrmUser#managerId()} is empty, teams are given. */
    @Override
    public List<CrmUser> users(String accessToken) {
        List<CrmUser> users = new ArrayList<>();
        Optional<String> after = Optional.empty();
        for (int page = 0; page < 1000; page++) {
            HttpUrl.Builder url =
                    base.newBuilder()
                            .addPathSegments("crm/v3/owners")
                            .addQueryParameter("limit", Integer.toString(OWNERS_PAGE))
                            .addQueryParameter("archived", "false");
            after.ifPresent(a -> url.addQueryParameter("after", a));
            JsonObject json =
                    object(
                            call(
                                    accessToken,
                                    new Request.Builder().url(url.build()).get(),
                                    "owners"));
            for (JsonElement e : array(json, "results")) {
                JsonObject o = object(e);
                List<String> teams = new ArrayList<>();
                for (JsonElement t : array(o, "teams")) {
                    string(object(t), "id").ifPresent(teams::add);
                }
                string(o, "id")
                        .ifPresent(
                                id ->
                                        users.add(
                                                new CrmUser(
                                                        id,
                                                        string(o, "email"),
                                                        Optional.empty(),
                                                        List.copyOf(teams))));
            }
            after = nextAfter(json);
            if (after.isEmpty()) {
                return users;
            }
        }
        throw new CrmException(CrmException.Kind.FAILED, P.label() + " owners: paging never ended");
    }

    @Override
    public DealChanges changedDeals(String accessToken, List<String> ownerIds, Watermark since) {
        if (ownerIds.size() > MAX_OWNERS) {
            throw new IllegalArgumentException(
                    "at most " + MAX_OWNERS + " owners per read, got " + ownerIds.size());
        }
        Instant until = clock.instant().minus(SETTLE).truncatedTo(ChronoUnit.MILLIS);
        if (ownerIds.isEmpty() || !until.isAfter(since.modifiedAt())) {
            return new DealChanges(
                    List.of(),
                    ownerIds.isEmpty() && until.isAfter(since.modifiedAt())
                            ? Watermark.after(until)
                            : since,
                    false);
        }
        HubSpotSearch search = new HubSpotSearch(ownerIds, pageSize);
        if (since.withinTie()) {
            return tie(accessToken, search, since.modifiedAt(), Optional.of(since.lastId()));
        }
        List<Deal> deals = new ArrayList<>();
        boolean complete =
                pages(accessToken, search.changed(since.modifiedAt(), until), deals::add);
        if (complete) {
            return new DealChanges(deals, Watermark.after(until), false);
        }
        Instant last = deals.get(deals.size() - 1).modifiedAt();
        List<Deal> settled = deals.stream().filter(d -> d.modifiedAt().isBefore(last)).toList();
        if (settled.isEmpty()) {
            return tie(accessToken, search, last, Optional.empty());
        }
        return new DealChanges(
                settled, Watermark.after(settled.get(settled.size() - 1).modifiedAt()), true);
    }

    /**
     * The deals modified exactly at {@code at} (after {@code afterId}), by id. Always {@code more}:
     * the read after it goes on past {@code at}.
     */
    private DealChanges tie(
            String accessToken, HubSpotSearch search, Instant at, Optional<String> afterId) {
        List<Deal> deals = new ArrayList<>();
        boolean complete = pages(accessToken, search.tie(at, afterId), deals::add);
        if (complete || deals.isEmpty()) {
            return new DealChanges(deals, Watermark.after(at), true);
        }
        return new DealChanges(deals, deals.get(deals.size() - 1).watermark(), true);
    }

    /** Reads up to {@code maxPages} pages of a search; true when it reached the last one. */
    private boolean pages(String accessToken, JsonObject body, Consumer<Deal> each) {
        HttpUrl url = base.newBuilder().addPathSegments("crm/v3/objects/deals/search").build();
        for (int page = 0; page < maxPages; page++) {
            JsonObject json =
                    object(
                            call(
                                    accessToken,
                                    new Request.Builder()
                                            .url(url)
                                            .post(
                                                    RequestBody.create(
                                                            body.toString(), CrmCall.JSON)),
                                    "deal search"));
            for (JsonElement e : array(json, "results")) {
                HubSpotSearch.deal(object(e)).ifPresent(each);
            }
            Optional<String> after = nextAfter(json);
            if (after.isEmpty()) {
                return true;
            }
            body.addProperty("after", after.get());
        }
        return false;
    }

    private static Optional<String> nextAfter(JsonObject json) {
        return string(object(object(json, "paging"), "next"), "after");
    }

    private JsonElement call(String accessToken, Request.Builder request, String what) {
        CrmCall.Reply r =
                CrmCall.execute(
                        http,
                        request.header("Authorization", CrmCall.bearer(accessToken))
                                .header("Accept", "application/json")
                                .build(),
                        P,
                        what);
        if (r.ok()) {
            return r.json();
        }
        throw HubSpotErrors.of(r, what);
    }
}
