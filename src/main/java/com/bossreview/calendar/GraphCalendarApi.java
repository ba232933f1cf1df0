package com.bossreview.calendar;

import static com.bossreview.calendar.GraphEvents.hasAttendee;
import static com.bossreview.calendar.GraphEvents.interval;
import static com.bossreview.calendar.GraphEvents.lower;
import static com.bossreview.calendar.GraphEvents.occurrence;
import static com.bossreview.calendar.GraphEvents.series;
import static com.bossreview.calendar.ProviderJson.array;
import static com.bossreview.calendar.ProviderJson.isTrue;
import static com.bossreview.calendar.ProviderJson.object;
import static com.bossreview.calendar.ProviderJson.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Microsoft Graph v1.0 on the signed-in user's default calendar
 * (learn.microsoft.com/graph/api/resources/event): {@code calendarView}, {@code
 * calendar/getSchedule}, {@code events}, {@code calendarView/delta}. Every read sends {@code
 * Prefer: outlook.timezone="UTC"}; pages are followed through {@code @odata.nextLink}, which is
 * only ever requested from {@code MICROSOFT_GRAPH_URL} (it gets the bearer token).
 *
 * <p>Busy time: the user's own comes from {@code me/calendarView} ({@code showAs} busy, oof,
 * tentative), the others' from {@code getSchedule}. Not {@code getSchedule} for the user too: it
 * needs their SMTP address (a {@code GET me} more per read, and {@code mail} is empty for some
 * accounts), it refuses personal Microsoft accounts ("Delegated (personal Microsoft account): Not
 * supported"), and it spans 62 days at most; {@code calendarView} has none of those limits.
 *
 * <p>Errors (Graph's {@code {"error":{"code":…,"message":…}}}): 401 unauthorized; 429 with its
 * {@code Retry-After} rate limited; 503 (which also carries one) unavailable; 410 or the codes
 * {@code syncStateNotFound} / {@code resyncRequired} cursor expired.
 */
public final class GraphCalendarApi implements CalendarApi {
    private static final CalendarProvider P = CalendarProvider.MICROSOFT;
    private static final Set<String> BUSY = Set.of("busy", "oof", "tentative");
    private static final Set<String> EXPIRED =
            Set.of("syncStateNotFound", "resyncRequired", "SyncStateNotFound");

    private final HttpUrl base;
    private final OkHttpClient http;
    private final Clock clock;

    /** The boss as a required attendee; nobody when their address is unknown (null). */
    private static JsonArray attendees(String address) {
        JsonArray attendees = new JsonArray();
        if (address != null) {
            JsonObject a = new JsonObject();
            a.addProperty("address", address);
            JsonObject attendee = new JsonObject();
            attendee.add("emailAddress", a);
            attendee.addProperty("type", "required");
            attendees.add(attendee);
        }
        return attendees;
    }

    /**
     * {@code graphBase}: {@code MICROSOFT_GRAPH_URL}, default {@code
     * https://graph.microsoft.com/v1.0/}.
     */
    public GraphCalendarApi(URI graphBase, OkHttpClient http) {
        this(graphBase, http, Clock.systemUTC());
    }

    public GraphCalendarApi(URI graphBase, OkHttpClient http, Clock clock) {
        this.base = HttpUrl.get(graphBase.toString());
        this.http = http;
        this.clock = clock;
    }

    @Override
    public CalendarProvider provider() {
        return P;
    }

    @Override
    public Busy busy(String accessToken, List<String> others, Instant from, Instant to) {
        List<Interval> mine = new ArrayList<>();
        HttpUrl view =
                url("me/calendarView")
                        .addQueryParameter("startDateTime", from.toString())
                        .addQueryParameter("endDateTime", to.toString())
                        .addQueryParameter("$select", "showAs,start,end,isCancelled")
                        .addQueryParameter("$top", "100")
                        .build();
        pages(
                accessToken,
                view,
                "calendar view",
                e -> {
                    if (!isTrue(e, "isCancelled") && BUSY.contains(lower(string(e, "showAs")))) {
                        interval(e).ifPresent(mine::add);
                    }
                });
        Map<String, List<Interval>> visible = new LinkedHashMap<>();
        if (!others.isEmpty()) {
            JsonObject body = new JsonObject();
            JsonArray schedules = new JsonArray();
            others.forEach(schedules::add);
            body.add("schedules", schedules);
            body.add("startTime", GraphTimes.utc(from));
            body.add("endTime", GraphTimes.utc(to));
            body.addProperty("availabilityViewInterval", 30);
            JsonObject json =
                    call(
                            accessToken,
                            new Request.Builder()
                                    .url(url("me/calendar/getSchedule").build())
                                    .post(ProviderCall.json(body)),
                            "free/busy");
            for (JsonElement v : array(json, "value")) {
                JsonObject info = v.getAsJsonObject();
                String id = string(info, "scheduleId");
                Optional<String> asked =
                        others.stream().filter(o -> o.equalsIgnoreCase(id)).findFirst();
                // no free/busy access, or no such mailbox: {"error":{"responseCode":…}}
                if (asked.isEmpty() || info.has("error")) {
                    continue;
                }
                List<Interval> busy = new ArrayList<>();
                for (JsonElement item : array(info, "scheduleItems")) {
                    JsonObject i = item.getAsJsonObject();
                    if (BUSY.contains(lower(string(i, "status")))) {
                        interval(i).ifPresent(busy::add);
                    }
                }
                visible.put(asked.get(), busy);
            }
        }
        return new Busy(mine, visible);
    }

    @Override
    public Optional<Series> findWeeklyWith(String accessToken, String attendee) {
        Instant now = clock.instant();
        List<JsonObject> matching = new ArrayList<>();
        HttpUrl masters =
                url("me/events")
                        .addQueryParameter("$filter", "type eq 'seriesMaster'")
                        .addQueryParameter(
                                "$select",
                                "subject,start,end,recurrence,attendees,isCancelled,originalStartTimeZone")
                        .addQueryParameter("$top", "50")
                        .build();
        pages(
                accessToken,
                masters,
                "event search",
                e -> {
                    JsonObject pattern = object(object(e, "recurrence"), "pattern");
                    if (!isTrue(e, "isCancelled")
                            && "weekly".equals(string(pattern, "type"))
                            && hasAttendee(e, attendee)) {
                        matching.add(e);
                    }
                });
        Optional<Series> first = Optional.empty();
        Instant soonest = Instant.MAX;
        for (JsonObject e : matching) {
            Optional<Series> s = series(e, Optional.empty());
            if (s.isPresent()) {
                Instant next =
                        ProviderCall.nextStart(GraphEvents.first(e, s.get()), now).toInstant();
                if (next.isBefore(soonest)) {
                    soonest = next;
                    first = s;
                }
            }
        }
        return first;
    }

    @Override
    public Series createWeekly(String accessToken, NewSeries s) {
        LocalDate first = s.firstDay().with(TemporalAdjusters.nextOrSame(s.day()));
        JsonObject body =
                event(
                        s.title(),
                        s.description(),
                        LocalDateTime.of(first, s.start()),
                        s.length(),
                        s.zone(),
                        s.attendee());
        JsonObject pattern = new JsonObject();
        pattern.addProperty("type", "weekly");
        pattern.addProperty("interval", 1);
        JsonArray days = new JsonArray();
        days.add(s.day().name().toLowerCase(Locale.ROOT));
        pattern.add("daysOfWeek", days);
        JsonObject range = new JsonObject();
        range.addProperty("type", "noEnd");
        range.addProperty("startDate", first.toString());
        JsonObject recurrence = new JsonObject();
        recurrence.add("pattern", pattern);
        recurrence.add("range", range);
        body.add("recurrence", recurrence);
        return series(create(accessToken, body), Optional.of(s.zone()))
                .orElseThrow(
                        () ->
                                new CalendarException(
                                        CalendarException.Kind.FAILED,
                                        P.label()
                                                + " event create: no usable event in the answer"));
    }

    @Override
    public String createOnce(String accessToken, NewEvent e) {
        JsonObject created =
                create(
                        accessToken,
                        event(
                                e.title(),
                                e.description(),
                                LocalDateTime.ofInstant(e.start(), e.zone()),
                                e.length(),
                                e.zone(),
                                e.attendee()));
        com.google.gson.JsonElement id = created.get("id");
        if (id == null || !id.isJsonPrimitive()) {
            throw new CalendarException(
                    CalendarException.Kind.FAILED,
                    P.label() + " event create: no id in the answer");
        }
        return id.getAsString();
    }

    /**
     * An event's body: start and end at the local time in a zone Graph accepts with the same
     * offsets as {@code zone} (see {@link GraphZones}), a text body, the attendee if known.
     */
    private JsonObject event(
            String title,
            String description,
            LocalDateTime start,
            java.time.Duration length,
            java.time.ZoneId zone,
            String attendee) {
        String listed = GraphZones.name(zone, clock.instant());
        JsonObject body = new JsonObject();
        body.addProperty("subject", title);
        JsonObject text = new JsonObject();
        text.addProperty("contentType", "text");
        text.addProperty("content", description);
        body.add("body", text);
        body.add("start", GraphTimes.local(start, listed));
        body.add("end", GraphTimes.local(start.plus(length), listed));
        body.add("attendees", attendees(attendee));
        return body;
    }

    /** {@code POST me/events}: Graph sends the attendees their invitation. */
    private JsonObject create(String accessToken, JsonObject body) {
        return call(
                accessToken,
                new Request.Builder().url(url("me/events").build()).post(ProviderCall.json(body)),
                "event create");
    }

    /**
     * The window's occurrences by {@code calendarView/delta}; the delta link fixes the window of
     * the first read, so later {@code from}/{@code to} are not read. See {@link GraphCursor} for
     * why the cursor carries the occurrences seen.
     */
    @Override
    public Changes changes(
            String accessToken,
            String seriesId,
            Optional<String> cursor,
            Instant from,
            Instant to) {
        GraphCursor before = cursor.map(GraphCursor::parse).orElse(null);
        HttpUrl first =
                before == null
                        ? url("me/calendarView/delta")
                                .addQueryParameter("startDateTime", from.toString())
                                .addQueryParameter("endDateTime", to.toString())
                                .build()
                        : ours(before.deltaLink(), "sync");
        Map<String, Instant> seen = new LinkedHashMap<>(before == null ? Map.of() : before.seen());
        List<Occurrence> out = new ArrayList<>();
        String deltaLink =
                pages(
                        accessToken,
                        first,
                        "sync",
                        e -> {
                            String id = string(e, "id");
                            if (id == null) {
                                return;
                            }
                            if (e.has("@removed")) {
                                Instant planned = seen.remove(id);
                                if (planned != null) {
                                    out.add(new Occurrence(id, planned, planned, planned, true));
                                }
                                return;
                            }
                            if (!seriesId.equals(string(e, "seriesMasterId"))
                                    && !seen.containsKey(id)) {
                                return;
                            }
                            occurrence(e, Optional.ofNullable(seen.get(id)))
                                    .ifPresent(
                                            o -> {
                                                seen.put(id, o.originalStart());
                                                out.add(o);
                                            });
                        });
        if (deltaLink == null) {
            throw new CalendarException(
                    CalendarException.Kind.FAILED, P.label() + " sync: no @odata.deltaLink");
        }
        return new Changes(out, new GraphCursor(deltaLink, seen).format());
    }

    /**
     * {@code me/events/{id}/instances} around the window: the series' occurrences and exceptions
     * (event-list-instances), the one whose {@code originalStart} is in the window and that is not
     * cancelled.
     */
    @Override
    public Optional<Occurrence> occurrenceIn(
            String accessToken, String seriesId, Instant from, Instant to) {
        List<Occurrence> found = new ArrayList<>();
        HttpUrl instances =
                url("me/events")
                        .addPathSegment(seriesId)
                        .addPathSegment("instances")
                        .addQueryParameter("startDateTime", from.minus(MOVED).toString())
                        .addQueryParameter("endDateTime", to.plus(MOVED).toString())
                        .addQueryParameter(
                                "$select", "id,start,end,originalStart,isCancelled,seriesMasterId")
                        .addQueryParameter("$top", "50")
                        .build();
        pages(
                accessToken,
                instances,
                "instances",
                e ->
                        occurrence(e, Optional.empty())
                                .filter(o -> o.id() != null)
                                .filter(o -> !o.cancelled() && ProviderCall.within(o, from, to))
                                .ifPresent(found::add));
        return found.stream().findFirst();
    }

    /**
     * Appends to the occurrence's {@code body} in its own content type: a paragraph to HTML (the
     * text escaped), a blank line and the text to plain text.
     */
    @Override
    public void appendToDescription(String accessToken, String occurrenceId, String text) {
        HttpUrl url = url("me/events").addPathSegment(occurrenceId).build();
        JsonObject event =
                call(
                        accessToken,
                        new Request.Builder()
                                .url(url.newBuilder().addQueryParameter("$select", "body").build())
                                .get(),
                        "event read");
        JsonObject body = object(event, "body");
        String type = Optional.ofNullable(string(body, "contentType")).orElse("text");
        String content = Optional.ofNullable(string(body, "content")).orElse("");
        JsonObject patched = new JsonObject();
        patched.addProperty("contentType", type);
        patched.addProperty("content", GraphBodies.append(type, content, text));
        JsonObject patch = new JsonObject();
        patch.add("body", patched);
        call(
                accessToken,
                new Request.Builder().url(url).patch(ProviderCall.json(patch)),
                "event update");
    }

    /** Reads every page from {@code first}; the last page's {@code @odata.deltaLink}, if any. */
    private String pages(
            String accessToken, HttpUrl first, String what, Consumer<JsonObject> each) {
        HttpUrl next = first;
        for (int page = 0; page < 1000; page++) {
            JsonObject json = call(accessToken, new Request.Builder().url(next).get(), what);
            for (JsonElement item : array(json, "value")) {
                if (item.isJsonObject()) {
                    each.accept(item.getAsJsonObject());
                }
            }
            String link = string(json, "@odata.nextLink");
            if (link == null) {
                return string(json, "@odata.deltaLink");
            }
            next = ours(link, what);
        }
        throw new CalendarException(
                CalendarException.Kind.FAILED, P.label() + " " + what + ": paging never ended");
    }

    /** A link Graph handed out, refused unless it points under our Graph base. */
    private HttpUrl ours(String link, String what) {
        HttpUrl url = HttpUrl.parse(link);
        if (url == null
                || !url.scheme().equals(base.scheme())
                || !url.host().equals(base.host())
                || url.port() != base.port()
                || !url.encodedPath().startsWith(base.encodedPath())) {
            throw new CalendarException(
                    CalendarException.Kind.FAILED,
                    P.label() + " " + what + ": a link outside the Graph base URL");
        }
        return url;
    }

    private JsonObject call(String accessToken, Request.Builder request, String what) {
        ProviderCall.Reply r =
                ProviderCall.execute(
                        http,
                        request.header("Authorization", ProviderCall.bearer(accessToken))
                                .header("Prefer", GraphTimes.PREFER_UTC)
                                .header("Accept", "application/json")
                                .build(),
                        P,
                        what);
        if (r.ok()) {
            return r.json();
        }
        String code = string(object(r.json(), "error"), "code");
        CalendarException.Kind kind =
                code != null && EXPIRED.contains(code)
                        ? CalendarException.Kind.CURSOR_EXPIRED
                        : ProviderHttp.kindOf(r.status());
        throw new CalendarException(
                kind,
                P.label()
                        + " "
                        + what
                        + " refused: HTTP "
                        + r.status()
                        + (code == null ? "" : " " + code),
                r.retryAfter());
    }

    private HttpUrl.Builder url(String path) {
        return base.newBuilder().addPathSegments(path);
    }
}
