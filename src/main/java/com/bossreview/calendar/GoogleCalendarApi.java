package com.bossreview.calendar;

import static com.bossreview.calendar.GoogleEvents.hasAttendee;
import static com.bossreview.calendar.GoogleEvents.intervals;
import static com.bossreview.calendar.GoogleEvents.occurrence;
import static com.bossreview.calendar.GoogleEvents.series;
import static com.bossreview.calendar.GoogleEvents.weekly;
import static com.bossreview.calendar.ProviderJson.array;
import static com.bossreview.calendar.ProviderJson.object;
import static com.bossreview.calendar.ProviderJson.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Google Calendar API v3 on the user's {@code primary} calendar
 * (developers.google.com/calendar/api/v3/reference): {@code freeBusy.query}, {@code events.list},
 * {@code events.instances}, {@code events.insert}, {@code events.get}/{@code patch}. Errors as the
 * "Handle API errors" guide lists them: 401 {@code authError}, 403/429 {@code rateLimitExceeded} /
 * {@code userRateLimitExceeded}, 410 {@code fullSyncRequired}.
 *
 * <p>Sync ({@link #changes}): the sync guide lets a full sync be narrowed, and an incremental one
 * ({@code syncToken}) refuses {@code timeMin}, {@code timeMax}, {@code q}, {@code orderBy}, {@code
 * updatedMin}, {@code iCalUID} and the extended-property filters, while every other parameter must
 * stay what the full sync used; with a token, deleted items always come back, so {@code
 * showDeleted} must not be false. So both halves ask the same {@code singleEvents=false&
 * showDeleted=true}: changed occurrences then arrive as exception events ({@code recurringEventId},
 * {@code originalStartTime}, {@code status}), never as the series re-expanded. The full sync is
 * narrowed only by {@code timeMin} (as the guide's own sample does) and asks for nothing but the
 * token ({@code fields}); the window's occurrences come from {@code events.instances}, read
 * <em>after</em> the token was taken so a change in between is reported again, never lost.
 */
public final class GoogleCalendarApi implements CalendarApi {
    private static final CalendarProvider P = CalendarProvider.GOOGLE;

    private final HttpUrl base;
    private final OkHttpClient http;
    private final Clock clock;

    /** {@code apiBase}: {@code GOOGLE_API_URL}, default {@code https://www.googleapis.com/}. */
    public GoogleCalendarApi(URI apiBase, OkHttpClient http) {
        this(apiBase, http, Clock.systemUTC());
    }

    public GoogleCalendarApi(URI apiBase, OkHttpClient http, Clock clock) {
        this.base =
                HttpUrl.get(apiBase.toString()).newBuilder().addPathSegments("calendar/v3").build();
        this.http = http;
        this.clock = clock;
    }

    @Override
    public CalendarProvider provider() {
        return P;
    }

    @Override
    public Busy busy(String accessToken, List<String> others, Instant from, Instant to) {
        JsonObject body = new JsonObject();
        body.addProperty("timeMin", from.toString());
        body.addProperty("timeMax", to.toString());
        JsonArray items = new JsonArray();
        items.add(id("primary"));
        others.forEach(o -> items.add(id(o)));
        body.add("items", items);
        JsonObject json =
                call(
                        accessToken,
                        new Request.Builder()
                                .url(url("freeBusy").build())
                                .post(ProviderCall.json(body)),
                        "free/busy");
        JsonObject calendars = object(json, "calendars");
        Map<String, List<Interval>> visible = new LinkedHashMap<>();
        for (String o : others) {
            JsonObject c = object(calendars, o);
            // an address we may not see answers {"errors":[{"reason":"notFound"}], "busy":[]}
            if (c.has("busy") && array(c, "errors").isEmpty()) {
                visible.put(o, intervals(array(c, "busy")));
            }
        }
        return new Busy(intervals(array(object(calendars, "primary"), "busy")), visible);
    }

    @Override
    public Optional<Series> findWeeklyWith(String accessToken, String attendee) {
        Instant now = clock.instant();
        List<JsonObject> matching = new ArrayList<>();
        HttpUrl.Builder list =
                events().addQueryParameter("timeMin", now.minus(Duration.ofDays(7)).toString())
                        .addQueryParameter("showDeleted", "false")
                        .addQueryParameter("singleEvents", "false")
                        .addQueryParameter("maxResults", "250");
        pages(
                accessToken,
                list,
                "event search",
                e -> {
                    if (!"cancelled".equals(string(e, "status"))
                            && weekly(e)
                            && hasAttendee(e, attendee)) {
                        matching.add(e);
                    }
                });
        Optional<Series> first = Optional.empty();
        Instant soonest = Instant.MAX;
        for (JsonObject e : matching) {
            Optional<Series> s = series(e);
            Optional<ZonedDateTime> start = GoogleTimes.zoned(object(e, "start"));
            if (s.isPresent() && start.isPresent()) {
                Instant next = ProviderCall.nextStart(start.get(), now).toInstant();
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
        JsonArray recurrence = new JsonArray();
        recurrence.add("RRULE:FREQ=WEEKLY;BYDAY=" + s.day().name().substring(0, 2));
        body.add("recurrence", recurrence);
        return series(insert(accessToken, body))
                .orElseThrow(
                        () ->
                                new CalendarException(
                                        CalendarException.Kind.FAILED,
                                        P.label()
                                                + " event insert: no usable event in the answer"));
    }

    @Override
    public String createOnce(String accessToken, NewEvent e) {
        JsonObject created =
                insert(
                        accessToken,
                        event(
                                e.title(),
                                e.description(),
                                LocalDateTime.ofInstant(e.start(), e.zone()),
                                e.length(),
                                e.zone(),
                                e.attendee()));
        String id = string(created, "id");
        if (id == null) {
            throw new CalendarException(
                    CalendarException.Kind.FAILED,
                    P.label() + " event insert: no id in the answer");
        }
        return id;
    }

    /** An event's body: local start and end in {@code zone}, the attendee invited if known. */
    private static JsonObject event(
            String title,
            String description,
            LocalDateTime start,
            java.time.Duration length,
            java.time.ZoneId zone,
            String attendee) {
        JsonObject body = new JsonObject();
        body.addProperty("summary", title);
        body.addProperty("description", description);
        body.add("start", local(start, zone));
        body.add("end", local(start.plus(length), zone));
        body.add("attendees", attendees(attendee));
        return body;
    }

    /** {@code events.insert}, the attendees told by Google ({@code sendUpdates=all}). */
    private JsonObject insert(String accessToken, JsonObject body) {
        return call(
                accessToken,
                new Request.Builder()
                        .url(events().addQueryParameter("sendUpdates", "all").build())
                        .post(ProviderCall.json(body)),
                "event insert");
    }

    /** The boss invited; nobody when their address is unknown (null). */
    private static JsonArray attendees(String address) {
        JsonArray attendees = new JsonArray();
        if (address != null) {
            JsonObject boss = new JsonObject();
            boss.addProperty("email", address);
            attendees.add(boss);
        }
        return attendees;
    }

    /**
     * See the class comment for the two reads. What a caller should know: an edit of the series'
     * master comes as an occurrence whose id is {@code seriesId} (at the series' first start); an
     * edit of one occurrence, our own {@link #appendToDescription} included, comes as that
     * occurrence unchanged in time; a series deleted whole comes as a master with only {@code id}
     * and {@code status}, which has no start to report, so it is left out (the next {@link
     * #findWeeklyWith} no longer finds it).
     */
    @Override
    public Changes changes(
            String accessToken,
            String seriesId,
            Optional<String> cursor,
            Instant from,
            Instant to) {
        List<Occurrence> out = new ArrayList<>();
        Consumer<JsonObject> keep =
                e -> {
                    if (seriesId.equals(string(e, "id"))
                            || seriesId.equals(string(e, "recurringEventId"))) {
                        occurrence(e).ifPresent(out::add);
                    }
                };
        HttpUrl.Builder sync =
                events().addQueryParameter("singleEvents", "false")
                        .addQueryParameter("showDeleted", "true");
        if (cursor.isPresent()) {
            sync.addQueryParameter("syncToken", cursor.get())
                    .addQueryParameter("maxResults", "250");
            return new Changes(
                    out,
                    pages(accessToken, sync, "sync", keep).orElseThrow(GoogleCalendarApi::noToken));
        }
        sync.addQueryParameter("timeMin", from.toString())
                .addQueryParameter("maxResults", "2500")
                .addQueryParameter("fields", "nextPageToken,nextSyncToken");
        String token =
                pages(accessToken, sync, "full sync", e -> {})
                        .orElseThrow(GoogleCalendarApi::noToken);
        HttpUrl.Builder instances =
                events().addPathSegment(seriesId)
                        .addPathSegment("instances")
                        .addQueryParameter("timeMin", from.toString())
                        .addQueryParameter("timeMax", to.toString())
                        .addQueryParameter("showDeleted", "true")
                        .addQueryParameter("maxResults", "250");
        pages(accessToken, instances, "instances", keep);
        return new Changes(out, token);
    }

    /**
     * {@code events.instances} around the window: {@code timeMin} bounds an instance's end and
     * {@code timeMax} its start (reference), cancelled instances left out ({@code showDeleted}
     * false by default); the one whose {@code originalStartTime} is in the window.
     */
    @Override
    public Optional<Occurrence> occurrenceIn(
            String accessToken, String seriesId, Instant from, Instant to) {
        List<Occurrence> found = new ArrayList<>();
        HttpUrl.Builder instances =
                events().addPathSegment(seriesId)
                        .addPathSegment("instances")
                        .addQueryParameter("timeMin", from.minus(MOVED).toString())
                        .addQueryParameter("timeMax", to.plus(MOVED).toString())
                        .addQueryParameter("maxResults", "50");
        pages(
                accessToken,
                instances,
                "instances",
                e ->
                        occurrence(e)
                                .filter(o -> !o.cancelled() && ProviderCall.within(o, from, to))
                                .ifPresent(found::add));
        return found.stream().findFirst();
    }

    @Override
    public void appendToDescription(String accessToken, String occurrenceId, String text) {
        HttpUrl url = events().addPathSegment(occurrenceId).build();
        JsonObject event = call(accessToken, new Request.Builder().url(url).get(), "event read");
        String now = string(event, "description");
        JsonObject patch = new JsonObject();
        patch.addProperty("description", now == null || now.isEmpty() ? text : now + "\n\n" + text);
        // no e-mail to the attendees for an agenda edit: they see it on the event itself
        call(
                accessToken,
                new Request.Builder()
                        .url(url.newBuilder().addQueryParameter("sendUpdates", "none").build())
                        .patch(ProviderCall.json(patch)),
                "event update");
    }

    /** Reads every page; calls {@code each} per item; the last page's {@code nextSyncToken}. */
    private Optional<String> pages(
            String accessToken, HttpUrl.Builder url, String what, Consumer<JsonObject> each) {
        String pageToken = null;
        for (int page = 0; page < 1000; page++) {
            HttpUrl.Builder u = url.build().newBuilder();
            if (pageToken != null) {
                u.addQueryParameter("pageToken", pageToken);
            }
            JsonObject json = call(accessToken, new Request.Builder().url(u.build()).get(), what);
            for (JsonElement item : array(json, "items")) {
                if (item.isJsonObject()) {
                    each.accept(item.getAsJsonObject());
                }
            }
            pageToken = string(json, "nextPageToken");
            if (pageToken == null) {
                return Optional.ofNullable(string(json, "nextSyncToken"));
            }
        }
        throw new CalendarException(
                CalendarException.Kind.FAILED, P.label() + " " + what + ": paging never ended");
    }

    private JsonObject call(String accessToken, Request.Builder request, String what) {
        ProviderCall.Reply r =
                ProviderCall.execute(
                        http,
                        request.header("Authorization", ProviderCall.bearer(accessToken))
                                .header("Accept", "application/json")
                                .build(),
                        P,
                        what);
        if (r.ok()) {
            return r.json();
        }
        JsonObject error = object(r.json(), "error");
        JsonArray errors = array(error, "errors");
        String reason =
                errors.isEmpty() || !errors.get(0).isJsonObject()
                        ? null
                        : string(errors.get(0).getAsJsonObject(), "reason");
        CalendarException.Kind kind;
        if (("rateLimitExceeded".equals(reason) || "userRateLimitExceeded".equals(reason))
                && (r.status() == 403 || r.status() == 429)) {
            kind = CalendarException.Kind.RATE_LIMITED;
        } else {
            kind = ProviderHttp.kindOf(r.status());
        }
        throw new CalendarException(
                kind,
                P.label()
                        + " "
                        + what
                        + " refused: HTTP "
                        + r.status()
                        + (reason == null ? "" : " " + reason),
                r.retryAfter());
    }

    private HttpUrl.Builder url(String path) {
        return base.newBuilder().addPathSegments(path);
    }

    private HttpUrl.Builder events() {
        return url("calendars/primary/events");
    }

    private static CalendarException noToken() {
        return new CalendarException(
                CalendarException.Kind.FAILED, P.label() + " sync: no nextSyncToken");
    }

    private static JsonObject local(LocalDateTime t, java.time.ZoneId zone) {
        JsonObject o = new JsonObject();
        o.addProperty("dateTime", t.toString().length() == 16 ? t + ":00" : t.toString());
        o.addProperty("timeZone", zone.getId());
        return o;
    }

    private static JsonObject id(String id) {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        return o;
    }
}
