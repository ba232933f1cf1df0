package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * The "Add to calendar" feed end to end: the button in the slot reply, the file from the app's own
 * HTTP server, the token kept across slot changes and gone with the manager.
 */
@ExtendWith(TestDatabase.class)
class CalendarFeedTest {
    private static final String PUBLIC_URL = "https://bossreview.example.com";
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String ME = "U0MANAGER";
    private static final String BOSS = "U0BOSS";

    /** Wednesday 2026-11-25, 05:00 in New York. */
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");

    private static final Pattern FEED_URL =
            Pattern.compile(Pattern.quote(PUBLIC_URL) + "/calendar/ics/[A-Za-z0-9_-]{43}\\.ics");

    private static final MutableClock clock = new MutableClock(WEDNESDAY);
    private static final HttpClient http = HttpClient.newHttpClient();
    private static FakeSlack slack;
    private static TestApp app;

    @BeforeAll
    static void start() {
        System.setProperty("net.fortuna.ical4j.timezone.update.enabled", "false");
        slack = new FakeSlack();
        app = TestApp.start(slack, clock, Map.of("BOSSREVIEW_PUBLIC_URL", PUBLIC_URL + "/"));
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void reset() {
        clock.set(WEDNESDAY);
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, ?)""",
                                        TEAM,
                                        ME,
                                        BOSS,
                                        WEDNESDAY,
                                        WEDNESDAY));
    }

    private static JsonObject review(String args) {
        HttpResponse<String> r = app.slack().command(TEAM, ME, "review " + args);
        assertThat(SlackRequests.text(r)).contains("Your weekly review is set for");
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The URL of the Add to calendar button in a reply's blocks. */
    private static Optional<String> buttonUrl(JsonArray blocks) {
        for (var block : blocks) {
            JsonObject b = block.getAsJsonObject();
            if ("actions".equals(b.get("type").getAsString())) {
                for (var element : b.getAsJsonArray("elements")) {
                    JsonObject e = element.getAsJsonObject();
                    if (CalendarFeedButton.ADD_TO_CALENDAR.equals(
                            e.get("action_id").getAsString())) {
                        return Optional.of(e.get("url").getAsString());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Where the feed is on the test app: the public URL's path. */
    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private static String feedUrl() {
        return buttonUrl(review("fri 17:00").getAsJsonArray("blocks")).orElseThrow();
    }

    @Test
    void the_slot_reply_keeps_its_text_and_gets_an_add_to_calendar_button_to_the_feed() {
        JsonObject reply = review("fri 17:00");
        assertThat(reply.get("text").getAsString())
                .contains("Book it now as a recurring 30-minute meeting with <@U0BOSS>");
        JsonArray blocks = reply.getAsJsonArray("blocks");
        assertThat(
                        blocks.get(0)
                                .getAsJsonObject()
                                .getAsJsonObject("text")
                                .get("text")
                                .getAsString())
                .isEqualTo(reply.get("text").getAsString());
        assertThat(buttonUrl(blocks)).get().asString().matches(FEED_URL);
        assertThat(
                        TestDatabase.rows(
                                "calendar_feed WHERE team_id = 'T0001' AND user_id = 'U0MANAGER'"))
                .isOne();
    }

    @Test
    void the_feed_is_the_weekly_review_as_icalendar() throws Exception {
        HttpResponse<String> r = app.get(path(feedUrl()));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/calendar; charset=utf-8");
        assertThat(r.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"weekly-review.ics\"");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        String ics = r.body().replace("\r\n ", "");
        assertThat(ics)
                .startsWith("BEGIN:VCALENDAR\r\n")
                .contains(
                        "\r\nTZID:America/New_York\r\n",
                        "\r\nDTSTART;TZID=America/New_York:20261127T170000\r\n",
                        "\r\nRRULE:FREQ=WEEKLY;BYDAY=FR\r\n",
                        "\r\nDURATION:PT30M\r\n",
                        // The fake Slack's users.info profile: display name "spengler".
                        "\r\nSUMMARY:Weekly review with spengler\r\n");
        VEvent event =
                new CalendarBuilder()
                        .build(new StringReader(r.body()))
                        .<VEvent>getComponent("VEVENT")
                        .orElseThrow();
        String sha = CalendarFeedToken.sha256(token(feedUrl()));
        assertThat(event.getProperty("UID").orElseThrow().getValue())
                .isEqualTo(sha.substring(0, 32) + "@bossreview");
    }

    @Test
    void head_answers_the_same_headers_without_the_file() throws Exception {
        HttpResponse<String> r =
                http.send(
                        HttpRequest.newBuilder(
                                        URI.create(
                                                "http://127.0.0.1:" + app.port() + path(feedUrl())))
                                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("text/calendar; charset=utf-8");
        assertThat(r.body()).isEmpty();
    }

    @Test
    void the_url_stays_when_the_slot_moves_and_the_feed_follows_the_slot() throws Exception {
        String first = feedUrl();
        JsonObject moved = review("mon 7:30");
        assertThat(buttonUrl(moved.getAsJsonArray("blocks"))).contains(first);
        assertThat(TestDatabase.rows("calendar_feed")).isOne();
        String ics = app.get(path(first)).body();
        assertThat(ics)
                .contains(
                        "\r\nDTSTART;TZID=America/New_York:20261130T073000\r\n",
                        "\r\nRRULE:FREQ=WEEKLY;BYDAY=MO\r\n");
    }

    @Test
    void another_manager_gets_another_url() {
        String mine = feedUrl();
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                INSERT INTO manager (team_id, user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, 'U0OTHER', 'Europe/London', ?, ?)""",
                                        TEAM,
                                        WEDNESDAY,
                                        WEDNESDAY));
        HttpResponse<String> r = app.slack().command(TEAM, "U0OTHER", "review fri 17:00");
        SlackRequests.text(r);
        String theirs =
                buttonUrl(
                                JsonParser.parseString(r.body())
                                        .getAsJsonObject()
                                        .getAsJsonArray("blocks"))
                        .orElseThrow();
        assertThat(theirs).matches(FEED_URL).isNotEqualTo(mine);
    }

    @Test
    void an_unknown_or_malformed_token_is_not_found() throws Exception {
        feedUrl();
        for (String rest :
                new String[] {
                    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics",
                    "short.ics",
                    token(feedUrl()),
                    token(feedUrl()) + ".ics.ics",
                    token(feedUrl()).substring(1) + ".ics"
                }) {
            HttpResponse<String> r = app.get("/calendar/ics/" + rest);
            assertThat(r.statusCode()).as(rest).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type"))
                    .as(rest)
                    .contains("text/plain; charset=utf-8");
            assertThat(r.body()).as(rest).doesNotContain("BEGIN:VCALENDAR");
        }
    }

    @Test
    void a_manager_without_a_slot_now_is_told_why_not() throws Exception {
        String url = feedUrl();
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "UPDATE manager SET review_day = NULL, review_time = NULL WHERE user_id = ?",
                                        ME));
        HttpResponse<String> r = app.get(path(url));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).startsWith("No weekly review slot is set");
    }

    @Test
    void forget_deletes_the_feed() throws Exception {
        String url = feedUrl();
        assertThat(app.get(path(url)).statusCode()).isEqualTo(200);
        int responses = slack.calls(FakeSlack.RESPONSE_URL).size();
        app.slack().click(TEAM, ME, "confirm_forget", ME);
        slack.awaitCalls(FakeSlack.RESPONSE_URL, responses + 1, Duration.ofSeconds(10));
        assertThat(TestDatabase.rows("calendar_feed")).isZero();
        assertThat(app.get(path(url)).statusCode()).isEqualTo(404);
    }

    @Test
    void an_uninstall_deletes_the_feed() throws Exception {
        String url = feedUrl();
        assertThat(app.slack().appUninstalled(TEAM).statusCode()).isEqualTo(200);
        assertThat(TestDatabase.rows("calendar_feed")).isZero();
        assertThat(app.get(path(url)).statusCode()).isEqualTo(404);
    }

    @Test
    void a_click_on_the_button_is_acknowledged() {
        String url = feedUrl();
        HttpResponse<String> r =
                app.slack()
                        .click(
                                TEAM,
                                ME,
                                CalendarFeedButton.ADD_TO_CALENDAR,
                                "",
                                CalendarFeedButton.ADD_TO_CALENDAR);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(url).matches(FEED_URL);
    }

    @Test
    void the_token_never_reaches_the_logs() throws Exception {
        Logger root =
                ((LoggerContext) LoggerFactory.getILoggerFactory())
                        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            String url = feedUrl();
            app.get(path(url));
            app.get("/calendar/ics/" + "Z".repeat(43) + ".ics");
            slack.fail("users.info", new FakeSlack.Fault.ApiError("internal_error"), 1);
            assertThat(app.get(path(url)).body())
                    .as("Slack not answering costs the boss's name, not the file")
                    .contains("\r\nSUMMARY:Weekly review with my boss\r\n");
            String logs =
                    captured.list.stream()
                            .map(e -> e.getLoggerName() + " " + e.getFormattedMessage())
                            .collect(Collectors.joining("\n"));
            assertThat(logs).contains("/calendar/ics/…").doesNotContain(token(url));
        } finally {
            root.setLevel(level);
            root.detachAppender(captured);
            slack.clearFaults();
        }
    }

    @Test
    void the_setup_form_confirmation_has_the_button_when_it_sets_a_slot() throws Exception {
        int dms = slack.calls("chat.postMessage").size();
        var r = app.slack().submit(TEAM, ME, "setup_modal", "", setupValues("5", "17:00"));
        assertThat(r.statusCode()).isEqualTo(200);
        FakeSlack.Call dm =
                slack.awaitCalls("chat.postMessage", dms + 1, Duration.ofSeconds(10)).get(dms);
        assertThat(dm.param("text")).contains("Setup saved");
        assertThat(buttonUrl(JsonParser.parseString(dm.param("blocks")).getAsJsonArray()))
                .get()
                .asString()
                .matches(FEED_URL);
    }

    private static String token(String url) {
        String path = path(url);
        return path.substring("/calendar/ics/".length(), path.length() - ".ics".length());
    }

    /** The setup modal's state with a review day and time, the rest as a manager would leave it. */
    private static JsonObject setupValues(String day, String time) {
        String option = "{\"text\":{\"type\":\"plain_text\",\"text\":\"%s\"},\"value\":\"%s\"}";
        return JsonParser.parseString(
                        """
                {"boss": {"boss": {"type": "users_select", "selected_user": "U0BOSS"}},
                 "review_day": {"review_day": {"type": "static_select", "selected_option": %s}},
                 "review_time": {"review_time": {"type": "timepicker", "selected_time": "%s"}},
                 "tz": {"tz": {"type": "plain_text_input", "value": "America/New_York"}},
                 "prime": {"prime": {"type": "plain_text_input", "value": "09:00-12:00,13:30-16:30"}},
                 "fiscal": {"fiscal": {"type": "static_select", "selected_option": %s}},
                 "nudges": {"nudges": {"type": "radio_buttons", "selected_option": %s}}}"""
                                .formatted(
                                        option.formatted(day, day),
                                        time,
                                        option.formatted("1", "1"),
                                        option.formatted("on", "on")))
                .getAsJsonObject();
    }
}
