package com.bossreview.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Google's OAuth endpoints ({@code GOOGLE_OAUTH_URL}: {@code /token}, {@code /revoke}) and Calendar
 * API v3 ({@code GOOGLE_API_URL}: {@code /calendar/v3/…}) in one in-process server, over {@link
 * FakeCalendarStore}. Answers follow the reference's shapes: {@code events.list} paging with {@code
 * nextPageToken} and ending with {@code nextSyncToken}, a sync token refusing the parameters the
 * reference forbids with it and answering {@code 410 fullSyncRequired} once invalidated, changed
 * occurrences as exception events ({@code recurringEventId}, {@code originalStartTime}), a
 * cancelled one reduced to {@code status: cancelled}; errors as the "Handle API errors" guide shows
 * them.
 */
public final class FakeGoogle extends FakeProviderServer {
    public static final String CLIENT_ID = "google-client-id.apps.googleusercontent.com";
    public static final String CLIENT_SECRET = "google-client-secret";
    private static final String API = "/calendar/v3/";
    private static final String EVENTS = API + "calendars/primary/events";
    private static final DateTimeFormatter INSTANCE_ID =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private int pageSize = 250;

    public FakeGoogle() {
        super(CLIENT_ID, CLIENT_SECRET);
    }

    /** What {@code GOOGLE_OAUTH_URL} and {@code GOOGLE_API_URL} should be. */
    public String url() {
        return baseUrl();
    }

    /** The most items one page holds, whatever {@code maxResults} asks (paging in tests). */
    public FakeGoogle pageSize(int size) {
        lock.lock();
        try {
            this.pageSize = size;
        } finally {
            lock.unlock();
        }
        return this;
    }

    @Override
    protected String accessPrefix() {
        return "ya29.fake-";
    }

    @Override
    protected String eventIdPrefix() {
        return "evt";
    }

    @Override
    protected Answer route(Request r) {
        String path = r.path();
        if (path.equals("/token") && r.method().equals("POST")) {
            return token(r);
        }
        if (path.equals("/revoke") && r.method().equals("POST")) {
            String token = r.form("token");
            return token != null && revoke(token)
                    ? Answer.ok(new JsonObject())
                    : oauthError(400, "invalid_token", "Token expired or revoked");
        }
        Optional<String> account = account(r);
        if (account.isEmpty()) {
            return unauthorized();
        }
        String who = account.get();
        if (path.equals(API + "freeBusy") && r.method().equals("POST")) {
            return freeBusy(who, JsonParser.parseString(r.body()).getAsJsonObject());
        }
        if (path.equals(EVENTS)) {
            return switch (r.method()) {
                case "GET" -> list(who, r);
                case "POST" -> insert(who, JsonParser.parseString(r.body()).getAsJsonObject());
                default -> error(405, "global", "httpMethodNotAllowed", "Method Not Allowed");
            };
        }
        if (path.startsWith(EVENTS + "/")) {
            String[] rest = path.substring(EVENTS.length() + 1).split("/");
            if (rest.length == 2 && rest[1].equals("instances") && r.method().equals("GET")) {
                return instances(who, rest[0], r);
            }
            if (rest.length == 1) {
                return event(who, rest[0], r);
            }
        }
        return error(404, "global", "notFound", "Not Found");
    }

    // ---- OAuth ----

    private Answer token(Request r) {
        if (!clientOk(r)) {
            return oauthError(401, "invalid_client", "The OAuth client was not found.");
        }
        String grant = r.form("grant_type");
        if ("authorization_code".equals(grant)) {
            if (r.form("redirect_uri") == null || r.form("redirect_uri").isEmpty()) {
                return oauthError(400, "invalid_request", "Missing parameter: redirect_uri");
            }
            Optional<String> account = redeemCode(r.form("code"), r.form("code_verifier"));
            if (account.isEmpty()) {
                return oauthError(400, "invalid_grant", "Bad Request");
            }
            String refresh = newRefreshToken(account.get());
            return tokens(account.get(), refresh, true);
        }
        if ("refresh_token".equals(grant)) {
            Optional<String> account = refreshAccount(r.form("refresh_token"));
            if (account.isEmpty()) {
                return oauthError(400, "invalid_grant", "Token has been expired or revoked.");
            }
            return tokens(account.get(), r.form("refresh_token"), false);
        }
        return oauthError(400, "unsupported_grant_type", "Invalid grant_type: " + grant);
    }

    /** Google's token answer; a refresh answers without a new refresh token. */
    private Answer tokens(String account, String refresh, boolean sendRefresh) {
        JsonObject o = new JsonObject();
        String access = newAccessToken(account);
        issuedWith(access, refresh);
        o.addProperty("access_token", access);
        o.addProperty("expires_in", 3599);
        if (sendRefresh) {
            o.addProperty("refresh_token", refresh);
        }
        o.addProperty(
                "scope",
                "https://www.googleapis.com/auth/calendar.events.owned "
                        + "https://www.googleapis.com/auth/calendar.events.freebusy "
                        + "https://www.googleapis.com/auth/userinfo.email openid");
        o.addProperty("token_type", "Bearer");
        JsonObject claims = new JsonObject();
        claims.addProperty("iss", "https://accounts.google.com");
        claims.addProperty("aud", clientId());
        claims.addProperty("sub", "1" + Integer.toUnsignedString(account.hashCode()));
        claims.addProperty("email", account);
        claims.addProperty("email_verified", true);
        claims.addProperty("iat", Instant.now().getEpochSecond());
        claims.addProperty("exp", Instant.now().getEpochSecond() + 3600);
        o.addProperty("id_token", idToken(claims));
        return Answer.ok(o);
    }

    private static Answer oauthError(int status, String error, String description) {
        JsonObject o = new JsonObject();
        o.addProperty("error", error);
        o.addProperty("error_description", description);
        return Answer.json(status, o);
    }

    // ---- Calendar ----

    private Answer freeBusy(String account, JsonObject body) {
        Instant from = Instant.parse(body.get("timeMin").getAsString());
        Instant to = Instant.parse(body.get("timeMax").getAsString());
        JsonObject calendars = new JsonObject();
        for (JsonElement item : body.getAsJsonArray("items")) {
            String id = item.getAsJsonObject().get("id").getAsString();
            String whose = id.equals("primary") ? account : id;
            JsonObject c = new JsonObject();
            JsonArray busy = new JsonArray();
            if (!id.equals("primary") && (!store.known(whose) || !store.sharesFreeBusy(whose))) {
                JsonArray errors = new JsonArray();
                JsonObject e = new JsonObject();
                e.addProperty("domain", "global");
                e.addProperty("reason", "notFound");
                errors.add(e);
                c.add("errors", errors);
            } else {
                for (FakeCalendarStore.Occurrence o :
                        store.occurrences(whose, Optional.empty(), from, to)) {
                    if (!o.cancelled()) {
                        JsonObject b = new JsonObject();
                        b.addProperty("start", o.start().toString());
                        b.addProperty("end", o.end().toString());
                        busy.add(b);
                    }
                }
            }
            c.add("busy", busy);
            calendars.add(id, c);
        }
        JsonObject o = new JsonObject();
        o.addProperty("kind", "calendar#freeBusy");
        o.addProperty("timeMin", from.toString());
        o.addProperty("timeMax", to.toString());
        o.add("calendars", calendars);
        return Answer.ok(o);
    }

    private Answer insert(String account, JsonObject body) {
        JsonObject start = body.getAsJsonObject("start");
        JsonObject end = body.getAsJsonObject("end");
        if (start == null || end == null || !start.has("dateTime")) {
            return error(400, "global", "required", "Missing start time.");
        }
        if (!start.has("timeZone")) {
            return error(400, "global", "invalid", "Missing time zone definition for start time.");
        }
        ZoneId zone = ZoneId.of(start.get("timeZone").getAsString());
        LocalDateTime s = LocalDateTime.parse(start.get("dateTime").getAsString());
        LocalDateTime e = LocalDateTime.parse(end.get("dateTime").getAsString());
        boolean weekly = false;
        if (body.has("recurrence")) {
            for (JsonElement rule : body.getAsJsonArray("recurrence")) {
                weekly |= rule.getAsString().startsWith("RRULE:FREQ=WEEKLY");
            }
        }
        List<String> attendees = new ArrayList<>();
        if (body.has("attendees")) {
            body.getAsJsonArray("attendees")
                    .forEach(a -> attendees.add(a.getAsJsonObject().get("email").getAsString()));
        }
        FakeCalendarStore.Event created =
                store.add(
                        new FakeCalendarStore.Event(
                                store.newId(eventIdPrefix()),
                                account,
                                body.has("summary") ? body.get("summary").getAsString() : "",
                                body.has("description")
                                        ? body.get("description").getAsString()
                                        : "",
                                s,
                                zone,
                                Duration.between(s, e),
                                weekly,
                                attendees));
        return Answer.ok(master(created));
    }

    private Answer list(String account, Request r) {
        String syncToken = r.query("syncToken");
        boolean single = "true".equals(r.query("singleEvents"));
        boolean showDeleted = "true".equals(r.query("showDeleted"));
        List<JsonObject> items = new ArrayList<>();
        long since;
        if (syncToken != null) {
            for (String forbidden :
                    List.of("timeMin", "timeMax", "q", "orderBy", "updatedMin", "iCalUID")) {
                if (r.query(forbidden) != null) {
                    return error(
                            400,
                            "global",
                            "invalid",
                            "Sync token cannot be used with other request restrictions.");
                }
            }
            if ("false".equals(r.query("showDeleted"))) {
                return error(
                        400,
                        "global",
                        "invalid",
                        "Sync token cannot be used with other request restrictions.");
            }
            if (single) {
                return error(400, "global", "invalid", "fake: sync only with singleEvents=false");
            }
            since = parseCursor(syncToken);
            if (!store.valid(since)) {
                return error(
                        410,
                        "calendar",
                        "fullSyncRequired",
                        "Sync token is no longer valid, a full sync is required.");
            }
            for (FakeCalendarStore.Event e : store.events(account)) {
                if (e.changed > since) {
                    items.add(e.cancelled ? cancelledMaster(e) : master(e));
                }
                e.exceptions.values().stream()
                        .filter(x -> x.changed() > since)
                        .forEach(x -> items.add(instance(store.occurrence(e, x.originalStart()))));
            }
        } else {
            Instant from =
                    r.query("timeMin") == null
                            ? Instant.EPOCH
                            : OffsetDateTime.parse(r.query("timeMin")).toInstant();
            Instant to =
                    r.query("timeMax") == null
                            ? from.plus(Duration.ofDays(366))
                            : OffsetDateTime.parse(r.query("timeMax")).toInstant();
            if (single) {
                for (FakeCalendarStore.Occurrence o :
                        store.occurrences(account, Optional.empty(), from, to)) {
                    if (!o.cancelled() || showDeleted) {
                        items.add(instance(o));
                    }
                }
            } else {
                for (FakeCalendarStore.Event e : store.events(account)) {
                    boolean inRange = (e.weekly || e.end().isAfter(from)) && e.start().isBefore(to);
                    if (inRange && (!e.cancelled || showDeleted)) {
                        items.add(e.cancelled ? cancelledMaster(e) : master(e));
                        // cancelled instances come along even without showDeleted (reference)
                        e.exceptions
                                .keySet()
                                .forEach(k -> items.add(instance(store.occurrence(e, k))));
                    }
                }
            }
        }
        return page(items, r);
    }

    private Answer instances(String account, String id, Request r) {
        Optional<FakeCalendarStore.Event> e =
                store.event(id).filter(x -> x.account.equalsIgnoreCase(account));
        if (e.isEmpty()) {
            return error(404, "global", "notFound", "Not Found");
        }
        Instant from = OffsetDateTime.parse(r.query("timeMin")).toInstant();
        Instant to = OffsetDateTime.parse(r.query("timeMax")).toInstant();
        boolean showDeleted = "true".equals(r.query("showDeleted"));
        List<JsonObject> items = new ArrayList<>();
        for (FakeCalendarStore.Occurrence o :
                store.occurrences(account, Optional.of(id), from, to)) {
            if (!o.cancelled() || showDeleted) {
                items.add(instance(o));
            }
        }
        return page(items, r);
    }

    /** One page of {@code items}; the last one carries the sync token issued now. */
    private Answer page(List<JsonObject> items, Request r) {
        String pageToken = r.query("pageToken");
        int offset = 0;
        long cursor = store.cursor();
        if (pageToken != null) {
            String[] parts = pageToken.split("_");
            offset = Integer.parseInt(parts[0].substring(1));
            cursor = Long.parseLong(parts[1]);
        }
        int max =
                Math.min(
                        pageSize,
                        r.query("maxResults") == null
                                ? 250
                                : Integer.parseInt(r.query("maxResults")));
        int end = Math.min(items.size(), offset + max);
        JsonObject o = new JsonObject();
        o.addProperty("kind", "calendar#events");
        o.addProperty("summary", "primary");
        o.addProperty("timeZone", "UTC");
        o.addProperty("accessRole", "owner");
        String fields = r.query("fields");
        if (fields == null || fields.contains("items")) {
            JsonArray page = new JsonArray();
            items.subList(offset, end).forEach(page::add);
            o.add("items", page);
        }
        if (end < items.size()) {
            o.addProperty("nextPageToken", "p" + end + "_" + cursor);
        } else if (!r.path().endsWith("/instances")) {
            o.addProperty("nextSyncToken", "sync-" + cursor);
        }
        return Answer.ok(o);
    }

    private Answer event(String account, String id, Request r) {
        Optional<FakeCalendarStore.Event> master =
                store.event(id).filter(x -> x.account.equalsIgnoreCase(account));
        Optional<Instant> original = Optional.empty();
        if (master.isEmpty() && id.contains("_")) {
            String seriesId = id.substring(0, id.lastIndexOf('_'));
            try {
                Instant at =
                        INSTANCE_ID.parse(id.substring(id.lastIndexOf('_') + 1), Instant::from);
                master =
                        store.event(seriesId)
                                .filter(x -> x.account.equalsIgnoreCase(account))
                                .filter(x -> x.weekly && x.isPlanned(at));
                original = Optional.of(at);
            } catch (java.time.format.DateTimeParseException e) {
                master = Optional.empty();
            }
        }
        if (master.isEmpty()) {
            return error(404, "global", "notFound", "Not Found");
        }
        FakeCalendarStore.Event e = master.get();
        if (r.method().equals("PATCH") || r.method().equals("PUT")) {
            JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
            if (body.has("description")) {
                store.describeOccurrence(
                        e, original.orElse(e.start()), body.get("description").getAsString());
            }
        } else if (!r.method().equals("GET")) {
            return error(405, "global", "httpMethodNotAllowed", "Method Not Allowed");
        }
        return Answer.ok(
                original.isPresent() ? instance(store.occurrence(e, original.get())) : master(e));
    }

    // ---- JSON ----

    @Override
    protected Answer unauthorized() {
        return error(401, "global", "authError", "Invalid Credentials");
    }

    @Override
    protected Answer failure(Failure f) {
        return switch (f) {
            case Failure.RateLimited rl -> {
                Answer a = error(429, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
                yield new Answer(
                        a.status(),
                        a.body(),
                        Map.of("Retry-After", Integer.toString(rl.retryAfterSeconds())));
            }
            case Failure.QuotaExceeded q ->
                    error(403, "usageLimits", "rateLimitExceeded", "Rate Limit Exceeded");
            case Failure.ServerError s ->
                    error(s.status(), "global", "backendError", "Backend Error");
            case Failure.Hang h -> error(503, "global", "backendError", "Backend Error");
            case Failure.Unauthorized u -> unauthorized();
            case Failure.Forbidden x -> error(403, "global", "forbidden", "Forbidden");
            case Failure.ProviderError p -> error(p.status(), "global", p.reason(), p.reason());
        };
    }

    /** The documented error body: {@code {"error":{"errors":[…],"code":…,"message":…}}}. */
    static Answer error(int status, String domain, String reason, String message) {
        JsonObject e = new JsonObject();
        e.addProperty("domain", domain);
        e.addProperty("reason", reason);
        e.addProperty("message", message);
        JsonArray errors = new JsonArray();
        errors.add(e);
        JsonObject error = new JsonObject();
        error.add("errors", errors);
        error.addProperty("code", status);
        error.addProperty("message", message);
        JsonObject o = new JsonObject();
        o.add("error", error);
        return Answer.json(status, o);
    }

    private static long parseCursor(String token) {
        try {
            return Long.parseLong(token.substring("sync-".length()));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static String instanceId(String seriesId, Instant originalStart) {
        return seriesId + "_" + INSTANCE_ID.format(originalStart);
    }

    private static JsonObject time(Instant t, ZoneId zone) {
        JsonObject o = new JsonObject();
        o.addProperty(
                "dateTime",
                t.atZone(zone).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        o.addProperty("timeZone", zone.getId());
        return o;
    }

    private static JsonObject common(FakeCalendarStore.Event e, String id) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", "calendar#event");
        o.addProperty("etag", "\"" + e.changed + "\"");
        o.addProperty("id", id);
        return o;
    }

    private static JsonObject master(FakeCalendarStore.Event e) {
        JsonObject o = common(e, e.id);
        o.addProperty("status", e.cancelled ? "cancelled" : "confirmed");
        o.addProperty("htmlLink", "https://www.google.com/calendar/event?eid=" + e.id);
        o.addProperty("summary", e.title);
        if (!e.description.isEmpty()) {
            o.addProperty("description", e.description);
        }
        JsonObject organizer = new JsonObject();
        organizer.addProperty("email", e.account);
        organizer.addProperty("self", true);
        o.add("creator", organizer.deepCopy());
        o.add("organizer", organizer);
        o.add("start", time(e.start(), e.zone));
        o.add("end", time(e.end(), e.zone));
        if (e.weekly) {
            JsonArray rec = new JsonArray();
            rec.add("RRULE:FREQ=WEEKLY;BYDAY=" + e.day().name().substring(0, 2));
            o.add("recurrence", rec);
        }
        o.addProperty("iCalUID", e.id + "@google.com");
        o.addProperty("sequence", 0);
        o.add("attendees", attendees(e));
        o.addProperty("eventType", "default");
        return o;
    }

    private static JsonObject cancelledMaster(FakeCalendarStore.Event e) {
        JsonObject o = common(e, e.id);
        o.addProperty("status", "cancelled");
        return o;
    }

    private static JsonObject instance(FakeCalendarStore.Occurrence x) {
        FakeCalendarStore.Event e = x.event();
        if (!e.weekly) {
            return master(e);
        }
        JsonObject o = common(e, instanceId(e.id, x.originalStart()));
        o.addProperty("status", x.cancelled() ? "cancelled" : "confirmed");
        o.addProperty("recurringEventId", e.id);
        o.add("originalStartTime", time(x.originalStart(), e.zone));
        if (x.cancelled() && x.exception()) {
            return o; // a cancelled exception is little more than its identity
        }
        o.addProperty("summary", e.title);
        if (x.description() != null && !x.description().isEmpty()) {
            o.addProperty("description", x.description());
        }
        o.add("start", time(x.start(), e.zone));
        o.add("end", time(x.end(), e.zone));
        o.add("attendees", attendees(e));
        o.addProperty("iCalUID", e.id + "@google.com");
        return o;
    }

    private static JsonArray attendees(FakeCalendarStore.Event e) {
        JsonArray a = new JsonArray();
        for (String email : e.attendees) {
            JsonObject at = new JsonObject();
            at.addProperty("email", email);
            at.addProperty("responseStatus", "needsAction");
            a.add(at);
        }
        return a;
    }
}
