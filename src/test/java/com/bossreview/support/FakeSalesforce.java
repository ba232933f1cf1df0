package com.bossreview.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 */
public final class FakeSalesforce extends FakeOAuthServer {
    public static final String CLIENT_ID = "3MVG9-salesforce-consumer-key";
    public static final String CLIENT_SECRET = "salesforce-consumer-secret";
    public static final String API = "/services/data/v62.0/";

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);
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

    public void addUser(String id, String email, String managerId, boolean active) {
        lock.lock();
        try {
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
            deals.put(o.id(), stored);
            return stored;
        } finally {
            lock.unlock();
        }
    }

    public Opportunity deal(String id) {
        lock.lock();
        try {
            return deals.get(id);
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
        if (account(r).isEmpty()) {
            return unauthorized();
        }
        if (r.method().equals("GET") && path.equals(API + "query")) {
            return query(r.query("q"));
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

    private Answer query(String q) {
        if (q == null) {
            return error(400, "MALFORMED_QUERY", "q is required");
        }
        if (USERS.matcher(q).matches()) {
            List<JsonObject> records = new ArrayList<>();
            for (User u : users) {
                if (u.active()) {
                    JsonObject o = attributes("User", u.id());
                    o.addProperty("Id", u.id());
                    o.addProperty("Email", u.email());
                    nullable(o, "ManagerId", u.managerId());
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
        List<String> owners = new ArrayList<>();
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
        List<JsonObject> records =
                deals.values().stream()
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
                        .map(o -> record(o, fields))
                        .toList();
        return first(records);
    }

    private static JsonObject record(Opportunity o, List<String> fields) {
        JsonObject r = attributes("Opportunity", o.id());
        for (String f : fields) {
            switch (f) {
                case "Id" -> r.addProperty("Id", o.id());
                case "Name" -> r.addProperty("Name", o.name());
                case "OwnerId" -> r.addProperty("OwnerId", o.ownerId());
                case "Amount" -> {
                    if (o.amount() == null) {
                        r.add("Amount", JsonNull.INSTANCE);
                    } else {
                        r.addProperty("Amount", o.amount());
                    }
                }
                case "CurrencyIsoCode" -> nullable(r, "CurrencyIsoCode", o.currency());
                case "CloseDate" ->
                        nullable(
                                r,
                                "CloseDate",
                                o.closeDate() == null ? null : o.closeDate().toString());
                case "StageName" -> r.addProperty("StageName", o.stage());
                case "IsClosed" -> r.addProperty("IsClosed", o.closed());
                case "IsWon" -> r.addProperty("IsWon", o.won());
                case "ForecastCategoryName" ->
                        nullable(r, "ForecastCategoryName", o.forecastCategory());
                case "SystemModstamp" ->
                        r.addProperty("SystemModstamp", STAMP.format(o.modstamp()));
                default -> throw new IllegalArgumentException("no such field: " + f);
            }
        }
        return r;
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

    private static JsonObject attributes(String type, String id) {
        JsonObject a = new JsonObject();
        a.addProperty("type", type);
        a.addProperty("url", API + "sobjects/" + type + "/" + id);
        JsonObject o = new JsonObject();
        o.add("attributes", a);
        return o;
    }

    private static void nullable(JsonObject o, String key, String value) {
        if (value == null) {
            o.add(key, JsonNull.INSTANCE);
        } else {
            o.addProperty(key, value);
        }
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
