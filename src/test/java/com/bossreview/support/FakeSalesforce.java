package com.bossreview.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce's OAuth endpoints ({@code /services/oauth2/token}, {@code /revoke}, PKCE checked) and
 * the REST {@code query} resource of one org, in one in-process server that is both login host and
 * instance. It answers the two SOQL shapes bossreview sends (active users; opportunities by owner
 * and {@code SystemModstamp}, ordered by it then {@code Id}) as the REST API Developer Guide shows
 * query results: {@code totalSize}, {@code done}, {@code records} with {@code attributes}, {@code
 * nextRecordsUrl} to a further batch; any other query is {@code 400 MALFORMED_QUERY}. Errors are
 * the documented arrays: {@code 401 INVALID_SESSION_ID}, {@code 403 REQUEST_LIMIT_EXCEEDED}, {@code
 * 400 INVALID_FIELD} for {@code CurrencyIsoCode} in a single-currency org.
 *
 * <p>By default one org serves every token; {@link #orgPerAccount} gives each account its own
 * ({@link FakeCrmOrgs}), as benchmarks with thousands of connections need.
 */
public final class FakeSalesforce extends FakeOAuthServer {
    public static final String CLIENT_ID = "3MVG9-salesforce-consumer-key";
    public static final String CLIENT_SECRET = "salesforce-consumer-secret";
    public static final String API = "/services/data/v62.0/";

    private static final Pattern USERS =
            Pattern.compile("SELECT Id, Email, ManagerId FROM User WHERE IsActive = true");
    private static final Pattern DEALS =
            Pattern.compile(
                    "SELECT (.+) FROM Opportunity WHERE OwnerId IN \\((.*)\\) AND SystemModstamp"
                            + " <= (\\S+) AND (.+) ORDER BY SystemModstamp, Id");
    private static final Pattern AFTER = Pattern.compile("SystemModstamp > (\\S+)");
    private static final Pattern AFTER_TIE =
            Pattern.compile(
                    "\\(SystemModstamp > (\\S+) OR \\(SystemModstamp = (\\S+) AND Id > '([^'\\\\]*)'\\)\\)");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

    /** A user as the {@code User} object has it. */
    public record User(String id, String email, String managerId, boolean active) {}

    /** An {@code Opportunity}; {@code currency} only answers in a multi-currency org. */
    public record Opportunity(
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
            Instant modstamp) {
        /** The same deal changed at {@code when}: another amount, stage or close date. */
        public Opportunity changed(
                BigDecimal newAmount, String newStage, LocalDate newClose, Instant when) {
            return new Opportunity(
                    id,
                    name,
                    ownerId,
                    newAmount,
                    currency,
                    newClose,
                    newStage,
                    closed,
                    won,
                    forecastCategory,
                    when);
        }
    }

    private final List<User> users = new ArrayList<>();
    private final Map<String, Opportunity> deals = new LinkedHashMap<>();
    private final Map<String, List<JsonObject>> locators = new HashMap<>();

    /** Null: one org for every token (the default). */
    private FakeCrmOrgs<User, Opportunity> orgs;

    private int pageSize = 2000;
    private boolean multiCurrency = true;
    private int locatorSeq;

    public FakeSalesforce() {
        super(CLIENT_ID, CLIENT_SECRET);
    }

    /** What {@code SALESFORCE_LOGIN_URL} should be; also the {@code instance_url} it hands out. */
    public String url() {
        return baseUrl();
    }

    /** The {@code instance_url} a token answer names: no trailing slash, as Salesforce sends it. */
    public String instanceUrl() {
        String b = baseUrl();
        return b.substring(0, b.length() - 1);
    }

    /** The most records one batch holds (paging in tests; Salesforce's default is 2000). */
    public FakeSalesforce pageSize(int size) {
        lock.lock();
        try {
            this.pageSize = size;
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** A single-currency org has no {@code CurrencyIsoCode} field. */
    public FakeSalesforce multiCurrency(boolean on) {
        lock.lock();
        try {
            this.multiCurrency = on;
        } finally {
            lock.unlock();
        }
        return this;
    }

    /**
     * From now on each account sees only its own org: users are added to an org ({@link
     * #addOrgUser}), an opportunity is in its owner's, and a token sees its account's org (the one
     * with a user of that e-mail). Call it before adding anyone.
     */
    public FakeSalesforce orgPerAccount() {
        lock.lock();
        try {
            if (!users.isEmpty() || !deals.isEmpty()) {
                throw new IllegalStateException("org per account: turn it on before adding data");
            }
            orgs =
                    new FakeCrmOrgs<>(
                            User::id,
                            User::email,
                            Opportunity::id,
                            Opportunity::ownerId,
                            Comparator.comparing(Opportunity::modstamp));
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** A user of {@code org} ({@link #orgPerAccount} mode). */
    public void addOrgUser(String org, String id, String email, String managerId, boolean active) {
        lock.lock();
        try {
            if (orgs == null) {
                throw new IllegalStateException("not in org-per-account mode: use addUser");
            }
            orgs.addUser(org, new User(id, email, managerId, active));
        } finally {
            lock.unlock();
        }
    }

    public void addUser(String id, String email, String managerId, boolean active) {
        lock.lock();
        try {
            if (orgs != null) {
                throw new IllegalStateException("org per account: use addOrgUser");
            }
            users.add(new User(id, email, managerId, active));
        } finally {
            lock.unlock();
        }
    }

    /** Creates or replaces an opportunity; its modstamp is cut to whole seconds, as stored. */
    public Opportunity put(Opportunity o) {
        Opportunity stored =
                new Opportunity(
                        o.id(),
                        o.name(),
                        o.ownerId(),
                        o.amount(),
                        o.currency(),
                        o.closeDate(),
                        o.stage(),
                        o.closed(),
                        o.won(),
                        o.forecastCategory(),
                        o.modstamp().truncatedTo(ChronoUnit.SECONDS));
        lock.lock();
        try {
            if (orgs != null) {
                return orgs.put(stored);
            }
            deals.put(o.id(), stored);
            return stored;
        } finally {
            lock.unlock();
        }
    }

    public Opportunity deal(String id) {
        lock.lock();
        try {
            return orgs != null ? orgs.deal(id) : deals.get(id);
        } finally {
            lock.unlock();
        }
    }

    // ---- routing ----

    @Override
    protected Answer route(Request r) {
        String path = r.path();
        if (path.equals("/services/oauth2/token") && r.method().equals("POST")) {
            return token(r);
        }
        if (path.equals("/services/oauth2/revoke") && r.method().equals("POST")) {
            String token = r.form("token");
            return token != null && revoke(token)
                    ? new Answer(200, "", Map.of())
                    : oauthError(400, "invalid_token", "invalid token");
        }
        Optional<String> account = account(r);
        if (account.isEmpty()) {
            return unauthorized();
        }
        if (r.method().equals("GET") && path.equals(API + "query")) {
            return query(r.query("q"), orgs == null ? Optional.empty() : orgs.orgOf(account.get()));
        }
        if (r.method().equals("GET") && path.startsWith(API + "query/")) {
            List<JsonObject> rest = locators.remove(path.substring((API + "query/").length()));
            return rest == null
                    ? error(400, "INVALID_QUERY_LOCATOR", "invalid query locator")
                    : batch(rest.size(), rest);
        }
        return error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private Answer token(Request r) {
        if (!clientOk(r)) {
            return oauthError(400, "invalid_client", "invalid client credentials");
        }
        String grant = r.form("grant_type");
        if ("authorization_code".equals(grant)) {
            if (r.form("redirect_uri") == null) {
                return oauthError(400, "redirect_uri_mismatch", "redirect_uri must match");
            }
            Optional<String> account = redeemCode(r.form("code"), r.form("code_verifier"));
            if (account.isEmpty()) {
                return oauthError(400, "invalid_grant", "invalid authorization code");
            }
            String refresh = newRefreshToken(account.get());
            return tokens(account.get(), refresh, true);
        }
        if ("refresh_token".equals(grant)) {
            Optional<String> account = refreshAccount(r.form("refresh_token"));
            if (account.isEmpty()) {
                return oauthError(400, "invalid_grant", "expired access/refresh token");
            }
            return tokens(account.get(), r.form("refresh_token"), false);
        }
        return oauthError(400, "unsupported_grant_type", "grant type not supported");
    }

    /** The web server flow's answer: no {@code expires_in}, the org's {@code instance_url}. */
    private Answer tokens(String account, String refresh, boolean sendRefresh) {
        String access = newAccessToken(account);
        issuedWith(access, refresh);
        JsonObject o = new JsonObject();
        o.addProperty("access_token", access);
        if (sendRefresh) {
            o.addProperty("refresh_token", refresh);
        }
        o.addProperty("signature", "c2lnbmF0dXJl");
        o.addProperty("scope", "refresh_token api");
        o.addProperty("instance_url", instanceUrl());
        o.addProperty("id", instanceUrl() + "/id/00DFAKE000000001/005FAKE" + account.hashCode());
        o.addProperty("token_type", "Bearer");
        o.addProperty("issued_at", Long.toString(System.currentTimeMillis()));
        return Answer.ok(o);
    }

    /** {@code org}: the token's, in org-per-account mode. */
    private Answer query(String q, Optional<String> org) {
        if (q == null) {
            return error(400, "MALFORMED_QUERY", "q is required");
        }
        if (USERS.matcher(q).matches()) {
            List<JsonObject> records = new ArrayList<>();
            for (User u : orgs == null ? users : org.map(orgs::users).orElse(List.of())) {
                if (u.active()) {
                    JsonObject o = FakeSalesforceRecords.attributes("User", u.id());
                    o.addProperty("Id", u.id());
                    o.addProperty("Email", u.email());
                    FakeSalesforceRecords.nullable(o, "ManagerId", u.managerId());
                    records.add(o);
                }
            }
            return first(records);
        }
        Matcher m = DEALS.matcher(q);
        if (!m.matches()) {
            return error(400, "MALFORMED_QUERY", "unexpected query: " + q);
        }
        List<String> fields = List.of(m.group(1).split(", "));
        if (fields.contains("CurrencyIsoCode") && !multiCurrency) {
            return error(
                    400,
                    "INVALID_FIELD",
                    "No such column 'CurrencyIsoCode' on entity 'Opportunity'.");
        }
        Set<String> owners = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(m.group(2));
        while (quoted.find()) {
            owners.add(quoted.group(1).replace("\\'", "'").replace("\\\\", "\\"));
        }
        Instant until = Instant.parse(m.group(3));
        Instant after;
        String tieId = null;
        Matcher tie = AFTER_TIE.matcher(m.group(4));
        Matcher plain = AFTER.matcher(m.group(4));
        if (tie.matches() && tie.group(1).equals(tie.group(2))) {
            after = Instant.parse(tie.group(1));
            tieId = tie.group(3);
        } else if (plain.matches()) {
            after = Instant.parse(plain.group(1));
        } else {
            return error(400, "MALFORMED_QUERY", "unexpected condition: " + m.group(4));
        }
        String afterId = tieId;
        Collection<Opportunity> candidates =
                orgs == null
                        ? deals.values()
                        : org.map(o -> orgs.ofOwners(o, owners)).orElse(List.of());
        List<JsonObject> records =
                candidates.stream()
                        .filter(o -> owners.contains(o.ownerId()))
                        .filter(o -> !o.modstamp().isAfter(until))
                        .filter(
                                o ->
                                        o.modstamp().isAfter(after)
                                                || (afterId != null
                                                        && o.modstamp().equals(after)
                                                        && o.id().compareTo(afterId) > 0))
                        .sorted(
                                Comparator.comparing(Opportunity::modstamp)
                                        .thenComparing(Opportunity::id))
                        .map(o -> FakeSalesforceRecords.record(o, fields))
                        .toList();
        return first(records);
    }

    /** The first batch; the rest kept behind a query locator. */
    private Answer first(List<JsonObject> all) {
        return batch(all.size(), all);
    }

    private Answer batch(int totalSize, List<JsonObject> rest) {
        JsonObject o = new JsonObject();
        o.addProperty("totalSize", totalSize);
        List<JsonObject> now = rest.subList(0, Math.min(pageSize, rest.size()));
        boolean done = now.size() == rest.size();
        o.addProperty("done", done);
        if (!done) {
            String locator = "01gFAKE" + (++locatorSeq) + "-" + pageSize;
            locators.put(locator, new ArrayList<>(rest.subList(now.size(), rest.size())));
            o.addProperty("nextRecordsUrl", API + "query/" + locator);
        }
        JsonArray records = new JsonArray();
        now.forEach(records::add);
        o.add("records", records);
        return Answer.ok(o);
    }

    // ---- errors ----

    @Override
    protected Answer failure(Failure f) {
        return switch (f) {
            // Salesforce has no 429 for API calls: its limit is the org's 24-hour allowance
            case Failure.RateLimited rl ->
                    error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            case Failure.QuotaExceeded q ->
                    error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.");
            case Failure.ServerError s -> error(s.status(), "SERVER_UNAVAILABLE", "Unavailable");
            case Failure.Hang h -> error(503, "SERVER_UNAVAILABLE", "Unavailable");
            case Failure.Unauthorized u -> unauthorized();
            case Failure.Forbidden x ->
                    error(
                            403,
                            "API_DISABLED_FOR_ORG",
                            "The REST API is not enabled for this Organization.");
            case Failure.ProviderError p -> error(p.status(), p.reason(), p.reason());
        };
    }

    @Override
    protected Answer unauthorized() {
        return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    @Override
    protected String accessPrefix() {
        return "00DFAKE!sf-";
    }

    /** The REST API's error body: {@code [{"message":…,"errorCode":…}]}. */
    static Answer error(int status, String code, String message) {
        JsonObject e = new JsonObject();
        e.addProperty("message", message);
        e.addProperty("errorCode", code);
        JsonArray a = new JsonArray();
        a.add(e);
        return new Answer(status, a.toString(), Map.of());
    }

    static Answer oauthError(int status, String error, String description) {
        JsonObject o = new JsonObject();
        o.addProperty("error", error);
        o.addProperty("error_description", description);
        return Answer.json(status, o);
    }
}
