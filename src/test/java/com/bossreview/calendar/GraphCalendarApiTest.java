package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bossreview.support.FakeMicrosoft;
import com.bossreview.support.FakeOAuthServer.Failure;
import com.bossreview.support.FakeOAuthServer.Request;
import com.bossreview.support.MutableClock;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphCalendarApiTest {
    static final String ME = "manager@contoso.com";
    static final String BOSS = "boss@contoso.com";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = GoogleCalendarApiTest.NOW;
    static final Instant FROM = GoogleCalendarApiTest.FROM;
    static final Instant TO = GoogleCalendarApiTest.TO;

    FakeMicrosoft microsoft;
    GraphCalendarApi api;
    String token;

    @BeforeEach
    void start() {
        microsoft = new FakeMicrosoft();
        api =
                new GraphCalendarApi(
                        URI.create(microsoft.graphUrl()),
                        GoogleCalendarApiTest.quickClient(),
                        new MutableClock(NOW));
        token = microsoft.accessToken(ME);
    }

    @AfterEach
    void stop() {
        microsoft.close();
    }

    String weeklyWithBoss() {
        return microsoft.addWeekly(
                ME,
                "Weekly review",
                LocalDateTime.of(2026, 11, 30, 9, 0),
                PARIS,
                Duration.ofMinutes(30),
                BOSS);
    }

    @Test
    void busy_reads_own_calendar_view_and_the_others_schedules() {
        microsoft.pageSize(1);
        Instant nine = Instant.parse("2026-12-01T09:00:00Z");
        microsoft.addBusy(ME, nine, nine.plusSeconds(3600));
        microsoft.addBusy(ME, nine.plusSeconds(86_400), nine.plusSeconds(90_000));
        microsoft.addBusy(BOSS, nine.plusSeconds(7200), nine.plusSeconds(9000));
        microsoft.addBusy("hidden@contoso.com", nine, nine.plusSeconds(600));
        microsoft.shareFreeBusy("hidden@contoso.com", false);

        CalendarApi.Busy busy =
                api.busy(
                        token,
                        List.of("Boss@Contoso.com", "hidden@contoso.com", "x@y.com"),
                        FROM,
                        TO);

        assertThat(busy.mine())
                .containsExactly(
                        new CalendarApi.Interval(nine, nine.plusSeconds(3600)),
                        new CalendarApi.Interval(
                                nine.plusSeconds(86_400), nine.plusSeconds(90_000)));
        assertThat(busy.others()).containsOnlyKeys("Boss@Contoso.com");
        assertThat(busy.others().get("Boss@Contoso.com"))
                .containsExactly(
                        new CalendarApi.Interval(nine.plusSeconds(7200), nine.plusSeconds(9000)));
        assertThat(microsoft.requests("GET", "/me/calendarView")).hasSize(2);
        Request schedule = microsoft.requests("POST", "/me/calendar/getSchedule").get(0);
        JsonObject body = JsonParser.parseString(schedule.body()).getAsJsonObject();
        assertThat(body.get("startTime").toString())
                .isEqualTo("{\"dateTime\":\"2026-11-30T00:00:00\",\"timeZone\":\"UTC\"}");
        assertThat(body.get("schedules").toString())
                .isEqualTo("[\"Boss@Contoso.com\",\"hidden@contoso.com\",\"x@y.com\"]");
        assertThat(body.has("availabilityViewInterval")).isTrue();
    }

    @Test
    void busy_with_no_others_asks_no_schedule() {
        assertThat(api.busy(token, List.of(), FROM, TO).others()).isEmpty();
        assertThat(microsoft.requests("POST", "/getSchedule")).isEmpty();
    }

    @Test
    void create_weekly_sends_the_documented_recurrence_and_reads_back_the_series() {
        CalendarApi.Series s =
                api.createWeekly(
                        token,
                        new CalendarApi.NewSeries(
                                "Weekly review with the boss",
                                "Booked by bossreview",
                                LocalDate.of(2026, 12, 2),
                                DayOfWeek.MONDAY,
                                LocalTime.of(9, 0),
                                Duration.ofMinutes(45),
                                PARIS,
                                BOSS));

        assertThat(s)
                .isEqualTo(
                        new CalendarApi.Series(
                                s.id(),
                                DayOfWeek.MONDAY,
                                LocalTime.of(9, 0),
                                Duration.ofMinutes(45),
                                PARIS));
        JsonObject body =
                JsonParser.parseString(microsoft.requests("POST", "/me/events").get(0).body())
                        .getAsJsonObject();
        assertThat(body.get("subject").getAsString()).isEqualTo("Weekly review with the boss");
        assertThat(body.get("start").toString())
                .isEqualTo("{\"dateTime\":\"2026-12-07T09:00:00\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(body.get("end").toString())
                .isEqualTo("{\"dateTime\":\"2026-12-07T09:45:00\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(body.get("recurrence").toString())
                .isEqualTo(
                        "{\"pattern\":{\"type\":\"weekly\",\"interval\":1,\"daysOfWeek\":[\"monday\"]},"
                                + "\"range\":{\"type\":\"noEnd\",\"startDate\":\"2026-12-07\"}}");
        assertThat(body.get("attendees").toString())
                .isEqualTo(
                        "[{\"emailAddress\":{\"address\":\"boss@contoso.com\"},\"type\":\"required\"}]");
        assertThat(api.findWeeklyWith(token, BOSS)).contains(s);
    }

    @Test
    void a_zone_graph_does_not_list_is_sent_as_a_listed_one_with_the_same_rules() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        CalendarApi.Series s =
                api.createWeekly(
                        token,
                        new CalendarApi.NewSeries(
                                "Review",
                                "",
                                LocalDate.of(2026, 12, 7),
                                DayOfWeek.MONDAY,
                                LocalTime.of(9, 0),
                                Duration.ofMinutes(30),
                                madrid,
                                BOSS));

        JsonObject body =
                JsonParser.parseString(microsoft.requests("POST", "/me/events").get(0).body())
                        .getAsJsonObject();
        assertThat(body.getAsJsonObject("start").get("timeZone").getAsString())
                .isIn("Europe/Berlin", "Europe/Budapest", "Europe/Paris", "Europe/Warsaw");
        assertThat(s.zone()).isEqualTo(madrid);
        assertThat(s.start()).isEqualTo(LocalTime.of(9, 0));
        // Indianapolis has kept New York's rules since 2006: either is right
        assertThat(GraphZones.name(ZoneId.of("America/Toronto"), NOW))
                .isIn("America/Indiana/Indianapolis", "America/New_York");
        assertThat(GraphZones.name(ZoneId.of("UTC"), NOW)).isEqualTo("UTC");
        assertThat(GraphZones.name(ZoneId.of("Asia/Kolkata"), NOW)).isEqualTo("Asia/Kolkata");
    }

    @Test
    void find_weekly_with_filters_series_masters_and_follows_next_links() {
        microsoft.pageSize(1);
        microsoft.addBusy(ME, NOW.plusSeconds(3600), NOW.plusSeconds(7200));
        microsoft.addWeekly(
                ME,
                "1:1",
                LocalDateTime.of(2026, 11, 30, 9, 0),
                PARIS,
                Duration.ofMinutes(30),
                "rep@contoso.com");
        String review = weeklyWithBoss();

        Optional<CalendarApi.Series> found = api.findWeeklyWith(token, "BOSS@contoso.com");

        assertThat(found).map(CalendarApi.Series::id).contains(review);
        assertThat(found.get().zone()).isEqualTo(PARIS);
        assertThat(found.get().start()).isEqualTo(LocalTime.of(9, 0));
        List<Request> lists = microsoft.requests("GET", "/me/events");
        assertThat(lists).hasSize(2);
        assertThat(lists).allMatch(r -> "type eq 'seriesMaster'".equals(r.query("$filter")));
        assertThat(api.findWeeklyWith(token, "nobody@contoso.com")).isEmpty();
    }

    @Test
    void changes_round_trip_reports_a_cancelled_and_a_moved_occurrence_once() {
        microsoft.pageSize(2);
        String series = weeklyWithBoss();
        microsoft.addBusy(ME, NOW, NOW.plusSeconds(600));

        CalendarApi.Changes first = api.changes(token, series, Optional.empty(), FROM, TO);

        assertThat(first.occurrences())
                .extracting(CalendarApi.Occurrence::originalStart)
                .containsExactly(
                        Instant.parse("2026-11-30T08:00:00Z"),
                        Instant.parse("2026-12-07T08:00:00Z"),
                        Instant.parse("2026-12-14T08:00:00Z"),
                        Instant.parse("2026-12-21T08:00:00Z"));
        Request firstRequest = microsoft.requests("GET", "/me/calendarView/delta").get(0);
        assertThat(firstRequest.query("startDateTime")).isEqualTo(FROM.toString());
        assertThat(first.nextCursor())
                .startsWith(microsoft.graphUrl() + "me/calendarView/delta?$deltatoken=");

        CalendarApi.Changes none =
                api.changes(token, series, Optional.of(first.nextCursor()), FROM, TO);
        assertThat(none.occurrences()).isEmpty();

        microsoft.cancelOccurrence(series, LocalDate.of(2026, 12, 7));
        Instant moved = Instant.parse("2026-12-15T13:00:00Z");
        microsoft.moveOccurrence(series, LocalDate.of(2026, 12, 14), moved);
        CalendarApi.Changes changed =
                api.changes(token, series, Optional.of(none.nextCursor()), FROM, TO);

        assertThat(changed.occurrences()).hasSize(2);
        CalendarApi.Occurrence cancelled = changed.occurrences().get(0);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.id()).isEqualTo(first.occurrences().get(1).id());
        assertThat(cancelled.originalStart()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        CalendarApi.Occurrence movedOne = changed.occurrences().get(1);
        assertThat(movedOne.cancelled()).isFalse();
        assertThat(movedOne.originalStart()).isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));
        assertThat(movedOne.start()).isEqualTo(moved);

        assertThat(
                        api.changes(token, series, Optional.of(changed.nextCursor()), FROM, TO)
                                .occurrences())
                .isEmpty();
        // the fragment never goes over the wire
        assertThat(microsoft.requests("GET", "/me/calendarView/delta"))
                .allMatch(r -> r.query().keySet().stream().noneMatch(k -> k.contains("#")));
    }

    @Test
    void a_removed_event_of_another_series_is_not_reported() {
        String series = weeklyWithBoss();
        String other =
                microsoft.addWeekly(
                        ME,
                        "1:1",
                        LocalDateTime.of(2026, 12, 1, 10, 0),
                        PARIS,
                        Duration.ofMinutes(30),
                        "rep@contoso.com");
        String cursor = api.changes(token, series, Optional.empty(), FROM, TO).nextCursor();

        microsoft.cancelOccurrence(other, LocalDate.of(2026, 12, 8));

        assertThat(api.changes(token, series, Optional.of(cursor), FROM, TO).occurrences())
                .isEmpty();
    }

    @Test
    void an_invalidated_delta_link_is_cursor_expired() {
        String series = weeklyWithBoss();
        String cursor = api.changes(token, series, Optional.empty(), FROM, TO).nextCursor();
        microsoft.invalidateCursors();

        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class,
                        () -> api.changes(token, series, Optional.of(cursor), FROM, TO));

        assertThat(e.kind()).isEqualTo(CalendarException.Kind.CURSOR_EXPIRED);
        assertThat(e.getMessage()).doesNotContain("deltatoken");
    }

    @Test
    void resync_required_or_sync_state_not_found_with_any_status_is_cursor_expired() {
        String series = weeklyWithBoss();
        String cursor = api.changes(token, series, Optional.empty(), FROM, TO).nextCursor();

        for (Failure f :
                List.of(
                        new Failure.ProviderError(400, "resyncRequired"),
                        new Failure.ProviderError(400, "syncStateNotFound"))) {
            microsoft.failNext(1, f);
            CalendarException e =
                    catchThrowableOfType(
                            CalendarException.class,
                            () -> api.changes(token, series, Optional.of(cursor), FROM, TO));
            assertThat(e.kind()).as(f.toString()).isEqualTo(CalendarException.Kind.CURSOR_EXPIRED);
        }
        microsoft.failNext(1, new Failure.ProviderError(400, "ErrorInvalidRequest"));
        assertThat(
                        catchThrowableOfType(
                                        CalendarException.class,
                                        () ->
                                                api.changes(
                                                        token,
                                                        series,
                                                        Optional.of(cursor),
                                                        FROM,
                                                        TO))
                                .kind())
                .isEqualTo(CalendarException.Kind.FAILED);
    }

    @Test
    void the_cursor_keeps_the_delta_link_and_ids_of_any_shape() {
        java.util.Map<String, Instant> seen = new java.util.LinkedHashMap<>();
        seen.put("AAMk+/a=b~c,d#e", Instant.parse("2026-12-07T08:00:00Z"));
        seen.put("plain", Instant.parse("2026-12-14T08:00:00Z"));
        String link = "https://graph.microsoft.com/v1.0/me/calendarView/delta?$deltatoken=abc";

        GraphCursor back = GraphCursor.parse(new GraphCursor(link, seen).format());

        assertThat(back.deltaLink()).isEqualTo(link);
        assertThat(back.seen()).isEqualTo(seen);
        assertThat(GraphCursor.parse(link)).isEqualTo(new GraphCursor(link, java.util.Map.of()));
        assertThat(GraphCursor.parse(link + "#broken,plain~1").seen()).containsOnlyKeys("plain");
    }

    @Test
    void a_cursor_pointing_elsewhere_is_refused_before_any_token_is_sent() {
        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class,
                        () ->
                                api.changes(
                                        token,
                                        "x",
                                        Optional.of(
                                                "https://attacker.example/v1.0/me/calendarView/delta"),
                                        FROM,
                                        TO));

        assertThat(e.kind()).isEqualTo(CalendarException.Kind.FAILED);
        assertThat(microsoft.requests()).isEmpty();
    }

    @Test
    void append_to_description_adds_a_paragraph_to_the_html_body() {
        // created with a text body, which Outlook keeps as an HTML document
        String series =
                api.createWeekly(
                                token,
                                new CalendarApi.NewSeries(
                                        "Weekly review",
                                        "Booked by bossreview",
                                        LocalDate.of(2026, 11, 30),
                                        DayOfWeek.MONDAY,
                                        LocalTime.of(9, 0),
                                        Duration.ofMinutes(30),
                                        PARIS,
                                        BOSS))
                        .id();
        CalendarApi.Occurrence second =
                api.changes(token, series, Optional.empty(), FROM, TO).occurrences().get(1);

        api.appendToDescription(token, second.id(), "Agenda: <pipeline> & hiring");

        String html = microsoft.description(series, Optional.of(second.originalStart()));
        assertThat(html).contains("<p>Agenda: &lt;pipeline&gt; &amp; hiring</p>");
        assertThat(html.indexOf("Booked by bossreview")).isLessThan(html.indexOf("<p>Agenda"));
        assertThat(html.indexOf("<p>Agenda")).isLessThan(html.indexOf("</body>"));
        assertThat(microsoft.description(series, Optional.empty())).doesNotContain("Agenda");
        Request patch = microsoft.requests("PATCH", second.id()).get(0);
        JsonObject body = JsonParser.parseString(patch.body()).getAsJsonObject();
        assertThat(body.keySet()).containsExactly("body");
        assertThat(body.getAsJsonObject("body").get("contentType").getAsString()).isEqualTo("html");
        assertThat(microsoft.requests("GET", second.id()).get(0).query("$select"))
                .isEqualTo("body");

        CalendarException gone =
                catchThrowableOfType(
                        CalendarException.class,
                        () -> api.appendToDescription(token, "AAMkAGnothing", "x"));
        assertThat(gone.kind()).isEqualTo(CalendarException.Kind.NOT_FOUND);
    }

    @Test
    void text_bodies_get_a_blank_line_and_the_text() {
        assertThat(GraphBodies.append("text", "Booked", "Agenda")).isEqualTo("Booked\n\nAgenda");
        assertThat(GraphBodies.append("text", "", "Agenda")).isEqualTo("Agenda");
        assertThat(GraphBodies.append("html", "<p>x</p>", "a\nb"))
                .isEqualTo("<p>x</p><p>a<br>b</p>");
    }

    @Test
    void occurrence_in_finds_the_weeks_occurrence_where_it_was_moved_to_but_not_a_cancelled_one() {
        String series = weeklyWithBoss(); // Mondays 09:00 Paris (08:00Z) from 30 Nov
        Instant week50 = Instant.parse("2026-12-06T23:00:00Z"); // Monday 7 Dec, 00:00 Paris
        Instant week51 = week50.plus(Duration.ofDays(7));
        Instant moved = Instant.parse("2026-12-09T15:00:00Z");
        microsoft.moveOccurrence(series, LocalDate.of(2026, 12, 7), moved);
        microsoft.cancelOccurrence(series, LocalDate.of(2026, 12, 14));

        Optional<CalendarApi.Occurrence> found = api.occurrenceIn(token, series, week50, week51);

        assertThat(found).isPresent();
        assertThat(found.get().originalStart()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(found.get().start()).isEqualTo(moved);
        Request asked = microsoft.requests("GET", series + "/instances").get(0);
        assertThat(asked.query("startDateTime")).isEqualTo("2026-11-29T23:00:00Z");
        assertThat(asked.query("endDateTime")).isEqualTo("2026-12-20T23:00:00Z");
        assertThat(asked.query("$select")).contains("originalStart", "isCancelled");
        // its id is the one appendToDescription takes
        api.appendToDescription(token, found.get().id(), "Agenda");
        assertThat(microsoft.description(series, Optional.of(found.get().originalStart())))
                .contains("Agenda");

        assertThat(api.occurrenceIn(token, series, week51, week51.plus(Duration.ofDays(7))))
                .isEmpty();
        assertThat(
                        api.occurrenceIn(
                                token,
                                series,
                                week51.plus(Duration.ofDays(7)),
                                week51.plus(Duration.ofDays(14))))
                .isPresent();
        assertThatThrownBy(() -> api.occurrenceIn(token, "nope", week50, week51))
                .isInstanceOfSatisfying(
                        CalendarException.class,
                        e -> assertThat(e.kind()).isEqualTo(CalendarException.Kind.NOT_FOUND));
    }

    @Test
    void each_failure_is_classified_and_no_message_carries_the_token() {
        assertFailure(new Failure.Unauthorized(), CalendarException.Kind.UNAUTHORIZED);
        CalendarException limited =
                assertFailure(new Failure.RateLimited(9), CalendarException.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(9));
        assertFailure(new Failure.QuotaExceeded(), CalendarException.Kind.RATE_LIMITED);
        assertFailure(new Failure.Forbidden(), CalendarException.Kind.FAILED);
        assertFailure(new Failure.ServerError(500), CalendarException.Kind.UNAVAILABLE);
        CalendarException busy503 =
                assertFailure(new Failure.ServerError(503), CalendarException.Kind.UNAVAILABLE);
        assertThat(busy503.retryAfter()).contains(Duration.ofSeconds(10));
        assertFailure(new Failure.Hang(), CalendarException.Kind.UNAVAILABLE);
        assertThat(api.busy(token, List.of(BOSS), FROM, TO).mine()).isEmpty();
    }

    @Test
    void an_expired_access_token_is_unauthorized() {
        microsoft.expireAccessTokens();

        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class, () -> api.findWeeklyWith(token, BOSS));

        assertThat(e.kind()).isEqualTo(CalendarException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(token);
    }

    private CalendarException assertFailure(Failure f, CalendarException.Kind kind) {
        microsoft.failNext(1, f);
        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class, () -> api.busy(token, List.of(BOSS), FROM, TO));
        assertThat(e).as(f.toString()).isNotNull();
        assertThat(e.kind()).as(f.toString()).isEqualTo(kind);
        assertThat(e.getMessage()).doesNotContain(token).startsWith("Microsoft 365");
        return e;
    }
}
