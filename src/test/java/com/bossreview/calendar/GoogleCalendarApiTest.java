package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bossreview.support.FakeGoogle;
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
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GoogleCalendarApiTest {
    static final String ME = "manager@example.com";
    static final String BOSS = "boss@example.com";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A Monday, before the 09:00 Paris (08:00Z) reviews of the tests. */
    static final Instant NOW = Instant.parse("2026-11-30T06:00:00Z");

    static final Instant FROM = Instant.parse("2026-11-30T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-28T00:00:00Z");

    FakeGoogle google;
    GoogleCalendarApi api;
    String token;

    /** Short timeouts so a hanging provider costs the test a fraction of a second. */
    static OkHttpClient quickClient() {
        return ProviderHttp.client()
                .newBuilder()
                .readTimeout(Duration.ofMillis(400))
                .callTimeout(Duration.ofSeconds(2))
                .build();
    }

    @BeforeEach
    void start() {
        google = new FakeGoogle();
        api = new GoogleCalendarApi(URI.create(google.url()), quickClient(), new MutableClock(NOW));
        token = google.accessToken(ME);
    }

    @AfterEach
    void stop() {
        google.close();
    }

    String weeklyWithBoss() {
        return google.addWeekly(
                ME,
                "Weekly review",
                LocalDateTime.of(2026, 11, 30, 9, 0),
                PARIS,
                Duration.ofMinutes(30),
                BOSS);
    }

    @Test
    void busy_reports_own_time_and_each_visible_other_and_leaves_out_hidden_ones() {
        Instant nine = Instant.parse("2026-12-01T09:00:00Z");
        google.addBusy(ME, nine, nine.plusSeconds(3600));
        google.addBusy(BOSS, nine.plusSeconds(7200), nine.plusSeconds(9000));
        google.addBusy("hidden@example.com", nine, nine.plusSeconds(600));
        google.shareFreeBusy("hidden@example.com", false);

        CalendarApi.Busy busy =
                api.busy(
                        token, List.of(BOSS, "hidden@example.com", "nobody@example.com"), FROM, TO);

        assertThat(busy.mine())
                .containsExactly(new CalendarApi.Interval(nine, nine.plusSeconds(3600)));
        assertThat(busy.others()).containsOnlyKeys(BOSS);
        assertThat(busy.others().get(BOSS))
                .containsExactly(
                        new CalendarApi.Interval(nine.plusSeconds(7200), nine.plusSeconds(9000)));
        JsonObject sent =
                JsonParser.parseString(google.requests("POST", "/freeBusy").get(0).body())
                        .getAsJsonObject();
        assertThat(sent.get("timeMin").getAsString()).isEqualTo("2026-11-30T00:00:00Z");
        assertThat(sent.get("timeMax").getAsString()).isEqualTo("2026-12-28T00:00:00Z");
        assertThat(sent.getAsJsonArray("items").toString())
                .isEqualTo(
                        "[{\"id\":\"primary\"},{\"id\":\"boss@example.com\"},"
                                + "{\"id\":\"hidden@example.com\"},{\"id\":\"nobody@example.com\"}]");
        assertThat(google.requests("POST", "/freeBusy").get(0).bearer()).isEqualTo(token);
    }

    @Test
    void create_weekly_books_local_time_in_the_zone_on_the_first_matching_day() {
        CalendarApi.Series s =
                api.createWeekly(
                        token,
                        new CalendarApi.NewSeries(
                                "Weekly review with the boss",
                                "Booked by bossreview",
                                LocalDate.of(2026, 12, 2), // a Wednesday: the first Monday is 7th
                                DayOfWeek.MONDAY,
                                LocalTime.of(9, 0),
                                Duration.ofMinutes(45),
                                PARIS,
                                BOSS));

        assertThat(s.day()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(s.start()).isEqualTo(LocalTime.of(9, 0));
        assertThat(s.length()).isEqualTo(Duration.ofMinutes(45));
        assertThat(s.zone()).isEqualTo(PARIS);
        Request sent = google.requests("POST", "/calendars/primary/events").get(0);
        assertThat(sent.query("sendUpdates")).isEqualTo("all");
        JsonObject body = JsonParser.parseString(sent.body()).getAsJsonObject();
        assertThat(body.get("summary").getAsString()).isEqualTo("Weekly review with the boss");
        assertThat(body.get("description").getAsString()).isEqualTo("Booked by bossreview");
        assertThat(body.get("start").toString())
                .isEqualTo("{\"dateTime\":\"2026-12-07T09:00:00\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(body.get("end").toString())
                .isEqualTo("{\"dateTime\":\"2026-12-07T09:45:00\",\"timeZone\":\"Europe/Paris\"}");
        assertThat(body.get("recurrence").toString()).isEqualTo("[\"RRULE:FREQ=WEEKLY;BYDAY=MO\"]");
        assertThat(body.get("attendees").toString())
                .isEqualTo("[{\"email\":\"boss@example.com\"}]");
        assertThat(api.findWeeklyWith(token, BOSS)).contains(s);
    }

    @Test
    void find_weekly_with_reads_every_page_matches_the_attendee_case_insensitively() {
        google.pageSize(1);
        google.addBusy(ME, NOW.plusSeconds(3600), NOW.plusSeconds(7200));
        google.addWeekly(
                ME,
                "1:1",
                LocalDateTime.of(2026, 11, 30, 9, 0),
                PARIS,
                Duration.ofMinutes(30),
                "rep@example.com");
        String review = weeklyWithBoss();

        Optional<CalendarApi.Series> found = api.findWeeklyWith(token, "BOSS@Example.com");

        assertThat(found).map(CalendarApi.Series::id).contains(review);
        List<Request> lists = google.requests("GET", "/calendars/primary/events");
        assertThat(lists).hasSize(3);
        assertThat(lists.get(0).query("timeMin")).isEqualTo("2026-11-23T06:00:00Z");
        assertThat(lists.get(0).query("showDeleted")).isEqualTo("false");
        assertThat(lists.get(1).query("pageToken")).isNotNull();
        assertThat(api.findWeeklyWith(token, "someone.else@example.com")).isEmpty();
    }

    @Test
    void find_weekly_with_prefers_the_series_whose_next_occurrence_comes_first() {
        // Started on a Tuesday long ago: next on Tue 1 Dec; the other is Wed 2 Dec, first ever.
        String tuesday =
                google.addWeekly(
                        ME,
                        "old",
                        LocalDateTime.of(2026, 1, 6, 9, 0),
                        PARIS,
                        Duration.ofMinutes(30),
                        BOSS);
        google.addWeekly(
                ME,
                "new",
                LocalDateTime.of(2026, 12, 2, 9, 0),
                PARIS,
                Duration.ofMinutes(30),
                BOSS);

        assertThat(api.findWeeklyWith(token, BOSS)).map(CalendarApi.Series::id).contains(tuesday);
    }

    @Test
    void changes_without_cursor_lists_the_window_then_each_change_is_reported_once() {
        String series = weeklyWithBoss();
        google.addBusy(ME, NOW, NOW.plusSeconds(600)); // not of the series

        CalendarApi.Changes first = api.changes(token, series, Optional.empty(), FROM, TO);

        assertThat(first.occurrences())
                .extracting(CalendarApi.Occurrence::originalStart)
                .containsExactly(
                        Instant.parse("2026-11-30T08:00:00Z"),
                        Instant.parse("2026-12-07T08:00:00Z"),
                        Instant.parse("2026-12-14T08:00:00Z"),
                        Instant.parse("2026-12-21T08:00:00Z"));
        assertThat(first.occurrences()).noneMatch(CalendarApi.Occurrence::cancelled);
        Request full = google.requests("GET", "/calendars/primary/events").get(0);
        assertThat(full.query("timeMin")).isEqualTo(FROM.toString());
        assertThat(full.query("singleEvents")).isEqualTo("false");

        CalendarApi.Changes none =
                api.changes(token, series, Optional.of(first.nextCursor()), FROM, TO);
        assertThat(none.occurrences()).isEmpty();

        google.cancelOccurrence(series, LocalDate.of(2026, 12, 7));
        Instant moved = Instant.parse("2026-12-15T13:00:00Z");
        google.moveOccurrence(series, LocalDate.of(2026, 12, 14), moved);
        CalendarApi.Changes changed =
                api.changes(token, series, Optional.of(none.nextCursor()), FROM, TO);

        assertThat(changed.occurrences()).hasSize(2);
        CalendarApi.Occurrence cancelled = changed.occurrences().get(0);
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(cancelled.originalStart()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        CalendarApi.Occurrence movedOne = changed.occurrences().get(1);
        assertThat(movedOne.cancelled()).isFalse();
        assertThat(movedOne.originalStart()).isEqualTo(Instant.parse("2026-12-14T08:00:00Z"));
        assertThat(movedOne.start()).isEqualTo(moved);
        assertThat(movedOne.end()).isEqualTo(moved.plus(Duration.ofMinutes(30)));

        assertThat(
                        api.changes(token, series, Optional.of(changed.nextCursor()), FROM, TO)
                                .occurrences())
                .isEmpty();
        for (Request r : google.requests("GET", "/calendars/primary/events")) {
            if (r.query("syncToken") != null) {
                assertThat(r.query("timeMin")).isNull();
                assertThat(r.query("singleEvents")).isEqualTo("false");
                assertThat(r.query("showDeleted")).isEqualTo("true");
            }
        }
    }

    @Test
    void a_cancelled_occurrence_shows_in_a_first_read_and_sync_pages_are_followed() {
        String series = weeklyWithBoss();
        google.cancelOccurrence(series, LocalDate.of(2026, 12, 14));
        google.pageSize(1);

        CalendarApi.Changes first = api.changes(token, series, Optional.empty(), FROM, TO);

        assertThat(first.occurrences()).hasSize(4);
        assertThat(first.occurrences().get(2).cancelled()).isTrue();
        google.moveOccurrence(
                series, LocalDate.of(2026, 12, 7), Instant.parse("2026-12-08T08:00:00Z"));
        google.moveOccurrence(
                series, LocalDate.of(2026, 12, 21), Instant.parse("2026-12-22T08:00:00Z"));
        CalendarApi.Changes next =
                api.changes(token, series, Optional.of(first.nextCursor()), FROM, TO);
        assertThat(next.occurrences())
                .extracting(CalendarApi.Occurrence::start)
                .containsExactlyInAnyOrder(
                        Instant.parse("2026-12-08T08:00:00Z"),
                        Instant.parse("2026-12-22T08:00:00Z"));
        assertThat(
                        google.requests("GET", "/calendars/primary/events").stream()
                                .filter(
                                        r ->
                                                r.query("syncToken") != null
                                                        && r.query("pageToken") != null))
                .isNotEmpty();
    }

    @Test
    void an_invalidated_cursor_is_cursor_expired() {
        String series = weeklyWithBoss();
        String cursor = api.changes(token, series, Optional.empty(), FROM, TO).nextCursor();
        google.invalidateCursors();

        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class,
                        () -> api.changes(token, series, Optional.of(cursor), FROM, TO));

        assertThat(e.kind()).isEqualTo(CalendarException.Kind.CURSOR_EXPIRED);
        assertThat(api.changes(token, series, Optional.empty(), FROM, TO).occurrences()).hasSize(4);
    }

    @Test
    void append_to_description_adds_to_what_the_occurrence_says() {
        String series = weeklyWithBoss();
        CalendarApi.Occurrence second =
                api.changes(token, series, Optional.empty(), FROM, TO).occurrences().get(1);

        api.appendToDescription(token, second.id(), "Agenda:\n- pipeline");
        api.appendToDescription(token, second.id(), "- hiring");

        assertThat(google.description(series, Optional.of(second.originalStart())))
                .isEqualTo("Agenda:\n- pipeline\n\n- hiring");
        assertThat(google.description(series, Optional.empty())).isEmpty();
        Request patch = google.requests("PATCH", second.id()).get(0);
        assertThat(JsonParser.parseString(patch.body()).getAsJsonObject().keySet())
                .containsExactly("description");
        assertThatThrownBy(() -> api.appendToDescription(token, "nope_20261207T080000Z", "x"))
                .isInstanceOfSatisfying(
                        CalendarException.class,
                        e -> assertThat(e.kind()).isEqualTo(CalendarException.Kind.NOT_FOUND));
    }

    @Test
    void occurrence_in_finds_the_weeks_occurrence_where_it_was_moved_to_but_not_a_cancelled_one() {
        String series = weeklyWithBoss(); // Mondays 09:00 Paris (08:00Z) from 30 Nov
        Instant week50 = Instant.parse("2026-12-06T23:00:00Z"); // Monday 7 Dec, 00:00 Paris
        Instant week51 = week50.plus(Duration.ofDays(7));
        Instant moved = Instant.parse("2026-12-09T15:00:00Z");
        google.moveOccurrence(series, LocalDate.of(2026, 12, 7), moved);
        google.cancelOccurrence(series, LocalDate.of(2026, 12, 14));

        Optional<CalendarApi.Occurrence> found = api.occurrenceIn(token, series, week50, week51);

        assertThat(found).isPresent();
        assertThat(found.get().originalStart()).isEqualTo(Instant.parse("2026-12-07T08:00:00Z"));
        assertThat(found.get().start()).isEqualTo(moved);
        Request asked = google.requests("GET", series + "/instances").get(0);
        assertThat(asked.query("timeMin")).isEqualTo("2026-11-29T23:00:00Z");
        assertThat(asked.query("timeMax")).isEqualTo("2026-12-20T23:00:00Z");
        assertThat(asked.query("showDeleted")).isNull();
        // its id is the one appendToDescription takes
        api.appendToDescription(token, found.get().id(), "Agenda");
        assertThat(google.description(series, Optional.of(found.get().originalStart())))
                .isEqualTo("Agenda");

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
                assertFailure(new Failure.RateLimited(7), CalendarException.Kind.RATE_LIMITED);
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
        assertFailure(new Failure.QuotaExceeded(), CalendarException.Kind.RATE_LIMITED);
        assertFailure(new Failure.Forbidden(), CalendarException.Kind.FAILED);
        assertFailure(new Failure.ServerError(500), CalendarException.Kind.UNAVAILABLE);
        assertFailure(new Failure.ServerError(503), CalendarException.Kind.UNAVAILABLE);
        assertFailure(new Failure.Hang(), CalendarException.Kind.UNAVAILABLE);
        assertFailure(
                new Failure.ProviderError(403, "userRateLimitExceeded"),
                CalendarException.Kind.RATE_LIMITED);
        assertFailure(
                new Failure.ProviderError(403, "forbiddenForNonOrganizer"),
                CalendarException.Kind.FAILED);
        assertFailure(new Failure.ProviderError(400, "badRequest"), CalendarException.Kind.FAILED);
        // and the fake is fine again afterwards
        assertThat(api.busy(token, List.of(), FROM, TO).mine()).isEmpty();
    }

    @Test
    void an_expired_access_token_is_unauthorized() {
        google.expireAccessTokens();

        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class, () -> api.findWeeklyWith(token, BOSS));

        assertThat(e.kind()).isEqualTo(CalendarException.Kind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(token);
        String fresh = google.accessToken(ME);
        assertThat(api.findWeeklyWith(fresh, BOSS)).isEmpty();
    }

    @Test
    void a_closed_port_is_unavailable() {
        google.close();

        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class, () -> api.busy(token, List.of(), FROM, TO));

        assertThat(e.kind()).isEqualTo(CalendarException.Kind.UNAVAILABLE);
    }

    private CalendarException assertFailure(Failure f, CalendarException.Kind kind) {
        google.failNext(1, f);
        CalendarException e =
                catchThrowableOfType(
                        CalendarException.class, () -> api.busy(token, List.of(BOSS), FROM, TO));
        assertThat(e).as(f.toString()).isNotNull();
        assertThat(e.kind()).as(f.toString()).isEqualTo(kind);
        assertThat(e.getMessage()).doesNotContain(token).startsWith("Google Calendar");
        return e;
    }
}
