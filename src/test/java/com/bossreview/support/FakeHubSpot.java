package com.bossreview.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * HubSpot's OAuth token endpoints (2026-03: {@code /oauth/2026-03/token}, {@code /token/revoke},
 * PKCE checked) and CRM v3 ({@code GET /crm/v3/owners}, {@code POST /crm/v3/objects/deals/search})
 * in one in-process server. Search evaluates {@code filterGroups} (OR of AND-ed filters: {@code
 * EQ}, {@code NEQ}, {@code GT}, {@code GTE}, {@code LT}, {@code LTE}, {@code IN}; date-times
 * compared as epoch milliseconds) and one sort, pages with {@code paging.next.after}, refuses a
 * {@code limit} above 200, an {@code after} past 10,000 and more than 5 groups or 10 filters a
 * group, and keeps ties of the sort property in insertion order, not by id (HubSpot promises no
 * order there). Properties come back as strings, as HubSpot sends them. Errors: {@code 401
 * INVALID_AUTHENTICATION}; {@code 429} with the rate-limit headers and {@code policyName}.
 *
 * <p>By default one account (portal) serves every token; {@link #orgPerAccount} gives each account
 * its own ({@link FakeCrmOrgs}); ties of the sort property then come by owner, then id.
 */
public final class FakeHubSpot extends FakeOAuthServer {
    public static final String CLIENT_ID = "hubspot-client-id";
    public static final String CLIENT_SECRET = "hubspot-client-secret";
    private static final String OAUTH = "/oauth/2026-03/";
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    /** An owner; {@code teams}: ids of the teams they are in. */
    public record Owner(String id, String email, List<String> teams) {}

    private final Map<String, Owner> owners = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> deals = new LinkedHashMap<>();
    private int ownerPage = 500;

    /** Null: one portal for every token (the default). */
    private FakeCrmOrgs<Owner, Map<String, String>> orgs;

    public FakeHubSpot() {
        super(CLIENT_ID, CLIENT_SECRET);
    }

    /** What {@code HUBSPOT_API_URL} should be. */
    public String url() {
        return baseUrl();
    }

    /** What {@code HUBSPOT_OAUTH_URL} should be (the consent page is {@link #consent}'s). */
    public String authorizeUrl() {
        return baseUrl() + "oauth/authorize";
    }

    /** The most owners one page holds, whatever {@code limit} asks. */
    public FakeHubSpot ownerPage(int size) {
        lock.lock();
        try {
            this.ownerPage = size;
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * From now on each account sees only its own portal: owners are added to one ({@link
     * #addOrgOwner}), a deal is in its owner's, and a token sees its account's portal (the one with
     * an owner of that e-mail). Call it before adding anyone.
     */
    public FakeHubSpot orgPerAccount() {
        lock.lock();
        try {
            if (!owners.isEmpty() || !deals.isEmpty()) {
                throw new IllegalStateException("org per account: turn it on before adding data");
            }
            orgs =
                    new FakeCrmOrgs<>(
                            Owner::id,
                            Owner::email,
                            d -> d.get("hs_object_id"),
                            d -> d.get("hubspot_owner_id"),
                            Comparator.comparing(d -> d.get("hs_lastmodifieddate")));
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** An owner in {@code portal} ({@link #orgPerAccount} mode). */
    public void addOrgOwner(String portal, String id, String email, String... teams) {
        lock.lock();
        try {
            if (orgs == null) {
                throw new IllegalStateException("not in org-per-account mode: use addOwner");
            }
            orgs.addUser(portal, new Owner(id, email, List.of(teams)));
        } finally {
            lock.unlock();
        }
    }

    public void addOwner(String id, String email, String... teams) {
        lock.lock();
        try {
            if (orgs != null) {
                throw new IllegalStateException("org per account: use addOrgOwner");
            }
            owners.put(id, new Owner(id, email, List.of(teams)));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Creates or replaces deal {@code id} (digits, as HubSpot's ids are) with these properties,
     * modified at {@code modified} ({@code hs_lastmodifieddate}, to the millisecond). Values {@code
     * null} leave the property unset. A replaced deal keeps its place in insertion order.
     */
    public void putDeal(
            String id,
            String name,
            String ownerId,
            BigDecimal amount,
            String currency,
            LocalDate closeDate,
            String stage,
            boolean closed,
            boolean won,
            String forecastCategory,
            Instant modified) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hs_object_id", id);
        p.put("dealname", name);
        p.put("hubspot_owner_id", ownerId);
        p.put("amount", amount == null ? null : amount.toPlainString());
        p.put("deal_currency_code", currency);
        p.put(
                "closedate",
                closeDate == null ? null : ISO.format(closeDate.atStartOfDay(ZoneOffset.UTC)));
        p.put("dealstage", stage);
        p.put("hs_is_closed", Boolean.toString(closed));
        p.put("hs_is_closed_won", Boolean.toString(won));
        p.put("hs_forecast_category", forecastCategory);
        p.put("hs_lastmodifieddate", ISO.format(modified.truncatedTo(ChronoUnit.MILLIS)));
        p.put("createdate", ISO.format(modified.truncatedTo(ChronoUnit.MILLIS)));
        lock.lock();
        try {
            if (orgs != null) {
                orgs.put(p);
                return;
            }
            deals.put(id, p);
        } finally {
            lock.unlock();
        }
    }

    /** A deal with an amount in the account's currency, open, modified at {@code modified}. */
    public void putDeal(String id, String name, String ownerId, String amount, Instant modified) {
        putDeal(
                id,
                name,
                ownerId,
                new BigDecimal(amount),
                null,
                LocalDate.of(2026, 12, 31),
                "appointmentscheduled",
                false,
                false,
                null,
                modified);
    }

    // ---- routing ----

    @Override
    protected Answer route(Request r) {
        String path = r.path();
        if (path.equals(OAUTH + "token") && r.method().equals("POST")) {
            return token(r);
        }
        if (path.equals(OAUTH + "token/revoke") && r.method().equals("POST")) {
            if (!clientOk(r)) {
                return error(401, "INVALID_AUTHENTICATION", "invalid client");
            }
            String token = r.form("token");
            return token != null && revoke(token)
                    ? new Answer(200, "", Map.of())
                    : error(400, "VALIDATION_ERROR", "Invalid token");
        }
        Optional<String> account = account(r);
        if (account.isEmpty()) {
            return unauthorized();
        }
        Optional<String> portal = orgs == null ? Optional.empty() : orgs.orgOf(account.get());
        if (path.equals("/crm/v3/owners") && r.method().equals("GET")) {
            return owners(r, portal);
        }
        if (path.equals("/crm/v3/objects/deals/search") && r.method().equals("POST")) {
            return search(JsonParser.parseString(r.body()).getAsJsonObject(), portal);
        }
        return error(404, "OBJECT_NOT_FOUND", "resource not found");
    }

    private Answer token(Request r) {
        if (!clientOk(r)) {
            return error(400, "BAD_CLIENT_ID", "missing or unknown client id");
        }
        String grant = r.form("grant_type");
        if ("authorization_code".equals(grant)) {
            if (r.form("redirect_uri") == null) {
                return error(400, "BAD_REDIRECT_URI", "redirect_uri is required");
            }
            Optional<String> account = redeemCode(r.form("code"), r.form("code_verifier"));
            if (account.isEmpty()) {
                return status(400, "BAD_AUTH_CODE", "missing or invalid auth code");
            }
            String refresh = newRefreshToken(account.get());
            return tokens(account.get(), refresh);
        }
        if ("refresh_token".equals(grant)) {
            Optional<String> account = refreshAccount(r.form("refresh_token"));
            if (account.isEmpty()) {
                return status(400, "BAD_REFRESH_TOKEN", "missing or invalid refresh token");
            }
            return tokens(account.get(), r.form("refresh_token"));
        }
        return status(400, "BAD_GRANT_TYPE", "unsupported grant type");
    }

    /** HubSpot hands the same refresh token back on every refresh. */
    private Answer tokens(String account, String refresh) {
        String access = newAccessToken(account);
        issuedWith(access, refresh);
        JsonObject o = new JsonObject();
        o.addProperty("token_type", "bearer");
        o.addProperty("access_token", access);
        o.addProperty("refresh_token", refresh);
        o.addProperty("expires_in", 1800);
        return Answer.ok(o);
    }

    /** {@code portal}: the token's, in org-per-account mode. */
    private Answer owners(Request r, Optional<String> portal) {
        List<Owner> all =
                orgs == null
                        ? new ArrayList<>(owners.values())
                        : portal.map(orgs::users).orElse(List.of());
        int from = r.query("after") == null ? 0 : Integer.parseInt(r.query("after"));
        int limit = Math.min(ownerPage, parse(r.query("limit"), 100));
        JsonArray results = new JsonArray();
        for (Owner o :
                all.subList(Math.min(from, all.size()), Math.min(from + limit, all.size()))) {
            results.add(FakeHubSpotJson.owner(o));
        }
        JsonObject body = new JsonObject();
        body.add("results", results);
        if (from + limit < all.size()) {
            body.add("paging", next(Integer.toString(from + limit), "/crm/v3/owners"));
        }
        return Answer.ok(body);
    }

    private Answer search(JsonObject q, Optional<String> portal) {
        int limit = q.has("limit") ? q.get("limit").getAsInt() : 10;
        if (limit > 200) {
            return error(400, "VALIDATION_ERROR", "limit must be at most 200");
        }
        int after = q.has("after") ? Integer.parseInt(q.get("after").getAsString()) : 0;
        if (after >= 10_000) {
            return error(400, "VALIDATION_ERROR", "after must be below 10000");
        }
        JsonArray groups =
                q.has("filterGroups") ? q.getAsJsonArray("filterGroups") : new JsonArray();
        if (groups.size() > 5) {
            return error(400, "VALIDATION_ERROR", "too many filter groups");
        }
        for (JsonElement g : groups) {
            if (g.getAsJsonObject().getAsJsonArray("filters").size() > 10) {
                return error(400, "VALIDATION_ERROR", "too many filters in a group");
            }
        }
        List<Map.Entry<String, Map<String, String>>> hits =
                candidates(groups, portal).stream()
                        .filter(
                                d ->
                                        groups.isEmpty()
                                                || FakeHubSpotJson.anyGroup(groups, d.getValue()))
                        .toList();
        JsonArray sorts = q.has("sorts") ? q.getAsJsonArray("sorts") : new JsonArray();
        if (sorts.size() > 1) {
            return error(400, "VALIDATION_ERROR", "only one sort is allowed");
        }
        if (sorts.size() == 1) {
            JsonObject s = sorts.get(0).getAsJsonObject();
            String prop = s.get("propertyName").getAsString();
            Comparator<Map.Entry<String, Map<String, String>>> c =
                    Comparator.comparing(e -> FakeHubSpotJson.number(e.getValue().get(prop)));
            if (s.has("direction") && s.get("direction").getAsString().equals("DESCENDING")) {
                c = c.reversed();
            }
            hits = hits.stream().sorted(c).toList(); // stable: ties stay in insertion order
        }
        List<String> props = new ArrayList<>();
        if (q.has("properties")) {
            q.getAsJsonArray("properties").forEach(p -> props.add(p.getAsString()));
        } else {
            props.addAll(List.of("dealname", "amount", "closedate", "pipeline", "dealstage"));
        }
        JsonArray results = new JsonArray();
        for (var d :
                hits.subList(Math.min(after, hits.size()), Math.min(after + limit, hits.size()))) {
            results.add(FakeHubSpotJson.deal(d.getKey(), d.getValue(), props));
        }
        JsonObject body = new JsonObject();
        body.addProperty("total", hits.size());
        body.add("results", results);
        if (after + limit < hits.size()) {
            body.add("paging", next(Integer.toString(after + limit), null));
        }
        return Answer.ok(body);
    }

    /**
     * The deals a search looks at: every deal, or in org-per-account mode the portal's, only of the
     * owners named when every group filters on them ({@code hubspot_owner_id IN}).
     */
    private Collection<Map.Entry<String, Map<String, String>>> candidates(
            JsonArray groups, Optional<String> portal) {
        if (orgs == null) {
            return deals.entrySet();
        }
        if (portal.isEmpty()) {
            return List.of();
        }
        Optional<List<String>> owners = FakeHubSpotJson.ownersIn(groups);
        return (owners.isPresent()
                        ? orgs.ofOwners(portal.get(), owners.get())
                        : orgs.all(portal.get()))
                .stream().map(d -> Map.entry(d.get("hs_object_id"), d)).toList();
    }

    private JsonObject next(String after, String path) {
        JsonObject n = new JsonObject();
        n.addProperty("after", after);
        if (path != null) {
            n.addProperty("link", baseUrl() + path.substring(1) + "?after=" + after);
        }
        JsonObject paging = new JsonObject();
        paging.add("next", n);
        return paging;
    }

    private static int parse(String raw, int fallback) {
        return raw == null ? fallback : Integer.parseInt(raw);
    }

    // ---- errors ----

    @Override
    protected Answer failure(Failure f) {
        return switch (f) {
            case Failure.RateLimited rl ->
                    rateLimited(
                            "TEN_SECONDLY_ROLLING",
                            Map.of(
                                    "Retry-After", Integer.toString(rl.retryAfterSeconds()),
                                    "X-HubSpot-RateLimit-Interval-Milliseconds", "10000",
                                    "X-HubSpot-RateLimit-Max", "190",
                                    "X-HubSpot-RateLimit-Remaining", "0"));
            case Failure.QuotaExceeded q ->
                    rateLimited(
                            "DAILY",
                            Map.of(
                                    "X-HubSpot-RateLimit-Daily", "250000",
                                    "X-HubSpot-RateLimit-Daily-Remaining", "0"));
            case Failure.ServerError s -> error(s.status(), "INTERNAL_ERROR", "internal error");
            case Failure.Hang h -> error(503, "INTERNAL_ERROR", "unavailable");
            case Failure.Unauthorized u -> expired();
            case Failure.Forbidden x -> error(403, "MISSING_SCOPES", "missing scopes");
            case Failure.ProviderError p ->
                    p.status() == 429
                            ? rateLimited(p.reason(), Map.of())
                            : error(p.status(), p.reason(), p.reason());
        };
    }

    /** A 429 as HubSpot answers it; {@code policy}: the limit hit. */
    private static Answer rateLimited(String policy, Map<String, String> headers) {
        JsonObject o = new JsonObject();
        o.addProperty("status", "error");
        o.addProperty(
                "message", "You have reached your " + policy.toLowerCase(Locale.ROOT) + " limit.");
        o.addProperty("errorType", "RATE_LIMIT");
        o.addProperty("correlationId", UUID.randomUUID().toString());
        o.addProperty("policyName", policy);
        return new Answer(429, o.toString(), headers);
    }

    @Override
    protected Answer unauthorized() {
        return error(
                401,
                "INVALID_AUTHENTICATION",
                "Authentication credentials not found. This API supports OAuth 2.0 authentication.");
    }

    private static Answer expired() {
        return error(
                401, "EXPIRED_AUTHENTICATION", "The OAuth token used to make this call expired.");
    }

    @Override
    protected String accessPrefix() {
        return "CJT-fake-";
    }

    /** HubSpot's error body: {@code {"status":"error","message":…,"category":…}}. */
    static Answer error(int status, String category, String message) {
        JsonObject o = new JsonObject();
        o.addProperty("status", "error");
        o.addProperty("message", message);
        o.addProperty("correlationId", UUID.randomUUID().toString());
        o.addProperty("category", category);
        return Answer.json(status, o);
    }

    /** The OAuth endpoints' older error body: {@code {"status":"BAD_…","message":…}}. */
    static Answer status(int httpStatus, String status, String message) {
        JsonObject o = new JsonObject();
        o.addProperty("status", status);
        o.addProperty("message", message);
        o.addProperty("correlationId", UUID.randomUUID().toString());
        return Answer.json(httpStatus, o);
    }
}
