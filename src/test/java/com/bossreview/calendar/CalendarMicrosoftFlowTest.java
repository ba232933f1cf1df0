package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.Secret;
import com.bossreview.install.TokenCipher;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.review.ReviewService;
import com.bossreview.review.ReviewState;
import com.bossreview.support.FakeMicrosoft;
import com.bossreview.support.FakeOAuthServer;
import com.bossreview.support.FakeProviderServer;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.Nudging;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.bossreview.time.IsoWeek;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpResponse;
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
 * {@link CalendarFlowTest}'s month through Microsoft 365 instead of Google: connect (Microsoft
 * rotates the refresh token on every refresh: the new one is stored and the next refresh sends it),
 * book a Graph series master with the boss as required attendee, weeks held without typing, a
 * cancelled occurrence rebooked from two offers, and a moved occurrence held at its new time.
 */
@ExtendWith(TestDatabase.class)
class CalendarMicrosoftFlowTest {
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";
    static final String BOSS = "U0BOSS";
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final String MY_ADDRESS = "ann@contoso.test";
    static final String BOSS_ADDRESS = "bo@contoso.test";
    static final String TOKEN_PATH = "/common/oauth2/v2.0/token";

    /** Monday 30 Nov 2026, 09:00 in New York. */
    static final Instant MONDAY = Instant.parse("2026-11-30T14:00:00Z");

    FakeSlack slack;
    FakeMicrosoft microsoft;
    MutableClock clock;
    TestApp app;
    Jdbi jdbi;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        microsoft = new FakeMicrosoft();
        clock = new MutableClock(MONDAY);
        app = TestApp.start(slack, clock, env(microsoft));
        jdbi = TestDatabase.database().jdbi();
        slack.userEmail(BOSS, BOSS_ADDRESS);
        addManager(jdbi);
    }

    /** The app's environment with Microsoft (and only Microsoft) at the fake. */
    static Map<String, String> env(FakeMicrosoft microsoft) {
        return Map.of(
                "MICROSOFT_CLIENT_ID", microsoft.clientId(),
                "MICROSOFT_CLIENT_SECRET", microsoft.clientSecret(),
                "MICROSOFT_LOGIN_URL", microsoft.loginUrl(),
                "MICROSOFT_GRAPH_URL", microsoft.graphUrl(),
                "BOSSREVIEW_PUBLIC_URL", "https://bossreview.test",
                "BOSSREVIEW_ENCRYPTION_KEY", TestApp.ENCRYPTION_KEY);
    }

    static void addManager(Jdbi jdbi) {
        jdbi.useHandle(
                h ->
                        h.execute(
                                """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, ?)""",
                                TEAM,
                                ME,
                                BOSS,
                                MONDAY,
                                MONDAY));
    }

    @AfterEach
    void stop() {
        app.close();
        microsoft.close();
        slack.close();
    }

    /** Connects the manager's Microsoft 365 calendar through Slack, the consent page and back. */
    static HttpResponse<String> connect(TestApp app, FakeProviderServer microsoft)
            throws Exception {
        HttpResponse<String> ack = app.slack().command(TEAM, ME, "connect calendar");
        URI authorize =
                URI.create(SlackButtons.url(ack.body(), CalendarCommands.CONNECT_MICROSOFT));
        URI back = microsoft.consent(authorize, MY_ADDRESS);
        assertThat(back.getPath()).isEqualTo("/calendar/callback/microsoft");
        return app.get(back.getRawPath() + "?" + back.getRawQuery());
    }

    private String command(String text) {
        return SlackRequests.text(app.slack().command(TEAM, ME, text));
    }

    /**
     * Syncs once, the week's review having ended, and sends what is due (the nudge engine is
     * stepped by hand here): the text of the question what the boss said, asked once for that week.
     */
    private String heldBySync() {
        sync().runOnce();
        Nudging.drain(app.nudges().engine());
        List<FakeSlack.Call> asked =
                slack.calls("chat.postMessage").stream()
                        .filter(
                                c ->
                                        String.valueOf(c.param("text"))
                                                .contains("Your calendar shows"))
                        .toList();
        assertThat(asked).hasSize(++asks);
        return asked.get(asks - 1).param("text");
    }

    /** The questions asked so far. */
    private int asks;

    private CalendarSync sync() {
        return app.calendar().orElseThrow().sync();
    }

    private Optional<ReviewState> week(LocalDate day) {
        return new ReviewService(jdbi, clock).stateOf(manager(), IsoWeek.of(day));
    }

    private Manager manager() {
        return jdbi.withExtension(ManagerDao.class, dao -> dao.find(TEAM, ME)).orElseThrow();
    }

    private void at(LocalDateTime local) {
        clock.set(local.atZone(NY).toInstant());
    }

    /** The refresh token the app holds now, unsealed. */
    private String storedRefreshToken() {
        String sealed =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT refresh_token FROM calendar_connection")
                                        .mapTo(String.class)
                                        .one());
        return new TokenCipher(new Secret(TestApp.ENCRYPTION_KEY), Optional.empty())
                .decrypt(sealed, "calendar:" + TEAM + ":" + ME + ":refresh");
    }

    private List<FakeOAuthServer.Request> refreshes() {
        return microsoft.requests("POST", TOKEN_PATH).stream()
                .filter(r -> "refresh_token".equals(r.form("grant_type")))
                .toList();
    }

    @Test
    void
            a_month_through_microsoft_365_a_cancelled_week_rebooked_and_a_moved_one_held_where_it_went()
                    throws Exception {
        HttpResponse<String> page = connect(app, microsoft);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your calendar is connected", MY_ADDRESS);
        String first = storedRefreshToken();

        // Book: a series master, weekly on Tuesday from the next one, the boss required, NY's zone.
        assertThat(command("review tue 17:00")).contains("Booking it in your calendar");
        List<FakeSlack.Call> replies =
                slack.awaitCalls(FakeSlack.RESPONSE_URL, 1, Duration.ofSeconds(10));
        assertThat(replies.get(replies.size() - 1).param("text"))
                .contains("Booked", "every Tuesday at 17:00", "your boss invited");
        List<FakeOAuthServer.Request> creates = microsoft.requests("POST", "/v1.0/me/events");
        assertThat(creates).hasSize(1);
        JsonObject master = JsonParser.parseString(creates.get(0).body()).getAsJsonObject();
        JsonObject pattern = master.getAsJsonObject("recurrence").getAsJsonObject("pattern");
        assertThat(pattern.get("type").getAsString()).isEqualTo("weekly");
        assertThat(pattern.get("interval").getAsInt()).isEqualTo(1);
        assertThat(pattern.get("daysOfWeek").toString()).isEqualTo("[\"tuesday\"]");
        assertThat(
                        master.getAsJsonObject("recurrence")
                                .getAsJsonObject("range")
                                .get("startDate")
                                .getAsString())
                .isEqualTo("2026-12-01");
        assertThat(master.getAsJsonObject("start").get("dateTime").getAsString())
                .startsWith("2026-12-01T17:00");
        assertThat(master.getAsJsonObject("start").get("timeZone").getAsString())
                .isIn("America/New_York", "Eastern Standard Time");
        JsonObject attendee = master.getAsJsonArray("attendees").get(0).getAsJsonObject();
        assertThat(attendee.get("type").getAsString()).isEqualTo("required");
        assertThat(attendee.getAsJsonObject("emailAddress").get("address").getAsString())
                .isEqualTo(BOSS_ADDRESS);
        String series =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT series_id FROM calendar_connection")
                                        .mapTo(String.class)
                                        .one());

        // Week 1, a day on: the access token has expired, the refresh brings a new refresh token.
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 1))).contains(ReviewState.BOOKED);
        assertThat(refreshes()).hasSize(1);
        assertThat(refreshes().get(0).form("refresh_token")).isEqualTo(first);
        String rotated = storedRefreshToken();
        assertThat(rotated).isNotEqualTo(first);
        at(LocalDateTime.of(2026, 12, 1, 17, 45));
        assertThat(heldBySync()).contains("took place: marked held");
        assertThat(week(LocalDate.of(2026, 12, 1))).contains(ReviewState.HELD);
        assertThat(refreshes()).hasSize(2);
        assertThat(refreshes().get(1).form("refresh_token")).isEqualTo(rotated);

        // Week 2 as planned.
        at(LocalDateTime.of(2026, 12, 8, 18, 0));
        assertThat(heldBySync()).contains("took place: marked held");
        assertThat(week(LocalDate.of(2026, 12, 8))).contains(ReviewState.HELD);

        // Week 3: the occurrence is cancelled; two free slots that week, one rebooked.
        at(LocalDateTime.of(2026, 12, 14, 9, 0));
        microsoft.cancelOccurrence(series, LocalDate.of(2026, 12, 15));
        int dms = slack.calls("chat.postMessage").size();
        sync().runOnce();
        FakeSlack.Call cancelled =
                slack.awaitCalls("chat.postMessage", dms + 1, Duration.ofSeconds(10)).get(dms);
        assertThat(cancelled.param("text")).contains("was cancelled in your calendar");
        List<String> offers = SlackButtons.values(cancelled.json("blocks"), CalendarActions.REBOOK);
        assertThat(offers).hasSize(2);
        assertThat(week(LocalDate.of(2026, 12, 15))).isEmpty();
        String chosen = offers.get(0);
        int notes = slack.calls(FakeSlack.RESPONSE_URL).size();
        app.slack().click(TEAM, ME, CalendarActions.REBOOK, chosen);
        assertThat(
                        slack.awaitCalls(FakeSlack.RESPONSE_URL, notes + 1, Duration.ofSeconds(10))
                                .get(notes)
                                .param("text"))
                .contains("This week's review is now", "The week still counts");
        microsoft.awaitRequests("POST", "/v1.0/me/events", 2, Duration.ofSeconds(10));
        JsonObject once =
                JsonParser.parseString(microsoft.requests("POST", "/v1.0/me/events").get(1).body())
                        .getAsJsonObject();
        assertThat(once.has("recurrence")).isFalse();
        assertThat(once.toString()).contains(BOSS_ADDRESS);
        assertThat(week(LocalDate.of(2026, 12, 15))).contains(ReviewState.BOOKED);
        at(LocalDateTime.parse(chosen).plusMinutes(30));
        assertThat(heldBySync()).contains("took place: marked held");
        assertThat(week(LocalDate.of(2026, 12, 15))).contains(ReviewState.HELD);

        // Week 4: the boss moves Tuesday's occurrence to Thursday 11:00. Not held at the old time.
        at(LocalDateTime.of(2026, 12, 21, 9, 0));
        microsoft.moveOccurrence(
                series,
                LocalDate.of(2026, 12, 22),
                LocalDateTime.of(2026, 12, 24, 11, 0).atZone(NY).toInstant());
        sync().runOnce();
        at(LocalDateTime.of(2026, 12, 22, 18, 0));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 22))).contains(ReviewState.BOOKED);
        at(LocalDateTime.of(2026, 12, 24, 11, 45));
        assertThat(heldBySync()).contains("took place: marked held");
        assertThat(week(LocalDate.of(2026, 12, 22))).contains(ReviewState.HELD);

        // Four weeks held, none typed.
        assertThat(new ReviewService(jdbi, clock).streak(manager())).isEqualTo(4);
        assertThat(slack.calls(FakeSlack.RESPONSE_URL))
                .noneMatch(c -> String.valueOf(c.param("text")).contains("/bossreview held"));
    }
}
