package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.review.ReviewService;
import com.bossreview.review.ReviewState;
import com.bossreview.support.FakeGoogle;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.Nudging;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.bossreview.time.IsoWeek;
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
 * Issue 15's "done": a manager connects Google Calendar, books the review with one command, and
 * goes a month without typing {@code booked} or {@code held} — the streak right, a cancelled week
 * rebooked — through the real Bolt app, the fake Slack and the fake Google.
 */
@ExtendWith(TestDatabase.class)
class CalendarFlowTest {
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";
    static final String BOSS = "U0BOSS";
    static final ZoneId NY = ZoneId.of("America/New_York");
    static final String MY_ADDRESS = "ann@acme.test";
    static final String BOSS_ADDRESS = "bo@acme.test";

    /** Monday 30 Nov 2026, 09:00 in New York. */
    static final Instant MONDAY = Instant.parse("2026-11-30T14:00:00Z");

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
        google.close();
        slack.close();
    }

    private String command(String text) {
        return SlackRequests.text(app.slack().command(TEAM, ME, text));
    }

    private HttpResponse<String> connectGoogle() throws Exception {
        HttpResponse<String> ack = app.slack().command(TEAM, ME, "connect calendar");
        URI authorize = URI.create(buttonUrl(ack.body(), CalendarCommands.CONNECT_GOOGLE));
        URI back = google.consent(authorize, MY_ADDRESS);
        assertThat(back.getPath()).isEqualTo("/calendar/callback/google");
        return app.get(back.getRawPath() + "?" + back.getRawQuery());
    }

    /** Sends what is due now: the nudge engine is stepped by hand here. */
    private void drain() {
        Nudging.drain(app.nudges().engine());
    }

    /** The feedback questions the manager got for {@code week}, held by the calendar. */
    private List<FakeSlack.Call> askedFor(String week) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ME.equals(c.param("channel")))
                .filter(c -> String.valueOf(c.param("text")).contains("Your calendar shows"))
                .filter(c -> buttonValues(c.json("blocks"), "review_held").equals(List.of(week)))
                .toList();
    }

    private String nudgeState(String kind, String period) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT state || coalesce(':' || outcome, '') FROM nudge"
                                                + " WHERE kind = :k AND period = :p")
                                .bind("k", kind)
                                .bind("p", period)
                                .mapTo(String.class)
                                .one());
    }

    private CalendarSync sync() {
        return app.calendar().orElseThrow().sync();
    }

    private Optional<ReviewState> week(LocalDate day) {
        Manager m = manager();
        return new ReviewService(jdbi, clock).stateOf(m, IsoWeek.of(day));
    }

    private Manager manager() {
        return jdbi.withExtension(ManagerDao.class, dao -> dao.find(TEAM, ME)).orElseThrow();
    }

    private void at(LocalDateTime local) {
        clock.set(local.atZone(NY).toInstant());
    }

    @Test
    void a_month_without_booked_or_held_the_streak_right_and_a_cancelled_week_rebooked()
            throws Exception {
        // Connect: a link only this manager gets, consent at Google, back to the app.
        HttpResponse<String> page = connectGoogle();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Your calendar is connected", MY_ADDRESS);
        assertThat(
                        slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(10))
                                .get(0)
                                .param("text"))
                .contains("Google Calendar (" + MY_ADDRESS + ") is connected");

        // Book: the slot is stored and booked at once, the boss invited.
        assertThat(command("review tue 17:00")).contains("Booking it in your calendar");
        List<FakeSlack.Call> replies =
                slack.awaitCalls(FakeSlack.RESPONSE_URL, 1, Duration.ofSeconds(10));
        assertThat(replies.get(replies.size() - 1).param("text"))
                .contains("Booked", "every Tuesday at 17:00", "your boss invited");
        List<FakeGoogle.Request> inserts = google.requests("POST", "/calendars/primary/events");
        assertThat(inserts).hasSize(1);
        assertThat(inserts.get(0).body())
                .contains("RRULE:FREQ=WEEKLY;BYDAY=TU", BOSS_ADDRESS, "America/New_York");
        String series =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT series_id FROM calendar_connection")
                                        .mapTo(String.class)
                                        .one());

        // Weeks 1 and 2: booked while the occurrence stands, held once it has ended.
        at(LocalDateTime.of(2026, 12, 1, 10, 0));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 1))).contains(ReviewState.BOOKED);
        at(LocalDateTime.of(2026, 12, 1, 17, 45));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 1))).contains(ReviewState.HELD);
        // No click marked it, so no modal could open: a nudge asks what the boss said, once.
        drain();
        assertThat(askedFor("2026-W49")).hasSize(1);
        FakeSlack.Call heldDm = askedFor("2026-W49").get(0);
        assertThat(heldDm.param("text"))
                .contains("Your calendar shows this week's review with <@" + BOSS + ">")
                .contains("marked held");
        assertThat(nudgeState("ASK_FEEDBACK", "2026-W49")).startsWith("SENT");
        sync().runOnce();
        drain();
        assertThat(askedFor("2026-W49")).as("however often the sync runs").hasSize(1);
        int opened = slack.calls("views.open").size();
        app.slack().clickIn(TEAM, heldDm, ME, "review_held", "2026-W49");
        assertThat(
                        slack.awaitCalls("views.open", opened + 1, Duration.ofSeconds(10))
                                .get(opened)
                                .json("view"))
                .contains("review_feedback", "2026-W49");
        assertThat(week(LocalDate.of(2026, 12, 1))).contains(ReviewState.HELD);
        at(LocalDateTime.of(2026, 12, 8, 18, 0));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 8))).contains(ReviewState.HELD);
        drain();
        assertThat(askedFor("2026-W50")).hasSize(1);

        // Week 3: the boss cancels Tuesday's occurrence; two free slots that week, not a skip.
        at(LocalDateTime.of(2026, 12, 14, 9, 0));
        google.cancelOccurrence(series, LocalDate.of(2026, 12, 15));
        int dms = slack.calls("chat.postMessage").size();
        sync().runOnce();
        FakeSlack.Call cancelled =
                slack.awaitCalls("chat.postMessage", dms + 1, Duration.ofSeconds(10)).get(dms);
        assertThat(cancelled.param("text")).contains("was cancelled in your calendar");
        List<String> offers = buttonValues(cancelled.json("blocks"), CalendarActions.REBOOK);
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
        google.awaitRequests("POST", "/calendars/primary/events", 2, Duration.ofSeconds(10));
        assertThat(google.requests("POST", "/calendars/primary/events").get(1).body())
                .doesNotContain("RRULE")
                .contains(BOSS_ADDRESS);
        assertThat(week(LocalDate.of(2026, 12, 15))).contains(ReviewState.BOOKED);
        at(LocalDateTime.parse(chosen).plusMinutes(30));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 15))).contains(ReviewState.HELD);

        // Week 4 as planned.
        at(LocalDateTime.of(2026, 12, 22, 18, 0));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 22))).contains(ReviewState.HELD);

        // Four weeks held, none typed.
        assertThat(new ReviewService(jdbi, clock).streak(manager())).isEqualTo(4);
        assertThat(slack.calls(FakeSlack.RESPONSE_URL))
                .noneMatch(c -> String.valueOf(c.param("text")).contains("/bossreview held"));
    }

    @Test
    void a_connection_link_works_once_and_nothing_is_stored_when_consent_is_refused()
            throws Exception {
        HttpResponse<String> ack = app.slack().command(TEAM, ME, "connect calendar");
        URI authorize = URI.create(buttonUrl(ack.body(), CalendarCommands.CONNECT_GOOGLE));
        URI back = google.consent(authorize, MY_ADDRESS);
        String path = back.getRawPath() + "?" + back.getRawQuery();
        assertThat(app.get(path).statusCode()).isEqualTo(200);
        HttpResponse<String> again = app.get(path);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired or was used already");

        // A refusal at Google: the state is spent, nothing is stored.
        app.slack().command(TEAM, ME, "disconnect calendar");
        HttpResponse<String> ack2 = app.slack().command(TEAM, ME, "connect calendar");
        URI authorize2 = URI.create(buttonUrl(ack2.body(), CalendarCommands.CONNECT_GOOGLE));
        String state = query(authorize2, "state");
        HttpResponse<String> refused =
                app.get("/calendar/callback/google?error=access_denied&state=" + state);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("did not allow");
        assertThat(count("calendar_connection")).isZero();
    }

    @Test
    void disconnect_and_forget_delete_the_tokens_and_revoke_them_at_google() throws Exception {
        connectGoogle();
        assertThat(command("disconnect calendar")).contains("Disconnected your Google Calendar");
        assertThat(count("calendar_connection")).isZero();
        awaitRevoked(1);

        connectGoogle();
        assertThat(count("calendar_connection")).isEqualTo(1);
        app.slack().click(TEAM, ME, "confirm_forget", ME);
        awaitRevoked(2);
        assertThat(count("calendar_connection")).isZero();
        assertThat(count("manager")).isZero();
    }

    @Test
    void a_week_held_by_the_calendar_asks_nothing_with_nudges_off_or_feedback_given()
            throws Exception {
        connectGoogle();
        command("review tue 17:00");
        slack.awaitCalls(FakeSlack.RESPONSE_URL, 1, Duration.ofSeconds(10));
        assertThat(command("settings nudges off")).contains("Nudges are off");
        at(LocalDateTime.of(2026, 12, 1, 17, 45));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 1))).contains(ReviewState.HELD);
        drain();
        assertThat(nudgeState("ASK_FEEDBACK", "2026-W49")).isEqualTo("SKIPPED:nudges off");
        assertThat(askedFor("2026-W49")).isEmpty();

        // Feedback given before the question goes out (a Held click opened the modal): not asked.
        assertThat(command("settings nudges on")).contains("Nudges are on");
        at(LocalDateTime.of(2026, 12, 8, 17, 45));
        sync().runOnce();
        jdbi.useHandle(
                h ->
                        h.execute(
                                "INSERT INTO review_feedback (team_id, user_id, week, boss_said, written_at)"
                                        + " VALUES (?, ?, '2026-W50', 'Close Acme', now())",
                                TEAM,
                                ME));
        drain();
        assertThat(nudgeState("ASK_FEEDBACK", "2026-W50")).isEqualTo("SKIPPED:feedback given");
        assertThat(slack.calls("chat.postMessage"))
                .noneMatch(c -> String.valueOf(c.param("text")).contains("Your calendar shows"));
    }

    @Test
    void a_sync_late_after_did_it_happen_does_not_ask_a_second_time() throws Exception {
        connectGoogle();
        command("review tue 17:00");
        slack.awaitCalls(FakeSlack.RESPONSE_URL, 1, Duration.ofSeconds(10));
        // The sync is behind (a provider outage): "Did it happen?" goes out first, with its Held.
        at(LocalDateTime.of(2026, 12, 1, 17, 46));
        drain();
        assertThat(nudgeState("DID_IT_HAPPEN", "2026-W49")).startsWith("SENT");
        at(LocalDateTime.of(2026, 12, 1, 18, 30));
        sync().runOnce();
        assertThat(week(LocalDate.of(2026, 12, 1))).contains(ReviewState.HELD);
        drain();
        assertThat(nudgeState("ASK_FEEDBACK", "2026-W49"))
                .isEqualTo("SKIPPED:asked by did it happen");
        assertThat(askedFor("2026-W49")).isEmpty();
    }

    @Test
    void revoked_consent_is_told_once_and_the_manager_can_mark_by_hand_again() throws Exception {
        connectGoogle();
        command("review tue 17:00");
        // The booking's reply comes once the series is stored.
        slack.awaitCalls(FakeSlack.RESPONSE_URL, 1, Duration.ofSeconds(10));
        google.revokeConsent(MY_ADDRESS);
        clock.set(clock.instant().plus(Duration.ofHours(2))); // the access token has expired
        int dms = slack.calls("chat.postMessage").size();
        // Slack is busy at that moment: the notice waits out the Retry-After and goes once.
        slack.fail("chat.postMessage", new FakeSlack.Fault.RateLimited(1), 1);
        sync().runOnce();
        List<FakeSlack.Call> told =
                slack.awaitCalls("chat.postMessage", dms + 2, Duration.ofSeconds(10));
        assertThat(told.get(dms).faulted()).isTrue();
        assertThat(told.get(dms + 1).faulted()).isFalse();
        assertThat(told.get(dms + 1).param("text"))
                .contains("access was withdrawn", "connect calendar");
        clock.set(clock.instant().plus(Duration.ofHours(2)));
        sync().runOnce(); // not due any more: a revoked connection is not read
        boolean revoked =
                jdbi.withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT revoked_at IS NOT NULL FROM calendar_connection")
                                        .mapTo(Boolean.class)
                                        .one());
        assertThat(revoked).isTrue();
        assertThat(command("held")).doesNotContain("calendar");
    }

    @Test
    void an_existing_weekly_meeting_with_the_boss_is_adopted_not_duplicated() throws Exception {
        connectGoogle();
        String existing =
                google.addWeekly(
                        MY_ADDRESS,
                        "1:1 Ann / Bo",
                        LocalDateTime.of(2026, 12, 3, 16, 30),
                        NY,
                        Duration.ofMinutes(30),
                        BOSS_ADDRESS);
        int inserts = google.requests("POST", "/calendars/primary/events").size();
        command("review tue 17:00");
        List<FakeSlack.Call> replies =
                slack.awaitCalls(FakeSlack.RESPONSE_URL, 1, Duration.ofSeconds(10));
        assertThat(replies.get(replies.size() - 1).param("text"))
                .contains("You already have a weekly meeting with your boss", "Thursdays");
        assertThat(google.requests("POST", "/calendars/primary/events")).hasSize(inserts);
        String series =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT series_id FROM calendar_connection")
                                        .mapTo(String.class)
                                        .one());
        assertThat(series).isEqualTo(existing);
    }

    @Test
    void an_uninstall_deletes_the_calendar_tokens_at_once_and_revokes_them_at_google()
            throws Exception {
        connectGoogle();
        assertThat(app.slack().appUninstalled(TEAM).statusCode()).isEqualTo(200);
        assertThat(count("calendar_connection")).isZero();
        awaitRevoked(1);
    }

    private void awaitRevoked(int n) throws InterruptedException {
        google.awaitRequests("POST", "/revoke", n, Duration.ofSeconds(10));
        assertThat(google.revoked()).hasSize(n);
    }

    private int count(String table) {
        return jdbi.withHandle(
                h -> h.createQuery("SELECT count(*) FROM " + table).mapTo(Integer.class).one());
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + uri);
    }

    private static String buttonUrl(String ackBody, String actionId) {
        return SlackButtons.url(ackBody, actionId);
    }

    private static List<String> buttonValues(String blocksJson, String actionId) {
        return SlackButtons.values(blocksJson, actionId);
    }
}
