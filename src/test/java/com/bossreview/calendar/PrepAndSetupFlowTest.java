package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeGoogle;
import com.bossreview.support.FakeOAuthServer.Failure;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's last two asks, through the real Bolt app, the fake Slack and the fake Google: the
 * agenda sent to the boss goes into the week's review event as well (once, and never at the
 * agenda's expense), and the setup modal books the slot chosen in it, or offers free ones.
 */
@ExtendWith(TestDatabase.class)
class PrepAndSetupFlowTest {
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";
    static final String BOSS = "U0BOSS";
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final String MY_ADDRESS = "ann@acme.test";
    static final String BOSS_ADDRESS = "bo@acme.test";

    /** Monday 30 Nov 2026 (2026-W49), 09:00 in New York. */
    static final Instant MONDAY = Instant.parse("2026-11-30T14:00:00Z");

    /** Tuesday 1 Dec, 17:00 in New York: the first review of a series booked for Tuesdays. */
    static final Instant FIRST_TUESDAY = Instant.parse("2026-12-01T22:00:00Z");

    FakeSlack slack;
    FakeGoogle google;
    MutableClock clock;
    TestApp app;
    Jdbi jdbi;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        google = new FakeGoogle();
        clock = new MutableClock(MONDAY);
        app =
                TestApp.start(
                        slack,
                        clock,
                        Map.of(
                                "GOOGLE_CLIENT_ID", google.clientId(),
                                "GOOGLE_CLIENT_SECRET", google.clientSecret(),
                                "GOOGLE_AUTH_URL", google.url() + "o/oauth2/v2/auth",
                                "GOOGLE_OAUTH_URL", google.url(),
                                "GOOGLE_API_URL", google.url(),
                                "BOSSREVIEW_PUBLIC_URL", "https://bossreview.test",
                                "BOSSREVIEW_ENCRYPTION_KEY", TestApp.ENCRYPTION_KEY));
        jdbi = TestDatabase.database().jdbi();
        slack.userEmail(BOSS, BOSS_ADDRESS);
        jdbi.useHandle(
                h -> {
                    h.execute(
                            """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, ?)""",
                            TEAM,
                            ME,
                            BOSS,
                            MONDAY,
                            MONDAY);
                    h.execute(
                            "INSERT INTO news (team_id, user_id, kind, body, logged_at)"
                                    + " VALUES (?, ?, 'GOOD', 'Signed <Initech> & co', ?)",
                            TEAM,
                            ME,
                            MONDAY.minus(Duration.ofDays(1)));
                    h.execute(
                            "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount,"
                                    + " currency, note, recorded_at)"
                                    + " VALUES (?, ?, 2026, 4, 250000, 'USD', 'Acme <big>', ?)",
                            TEAM,
                            ME,
                            MONDAY.minus(Duration.ofDays(1)));
                });
    }

    @AfterEach
    void stop() {
        app.close();
        google.close();
        slack.close();
    }

    // ---- the agenda in the review event ----

    @Test
    void the_agenda_sent_to_the_boss_goes_into_this_weeks_occurrence_once() throws Exception {
        String series = connectAndBookTuesdays();
        int dms = slack.calls("chat.postMessage").size();

        String said = sendAgenda("2026-W49");

        FakeSlack.Call dm = slack.awaitCalls("chat.postMessage", dms + 1, WAIT).get(dms);
        assertThat(dm.param("channel")).isEqualTo(BOSS);
        assertThat(said).contains("Agenda sent", "also added to your calendar event");
        String occurrence = google.description(series, Optional.of(FIRST_TUESDAY));
        assertThat(occurrence)
                .startsWith("Weekly review with your boss, booked by bossreview")
                .contains(
                        "\n\nAgenda, sent ahead by bossreview\n\nSince our last review",
                        "• Good: Signed <Initech> & co",
                        "• Forecast Q4 FY2026: $250,000 — Acme <big>",
                        "Questions for you")
                .doesNotContain("*", ":large_green_circle:", ":bar_chart:", "&lt;");
        // that week's occurrence only: the series and next week's are as they were
        assertThat(google.description(series, Optional.empty())).doesNotContain("Agenda");
        assertThat(google.description(series, Optional.of(FIRST_TUESDAY.plus(Duration.ofDays(7)))))
                .doesNotContain("Agenda");

        // Sent again: refused as sent already, and nothing is added twice.
        assertThat(sendAgenda("2026-W49")).contains("already sent").doesNotContain("calendar");
        assertThat(google.requests().stream().filter(r -> r.method().equals("PATCH"))).hasSize(1);
        assertThat(google.description(series, Optional.of(FIRST_TUESDAY))).isEqualTo(occurrence);
    }

    @Test
    void a_calendar_that_fails_leaves_the_agenda_dm_alone_and_the_reply_does_not_claim_it()
            throws Exception {
        connectAndBookTuesdays();
        int dms = slack.calls("chat.postMessage").size();
        google.failNext(1, new Failure.ServerError(503), "/calendar/v3/");

        String said = sendAgenda("2026-W49");

        assertThat(slack.awaitCalls("chat.postMessage", dms + 1, WAIT).get(dms).param("channel"))
                .isEqualTo(BOSS);
        assertThat(said).contains("Agenda sent").doesNotContain("calendar");
        assertThat(TestDatabase.rows("agenda_sent WHERE sent_to = 'U0BOSS'")).isEqualTo(1);
        assertThat(google.requests().stream().filter(r -> r.method().equals("PATCH"))).isEmpty();
    }

    @Test
    void without_a_booked_series_the_agenda_is_sent_and_nothing_is_said_of_a_calendar()
            throws Exception {
        connectGoogle();

        assertThat(sendAgenda("2026-W49")).contains("Agenda sent").doesNotContain("calendar");
        assertThat(google.requests("GET", "/instances")).isEmpty();
    }

    @Test
    void a_rebooked_week_gets_the_agenda_in_its_one_off_event() throws Exception {
        String series = connectAndBookTuesdays();
        clock.set(LocalDateTime.of(2026, 12, 14, 9, 0).atZone(NY).toInstant()); // 2026-W51
        google.cancelOccurrence(series, LocalDate.of(2026, 12, 15));
        int dms = slack.calls("chat.postMessage").size();
        app.calendar().orElseThrow().sync().runOnce();
        FakeSlack.Call cancelled = slack.awaitCalls("chat.postMessage", dms + 1, WAIT).get(dms);
        String slot = SlackButtons.values(cancelled.json("blocks"), CalendarActions.REBOOK).get(0);
        int notes = slack.calls(FakeSlack.RESPONSE_URL).size();
        app.slack().click(TEAM, ME, CalendarActions.REBOOK, slot);
        assertThat(
                        slack.awaitCalls(FakeSlack.RESPONSE_URL, notes + 1, WAIT)
                                .get(notes)
                                .param("text"))
                .contains("This week's review is now");
        String once =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT once_event_id FROM calendar_week WHERE once_event_id IS NOT NULL")
                                        .mapTo(String.class)
                                        .one());

        assertThat(sendAgenda("2026-W51")).contains("also added to your calendar event");
        assertThat(google.description(once, Optional.empty()))
                .startsWith("This week's review with your boss, moved by bossreview.")
                .contains("Agenda, sent ahead by bossreview");
        assertThat(google.description(series, Optional.empty())).doesNotContain("Agenda");
    }

    // ---- setup ----

    @Test
    void setup_without_a_slot_offers_free_ones_and_one_click_books_the_series() throws Exception {
        connectGoogle();
        int dms = slack.calls("chat.postMessage").size();

        submitSetup(null, null, "on");

        FakeSlack.Call saved = slack.awaitCalls("chat.postMessage", dms + 1, WAIT).get(dms);
        assertThat(saved.param("text")).contains("Setup saved");
        List<String> offers = SlackButtons.values(saved.json("blocks"), CalendarActions.BOOK);
        assertThat(offers).isNotEmpty();
        assertThat(saved.json("blocks")).contains("Free in your calendar");
        assertThat(google.requests("POST", "/calendars/primary/events")).isEmpty();

        int notes = slack.calls(FakeSlack.RESPONSE_URL).size();
        app.slack().click(TEAM, ME, CalendarActions.BOOK, offers.get(0));
        assertThat(
                        slack.awaitCalls(FakeSlack.RESPONSE_URL, notes + 1, WAIT)
                                .get(notes)
                                .param("text"))
                .contains("Booked", "your boss invited");
        assertThat(google.requests("POST", "/calendars/primary/events")).hasSize(1);
        assertThat(TestDatabase.rows("manager WHERE review_day IS NOT NULL")).isEqualTo(1);
    }

    @Test
    void a_slot_chosen_in_setup_is_booked_at_once_and_not_again_when_saved_unchanged()
            throws Exception {
        connectGoogle();
        int dms = slack.calls("chat.postMessage").size();

        submitSetup("2", "17:00", "on");

        FakeSlack.Call saved = slack.awaitCalls("chat.postMessage", dms + 1, WAIT).get(dms);
        assertThat(saved.param("text")).contains("Setup saved");
        assertThat(saved.json("blocks"))
                .contains("Booked", "every Tuesday at 17:00", "your boss invited")
                .doesNotContain(CalendarFeedButton.ADD_TO_CALENDAR, CalendarActions.BOOK);
        List<FakeGoogle.Request> inserts = google.requests("POST", "/calendars/primary/events");
        assertThat(inserts).hasSize(1);
        assertThat(inserts.get(0).body())
                .contains("RRULE:FREQ=WEEKLY;BYDAY=TU", BOSS_ADDRESS, "America/New_York");

        // Saved again with the slot it came with: the settings change, the booking does not.
        int calendarReads = google.requests().size();
        submitSetup("2", "17:00", "off");
        FakeSlack.Call again = slack.awaitCalls("chat.postMessage", dms + 2, WAIT).get(dms + 1);
        assertThat(again.param("text")).contains("Setup saved");
        assertThat(again.json("blocks"))
                .doesNotContain("Booked", "already have a weekly meeting", CalendarActions.BOOK);
        assertThat(google.requests()).hasSize(calendarReads); // not even looked for
        assertThat(google.requests("POST", "/calendars/primary/events")).hasSize(1);
        assertThat(TestDatabase.rows("manager WHERE nudges_enabled = false")).isEqualTo(1);
    }

    // ---- helpers ----

    static final Duration WAIT = Duration.ofSeconds(10);

    private void connectGoogle() throws Exception {
        int dms = slack.calls("chat.postMessage").size();
        var ack = app.slack().command(TEAM, ME, "connect calendar");
        URI authorize = URI.create(SlackButtons.url(ack.body(), CalendarCommands.CONNECT_GOOGLE));
        URI back = google.consent(authorize, MY_ADDRESS);
        assertThat(app.get(back.getRawPath() + "?" + back.getRawQuery()).statusCode())
                .isEqualTo(200);
        slack.awaitCalls("chat.postMessage", dms + 1, WAIT); // "… is connected"
    }

    /** Connected, and the review booked every Tuesday at 17:00; the series' id. */
    private String connectAndBookTuesdays() throws Exception {
        connectGoogle();
        int notes = slack.calls(FakeSlack.RESPONSE_URL).size();
        SlackRequests.text(app.slack().command(TEAM, ME, "review tue 17:00"));
        assertThat(
                        slack.awaitCalls(FakeSlack.RESPONSE_URL, notes + 1, WAIT)
                                .get(notes)
                                .param("text"))
                .contains("Booked");
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT series_id FROM calendar_connection")
                                .mapTo(String.class)
                                .one());
    }

    /** Clicks Send to boss on the agenda of {@code week}; what the manager is told. */
    private String sendAgenda(String week) throws Exception {
        int notes = slack.calls(FakeSlack.RESPONSE_URL).size();
        app.slack().click(TEAM, ME, "send_agenda", week);
        return slack.awaitCalls(FakeSlack.RESPONSE_URL, notes + 1, WAIT).get(notes).param("text");
    }

    private void submitSetup(String day, String time, String nudges) {
        JsonObject v = new JsonObject();
        v.add("boss", block("boss", Map.of()));
        v.add(
                "review_day",
                block("review_day", day == null ? Map.of("type", "static_select") : selected(day)));
        v.add(
                "review_time",
                block(
                        "review_time",
                        time == null
                                ? Map.of("type", "timepicker")
                                : Map.of("type", "timepicker", "selected_time", time)));
        v.add("tz", block("tz", Map.of("type", "plain_text_input", "value", NY.getId())));
        v.add(
                "prime",
                block(
                        "prime",
                        Map.of("type", "plain_text_input", "value", "09:00-12:00,13:30-17:00")));
        v.add("fiscal", block("fiscal", selected("1")));
        v.add("nudges", block("nudges", selected(nudges)));
        assertThat(app.slack().submit(TEAM, ME, "setup_modal", "", v).statusCode()).isEqualTo(200);
    }

    private static Map<String, Object> selected(String value) {
        return Map.of(
                "type",
                "static_select",
                "selected_option",
                Map.of("text", Map.of("type", "plain_text", "text", value), "value", value));
    }

    private static JsonObject block(String actionId, Map<String, ?> state) {
        JsonObject block = new JsonObject();
        block.add(actionId, JsonParser.parseString(new Gson().toJson(state)).getAsJsonObject());
        return block;
    }
}
