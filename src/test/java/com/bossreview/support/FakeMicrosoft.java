package com.bossreview.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Microsoft's identity platform token endpoint ({@code MICROSOFT_LOGIN_URL}: {@code
 * /common/oauth2/v2.0/token}) and the Graph v1.0 calendar ({@code MICROSOFT_GRAPH_URL}: {@link
 * #graphUrl()}) in one in-process server, over {@link FakeCalendarStore}. As Graph documents them:
 * {@code calendarView} and {@code events} paged by {@code @odata.nextLink}; {@code
 * calendarView/delta} rounds ending in an {@code @odata.deltaLink} whose replay reports only what
 * changed, a deleted occurrence as {@code {"id":…, "@removed":{"reason":"deleted"}}}, and {@code
 * 410 syncStateNotFound} once invalidated; {@code getSchedule} with an {@code error} per schedule
 * whose free/busy is not shared; bodies kept as HTML; errors as {@code
 * {"error":{"code":…,"message":…,"innerError":…}}}.
 */
public final class FakeMicrosoft extends FakeProviderServer {
    public static final String CLIENT_ID = "00000000-0000-0000-0000-00000000c1d0";
    public static final String CLIENT_SECRET = "microsoft-client-secret";
    private static final String TENANT = "9188040d-6c67-4c5b-b112-36a304b66dad";
    private static final String TOKEN = "/common/oauth2/v2.0/token";
    private static final String ME = "/v1.0/me/";
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'.0000000'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private int pageSize = 100;

    public FakeMicrosoft() {
        super(CLIENT_ID, CLIENT_SECRET);
    }

    /** What {@code MICROSOFT_LOGIN_URL} should be. */
    public String loginUrl() {
        return baseUrl();
    }

    /** What {@code MICROSOFT_GRAPH_URL} should be. */
    public String graphUrl() {
        return baseUrl() + "v1.0/";
    }

    /** The most items one page holds, whatever {@code $top} asks (paging in tests). */
    public FakeMicrosoft pageSize(int size) {
        lock.lock();
        try {
            this.pageSize = size;
        } finally {
            lock.unlock();
        }
        return this;
    }

    /** The Graph id of the occurrence of {@code seriesId} planned at {@code originalStart}. */
    public static String occurrenceId(String seriesId, Instant originalStart) {
        return "AAMkAGOcc"
                + Base64.getUrlEncoder()
                        .withoutPadding()
                        .encodeToString(
                                (seriesId + "|" + originalStart.getEpochSecond())
                                        .getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected String accessPrefix() {
        return "EwBwA8l6BAAU.fake-";
    }

    @Override
    protected String eventIdPrefix() {
        return "AAMkAGevt";
    }

    @Override
    protected Answer route(Request r) {
        String path = r.path();
        if (path.equals(TOKEN) && r.method().equals("POST")) {
            return token(r);
        }
        Optional<String> account = account(r);
        if (account.isEmpty()) {
            return unauthorized();
        }
        String who = account.get();
        if (path.equals(ME + "calendarView") && r.method().equals("GET")) {
            return calendarView(who, r);
        }
        if (path.equals(ME + "calendarView/delta") && r.method().equals("GET")) {
            return delta(who, r);
        }
        if (path.equals(ME + "calendar/getSchedule") && r.method().equals("POST")) {
            return getSchedule(JsonParser.parseString(r.body()).getAsJsonObject());
        }
        if (path.equals(ME + "events")) {
            return switch (r.method()) {
                case "GET" -> events(who, r);
                case "POST" -> create(who, JsonParser.parseString(r.body()).getAsJsonObject());
                default -> error(405, "ErrorInvalidRequest", "Method not allowed.");
            };
        }
        if (path.startsWith(ME + "events/") && path.endsWith("/instances")) {
            String id = path.substring((ME + "events/").length(), path.length() - 10);
            return r.method().equals("GET")
                    ? instances(who, id, r)
                    : error(405, "ErrorInvalidRequest", "Method not allowed.");
        }
        if (path.startsWith(ME + "events/")) {
            return event(who, path.substring((ME + "events/").length()), r);
        }
        return error(400, "BadRequest", "Resource not found for the segment '" + path + "'.");
    }

    // ---- OAuth ----

    private Answer token(Request r) {
        if (!clientOk(r)) {
            return oauthError(401, "invalid_client", 7000215, "Invalid client secret provided.");
        }
        if (r.form("scope") == null) {
            return oauthError(
                    400,
                    "invalid_request",
                    900144,
                    "The request body must contain the following parameter: 'scope'.");
        }
        String grant = r.form("grant_type");
        if ("authorization_code".equals(grant)) {
            Optional<String> account = redeemCode(r.form("code"), r.form("code_verifier"));
            if (account.isEmpty()) {
                return oauthError(
                        400,
                        "invalid_grant",
                        501481,
                        "The Code_Verifier does not match the code_challenge supplied in the "
                                + "authorization request.");
            }
            return tokens(account.get(), r.form("scope"));
        }
        if ("refresh_token".equals(grant)) {
            Optional<String> account = refreshAccount(r.form("refresh_token"));
            if (account.isEmpty()) {
                return oauthError(
                        400,
                        "invalid_grant",
                        70000,
                        "The user or administrator has not consented to use the application.");
            }
            return tokens(account.get(), r.form("scope"));
        }
        return oauthError(
                400,
                "unsupported_grant_type",
                70003,
                "The app requested an unsupported grant type.");
    }

    /** The v2.0 token answer; every one carries a new refresh token (they rotate). */
    private Answer tokens(String account, String scope) {
        JsonObject o = new JsonObject();
        o.addProperty("token_type", "Bearer");
        o.addProperty(
                "scope",
                scope.replace("offline_access", "")
                                .replace("openid", "")
                                .replace("email", "")
                                .trim()
                        + " openid email");
        o.addProperty("expires_in", 3599);
        o.addProperty("ext_expires_in", 3599);
        o.addProperty("access_token", newAccessToken(account));
        o.addProperty("refresh_token", newRefreshToken(account));
        JsonObject claims = new JsonObject();
        claims.addProperty("aud", clientId());
        claims.addProperty("iss", "https://login.microsoftonline.com/" + TENANT + "/v2.0");
        claims.addProperty("iat", Instant.now().getEpochSecond());
        claims.addProperty("exp", Instant.now().getEpochSecond() + 3600);
        claims.addProperty("preferred_username", account);
        claims.addProperty("tid", TENANT);
        claims.addProperty("ver", "2.0");
        o.addProperty("id_token", idToken(claims));
        return Answer.ok(o);
    }

    private static Answer oauthError(int status, String error, int code, String text) {
        JsonObject o = new JsonObject();
        o.addProperty("error", error);
        o.addProperty(
                "error_description",
                "AADSTS"
                        + code
                        + ": "
                        + text
                        + " Trace ID: "
                        + UUID.randomUUID()
                        + " Correlation ID: "
                        + UUID.randomUUID()
                        + " Timestamp: "
                        + Instant.now());
        JsonArray codes = new JsonArray();
        codes.add(code);
        o.add("error_codes", codes);
        o.addProperty("timestamp", Instant.now().toString());
        o.addProperty("trace_id", UUID.randomUUID().toString());
        o.addProperty("correlation_id", UUID.randomUUID().toString());
        o.addProperty("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return Answer.json(status, o);
    }

    // ---- Graph ----

    private Answer calendarView(String account, Request r) {
        Instant from = Instant.parse(r.query("startDateTime"));
        Instant to = Instant.parse(r.query("endDateTime"));
        List<JsonObject> items = new ArrayList<>();
        for (FakeCalendarStore.Occurrence o :
                store.occurrences(account, Optional.empty(), from, to)) {
            if (!o.cancelled()) {
                items.add(occurrence(o));
            }
        }
        return page(items, r, Optional.empty());
    }

    private Answer events(String account, Request r) {
        String filter = r.query("$filter");
        boolean masters = "type eq 'seriesMaster'".equals(filter);
        if (filter != null && !masters) {
            return error(400, "ErrorInvalidUrlQueryFilter", "fake: only type eq 'seriesMaster'");
        }
        List<JsonObject> items = new ArrayList<>();
        for (FakeCalendarStore.Event e : store.events(account)) {
            if (!e.cancelled && (!masters || e.weekly)) {
                items.add(e.weekly ? master(e) : occurrence(store.occurrence(e, e.start())));
            }
        }
        return page(items, r, Optional.empty());
    }

    private Answer create(String account, JsonObject body) {
        JsonObject start = body.getAsJsonObject("start");
        JsonObject end = body.getAsJsonObject("end");
        ZoneId zone;
        try {
            String name = start.get("timeZone").getAsString();
            if (!name.equals("UTC")
                    && !com.bossreview.calendar.GraphZones.DOCUMENTED.contains(name)) {
                throw new IllegalArgumentException(name);
            }
            zone = ZoneId.of(name);
        } catch (RuntimeException e) {
            return error(
                    400,
                    "TimeZoneNotSupportedException",
                    "A valid TimeZone value must be specified.");
        }
        LocalDateTime s = LocalDateTime.parse(start.get("dateTime").getAsString());
        LocalDateTime e = LocalDateTime.parse(end.get("dateTime").getAsString());
        boolean weekly = false;
        if (body.has("recurrence") && body.get("recurrence").isJsonObject()) {
            JsonObject pattern = body.getAsJsonObject("recurrence").getAsJsonObject("pattern");
            weekly = "weekly".equals(pattern.get("type").getAsString());
            String day = pattern.getAsJsonArray("daysOfWeek").get(0).getAsString();
            if (!s.getDayOfWeek().name().equalsIgnoreCase(day)) {
                return error(400, "ErrorInvalidRecurrence", "fake: start is not on " + day);
            }
        }
        List<String> attendees = new ArrayList<>();
        if (body.has("attendees")) {
            for (JsonElement a : body.getAsJsonArray("attendees")) {
                attendees.add(
                        a.getAsJsonObject()
                                .getAsJsonObject("emailAddress")
                                .get("address")
                                .getAsString());
            }
        }
        String html = "";
        if (body.has("body")) {
            JsonObject b = body.getAsJsonObject("body");
            html = asHtml(b.get("contentType").getAsString(), b.get("content").getAsString());
        }
        FakeCalendarStore.Event created =
                store.add(
                        new FakeCalendarStore.Event(
                                store.newId(eventIdPrefix()),
                                account,
                                body.has("subject") ? body.get("subject").getAsString() : "",
                                html,
                                s,
                                zone,
                                Duration.between(s, e),
                                weekly,
                                attendees));
        return Answer.json(
                201,
                weekly ? master(created) : occurrence(store.occurrence(created, created.start())));
    }

    private Answer event(String account, String id, Request r) {
        Optional<FakeCalendarStore.Event> event =
                store.event(id).filter(e -> e.account.equalsIgnoreCase(account));
        Optional<Instant> original = Optional.empty();
        if (event.isEmpty() && id.startsWith("AAMkAGOcc")) {
            try {
                String[] parts =
                        new String(
                                        Base64.getUrlDecoder()
                                                .decode(id.substring("AAMkAGOcc".length())),
                                        StandardCharsets.UTF_8)
                                .split("\\|");
                Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]));
                event =
                        store.event(parts[0])
                                .filter(e -> e.account.equalsIgnoreCase(account))
                                .filter(e -> e.isPlanned(at))
                                .filter(e -> !store.occurrence(e, at).cancelled());
                original = Optional.of(at);
            } catch (RuntimeException e) {
                event = Optional.empty();
            }
        }
        if (event.isEmpty()) {
            return error(
                    404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        FakeCalendarStore.Event e = event.get();
        Instant at = original.orElse(e.start());
        if (r.method().equals("PATCH")) {
            JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
            if (body.has("body")) {
                JsonObject b = body.getAsJsonObject("body");
                store.describeOccurrence(
                        e,
                        at,
                        asHtml(b.get("contentType").getAsString(), b.get("content").getAsString()));
            }
        } else if (!r.method().equals("GET")) {
            return error(405, "ErrorInvalidRequest", "Method not allowed.");
        }
        return Answer.ok(
                original.isEmpty() && e.weekly ? master(e) : occurrence(store.occurrence(e, at)));
    }

    /**
     * {@code GET me/events/{id}/instances}: both bounds required; a series master's occurrences and
     * exceptions whose time (where they are now) overlaps them, cancelled ones left out.
     */
    private Answer instances(String account, String id, Request r) {
        if (r.query("startDateTime") == null || r.query("endDateTime") == null) {
            return error(
                    400,
                    "ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters"
                            + " StartDateTime and EndDateTime.");
        }
        Optional<FakeCalendarStore.Event> series =
                store.event(id).filter(e -> e.account.equalsIgnoreCase(account));
        if (series.isEmpty()) {
            return error(
                    404, "ErrorItemNotFound", "The specified object was not found in the store.");
        }
        Instant from = Instant.parse(r.query("startDateTime"));
        Instant to = Instant.parse(r.query("endDateTime"));
        List<JsonObject> items = new ArrayList<>();
        for (FakeCalendarStore.Occurrence o :
                store.occurrences(account, Optional.of(id), from, to)) {
            if (!o.cancelled()) {
                items.add(occurrence(o));
            }
        }
        return page(items, r, Optional.empty());
    }

    private Answer getSchedule(JsonObject body) {
        Instant from = utc(body.getAsJsonObject("startTime"));
        Instant to = utc(body.getAsJsonObject("endTime"));
        JsonArray value = new JsonArray();
        for (JsonElement s : body.getAsJsonArray("schedules")) {
            String address = s.getAsString();
            JsonObject info = new JsonObject();
            info.addProperty("scheduleId", address);
            if (!store.known(address) || !store.sharesFreeBusy(address)) {
                JsonObject error = new JsonObject();
                error.addProperty(
                        "message",
                        store.known(address)
                                ? "Microsoft.Exchange.InfoWorker.Common.Availability.NoFreeBusyAccessException"
                                : "The mailbox was not found.");
                error.addProperty(
                        "responseCode",
                        store.known(address)
                                ? "ErrorNoFreeBusyAccess"
                                : "ErrorMailRecipientNotFound");
                info.add("error", error);
            } else {
                JsonArray items = new JsonArray();
                for (FakeCalendarStore.Occurrence o :
                        store.occurrences(address, Optional.empty(), from, to)) {
                    if (!o.cancelled()) {
                        JsonObject item = new JsonObject();
                        item.addProperty("isPrivate", false);
                        item.addProperty("status", "busy");
                        item.addProperty("subject", o.event().title);
                        item.addProperty("location", "");
                        item.add("start", utc(o.start()));
                        item.add("end", utc(o.end()));
                        items.add(item);
                    }
                }
                info.addProperty("availabilityView", "");
                info.add("scheduleItems", items);
            }
            value.add(info);
        }
        JsonObject o = new JsonObject();
        o.addProperty(
                "@odata.context",
                "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)");
        o.add("value", value);
        return Answer.ok(o);
    }

    /**
     * A delta round. The first request fixes the window; {@code $skiptoken} and {@code $deltatoken}
     * carry {@code since:issued:from:to} (since -1: the full read).
     */
    private Answer delta(String account, Request r) {
        long since;
        long issued;
        Instant from;
        Instant to;
        String token =
                r.query("$deltatoken") != null ? r.query("$deltatoken") : r.query("$skiptoken");
        int offset = 0;
        if (token == null) {
            since = -1;
            issued = store.cursor();
            from = Instant.parse(r.query("startDateTime"));
            to = Instant.parse(r.query("endDateTime"));
        } else {
            String[] p =
                    new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                            .split(":");
            since = Long.parseLong(p[0]);
            issued = Long.parseLong(p[1]);
            from = Instant.ofEpochSecond(Long.parseLong(p[2]));
            to = Instant.ofEpochSecond(Long.parseLong(p[3]));
            offset = p.length > 4 ? Integer.parseInt(p[4]) : 0;
            if (r.query("$deltatoken") != null) {
                if (!store.valid(issued)) {
                    return error(
                            410, "syncStateNotFound", "The sync state generation is not found.");
                }
                since = issued;
                issued = store.cursor();
            }
        }
        List<JsonObject> items = new ArrayList<>();
        for (FakeCalendarStore.Event e : store.events(account)) {
            if (since < 0 || e.changed > since) {
                for (FakeCalendarStore.Occurrence o :
                        store.occurrences(account, Optional.of(e.id), from, to)) {
                    if (!o.cancelled()) {
                        items.add(occurrence(o));
                    }
                }
            } else {
                for (FakeCalendarStore.Modified x : e.exceptions.values()) {
                    if (x.changed() <= since) {
                        continue;
                    }
                    FakeCalendarStore.Occurrence o = store.occurrence(e, x.originalStart());
                    boolean inWindow = o.start().isBefore(to) && o.end().isAfter(from);
                    items.add(
                            o.cancelled() || !inWindow
                                    ? removed(occurrenceId(e.id, x.originalStart()))
                                    : occurrence(o));
                }
            }
        }
        int end = Math.min(items.size(), offset + pageSize);
        JsonObject o = new JsonObject();
        o.addProperty(
                "@odata.context", "https://graph.microsoft.com/v1.0/$metadata#Collection(event)");
        JsonArray value = new JsonArray();
        items.subList(offset, end).forEach(value::add);
        o.add("value", value);
        String state =
                since + ":" + issued + ":" + from.getEpochSecond() + ":" + to.getEpochSecond();
        if (end < items.size()) {
            o.addProperty(
                    "@odata.nextLink",
                    graphUrl() + "me/calendarView/delta?$skiptoken=" + encode(state + ":" + end));
        } else {
            String next =
                    issued + ":" + issued + ":" + from.getEpochSecond() + ":" + to.getEpochSecond();
            o.addProperty(
                    "@odata.deltaLink",
                    graphUrl() + "me/calendarView/delta?$deltatoken=" + encode(next));
        }
        return Answer.ok(o);
    }

    private static String encode(String state) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(state.getBytes(StandardCharsets.UTF_8));
    }

    /** A page of a plain collection; the next page's link repeats the query with an offset. */
    private Answer page(List<JsonObject> items, Request r, Optional<String> unused) {
        int offset = r.query("$skip") == null ? 0 : Integer.parseInt(r.query("$skip"));
        int top = r.query("$top") == null ? 10 : Integer.parseInt(r.query("$top"));
        int end = Math.min(items.size(), offset + Math.min(top, pageSize));
        JsonObject o = new JsonObject();
        o.addProperty(
                "@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users('me')/events");
        JsonArray value = new JsonArray();
        items.subList(offset, end).forEach(value::add);
        o.add("value", value);
        if (end < items.size()) {
            Map<String, String> q = new LinkedHashMap<>(r.query());
            q.put("$skip", Integer.toString(end));
            StringBuilder link =
                    new StringBuilder(baseUrl()).append(r.path().substring(1)).append('?');
            q.forEach(
                    (k, v) ->
                            link.append(
                                            URLEncoder.encode(k, StandardCharsets.UTF_8)
                                                    .replace("%24", "$"))
                                    .append('=')
                                    .append(
                                            URLEncoder.encode(v, StandardCharsets.UTF_8)
                                                    .replace("+", "%20"))
                                    .append('&'));
            link.setLength(link.length() - 1);
            o.addProperty("@odata.nextLink", link.toString());
        }
        return Answer.ok(o);
    }

    // ---- JSON ----

    @Override
    protected Answer unauthorized() {
        return error(
                401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
    }

    @Override
    protected Answer failure(Failure f) {
        return switch (f) {
            case Failure.RateLimited rl ->
                    withRetryAfter(
                            error(429, "TooManyRequests", "Too many requests."),
                            rl.retryAfterSeconds());
            case Failure.QuotaExceeded q ->
                    error(
                            429,
                            "ApplicationThrottled",
                            "Application is over its MailboxConcurrency limit.");
            case Failure.ServerError s ->
                    s.status() == 503
                            ? withRetryAfter(
                                    error(503, "ServiceNotAvailable", "Service unavailable."), 10)
                            : error(
                                    s.status(),
                                    "InternalServerError",
                                    "An internal server error occurred.");
            case Failure.Hang h -> error(504, "GatewayTimeout", "Gateway timeout.");
            case Failure.Unauthorized u -> unauthorized();
            case Failure.ProviderError p -> error(p.status(), p.reason(), p.reason());
            case Failure.Forbidden x ->
                    error(
                            403,
                            "ErrorAccessDenied",
                            "Access is denied. Check credentials and try again.");
        };
    }

    private static Answer withRetryAfter(Answer a, int seconds) {
        return new Answer(a.status(), a.body(), Map.of("Retry-After", Integer.toString(seconds)));
    }

    static Answer error(int status, String code, String message) {
        JsonObject inner = new JsonObject();
        inner.addProperty("date", Instant.now().toString());
        inner.addProperty("request-id", UUID.randomUUID().toString());
        inner.addProperty("client-request-id", UUID.randomUUID().toString());
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        error.add("innerError", inner);
        JsonObject o = new JsonObject();
        o.add("error", error);
        return Answer.json(status, o);
    }

    private static String asHtml(String contentType, String content) {
        if (contentType.equalsIgnoreCase("html")) {
            return content;
        }
        String escaped = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<html>\r\n<head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n"
                + "</head>\r\n<body>\r\n"
                + escaped.replace("\n", "<br>\r\n")
                + "\r\n</body>\r\n</html>\r\n";
    }

    private static Instant utc(JsonObject dateTimeTimeZone) {
        if (!"UTC".equals(dateTimeTimeZone.get("timeZone").getAsString())) {
            throw new IllegalArgumentException("fake: getSchedule times in UTC only");
        }
        return LocalDateTime.parse(dateTimeTimeZone.get("dateTime").getAsString())
                .toInstant(ZoneOffset.UTC);
    }

    private static JsonObject utc(Instant t) {
        JsonObject o = new JsonObject();
        o.addProperty("dateTime", UTC.format(t));
        o.addProperty("timeZone", "UTC");
        return o;
    }

    private static JsonObject removed(String id) {
        JsonObject o = new JsonObject();
        o.addProperty("@odata.type", "#microsoft.graph.event");
        o.addProperty("id", id);
        JsonObject why = new JsonObject();
        why.addProperty("reason", "deleted");
        o.add("@removed", why);
        return o;
    }

    private static JsonObject common(FakeCalendarStore.Event e, String id, String type) {
        JsonObject o = new JsonObject();
        o.addProperty("@odata.etag", "W/\"" + e.changed + "\"");
        o.addProperty("id", id);
        o.addProperty("subject", e.title);
        o.addProperty("isOrganizer", true);
        o.addProperty("showAs", "busy");
        o.addProperty("type", type);
        o.addProperty("originalStartTimeZone", e.zone.getId());
        o.addProperty("originalEndTimeZone", e.zone.getId());
        o.addProperty("iCalUId", "040000008200E00074C5B7101A82E008" + e.id);
        JsonArray attendees = new JsonArray();
        for (String email : e.attendees) {
            JsonObject address = new JsonObject();
            address.addProperty("name", email);
            address.addProperty("address", email);
            JsonObject status = new JsonObject();
            status.addProperty("response", "none");
            status.addProperty("time", "0001-01-01T00:00:00Z");
            JsonObject a = new JsonObject();
            a.addProperty("type", "required");
            a.add("status", status);
            a.add("emailAddress", address);
            attendees.add(a);
        }
        o.add("attendees", attendees);
        JsonObject organizer = new JsonObject();
        JsonObject me = new JsonObject();
        me.addProperty("name", e.account);
        me.addProperty("address", e.account);
        organizer.add("emailAddress", me);
        o.add("organizer", organizer);
        return o;
    }

    private static JsonObject master(FakeCalendarStore.Event e) {
        JsonObject o = common(e, e.id, "seriesMaster");
        o.addProperty("isCancelled", e.cancelled);
        o.add("start", utc(e.start()));
        o.add("end", utc(e.end()));
        o.add("body", body(e.description));
        JsonObject pattern = new JsonObject();
        pattern.addProperty("type", "weekly");
        pattern.addProperty("interval", 1);
        pattern.addProperty("month", 0);
        pattern.addProperty("dayOfMonth", 0);
        JsonArray days = new JsonArray();
        days.add(e.day().name().toLowerCase(Locale.ROOT));
        pattern.add("daysOfWeek", days);
        pattern.addProperty("firstDayOfWeek", "sunday");
        pattern.addProperty("index", "first");
        JsonObject range = new JsonObject();
        range.addProperty("type", "noEnd");
        range.addProperty("startDate", e.firstStart.toLocalDate().toString());
        range.addProperty("endDate", "0001-01-01");
        range.addProperty("recurrenceTimeZone", e.zone.getId());
        range.addProperty("numberOfOccurrences", 0);
        JsonObject recurrence = new JsonObject();
        recurrence.add("pattern", pattern);
        recurrence.add("range", range);
        o.add("recurrence", recurrence);
        return o;
    }

    private static JsonObject occurrence(FakeCalendarStore.Occurrence x) {
        FakeCalendarStore.Event e = x.event();
        JsonObject o;
        if (e.weekly) {
            o =
                    common(
                            e,
                            occurrenceId(e.id, x.originalStart()),
                            x.exception() ? "exception" : "occurrence");
            o.addProperty("seriesMasterId", e.id);
            o.addProperty("originalStart", x.originalStart().toString());
        } else {
            o = common(e, e.id, "singleInstance");
        }
        o.addProperty("isCancelled", x.cancelled());
        o.add("start", utc(x.start()));
        o.add("end", utc(x.end()));
        o.add("body", body(x.description()));
        o.add("recurrence", com.google.gson.JsonNull.INSTANCE);
        return o;
    }

    private static JsonObject body(String html) {
        JsonObject b = new JsonObject();
        b.addProperty("contentType", "html");
        b.addProperty("content", html == null ? "" : html);
        return b;
    }
}
