package com.bossreview.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeGoogle;
import com.bossreview.support.FakeMicrosoft;
import com.bossreview.support.FakeOAuthServer.Failure;
import com.bossreview.support.FakeProviderServer;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sync when the provider fails: rate limits, 5xx, a hang, a refused access token, a refused
 * cursor, and two instances at once. Whatever happens, no change the calendar made is lost and none
 * is told twice: the cancelled-week DM goes out exactly once. How many times it was decided is seen
 * without waiting for the DM: each decision reads free/busy for the offers, synchronously, in the
 * sync.
 */
@ExtendWith(TestDatabase.class)
class CalendarSyncFailuresTest {
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";
    static final String BOSS = "U0BOSS";
    static final String BOSS_ADDRESS = "bo@acme.test";

    /** Monday 30 Nov 2026, 09:00 in New York; the review is booked for Tuesdays at 17:00. */
    static final Instant MONDAY = Instant.parse("2026-11-30T14:00:00Z");

    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    /** The sync interval's back-off base: a tenth of the default five minutes, at least 30 s. */
    static final Duration BASE = Duration.ofSeconds(30);

    static final Duration EVERY = Duration.ofSeconds(300);

    enum Provider {
        GOOGLE,
        MICROSOFT
    }

    FakeSlack slack;
    FakeProviderServer fake;
    Provider provider;
    MutableClock clock;
    final List<TestApp> apps = new ArrayList<>();
    Jdbi jdbi;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        clock = new MutableClock(MONDAY);
        jdbi = TestDatabase.database().jdbi();
        slack.userEmail(BOSS, BOSS_ADDRESS);
    }

    @AfterEach
    void stop() {
        apps.forEach(TestApp::close);
        if (fake != null) {
            fake.close();
        }
        slack.close();
    }

    /** One app instance at the provider's fake (started on first use), timing out in 300 ms. */
    private TestApp app(Provider p) {
        if (fake == null) {
            provider = p;
            fake = p == Provider.GOOGLE ? new FakeGoogle() : new FakeMicrosoft();
        }
        Map<String, String> env = new HashMap<>();
        env.put("BOSSREVIEW_PUBLIC_URL", "https://bossreview.test");
        env.put("BOSSREVIEW_ENCRYPTION_KEY", TestApp.ENCRYPTION_KEY);
        env.put("TEST_CALENDAR_TIMEOUT_MS", "300");
        if (fake instanceof FakeGoogle g) {
            env.put("GOOGLE_CLIENT_ID", g.clientId());
            env.put("GOOGLE_CLIENT_SECRET", g.clientSecret());
            env.put("GOOGLE_AUTH_URL", g.url() + "o/oauth2/v2/auth");
            env.put("GOOGLE_OAUTH_URL", g.url());
            env.put("GOOGLE_API_URL", g.url());
        } else {
            FakeMicrosoft m = (FakeMicrosoft) fake;
            env.put("MICROSOFT_CLIENT_ID", m.clientId());
            env.put("MICROSOFT_CLIENT_SECRET", m.clientSecret());
            env.put("MICROSOFT_LOGIN_URL", m.loginUrl());
            env.put("MICROSOFT_GRAPH_URL", m.graphUrl());
        }
        TestApp app = TestApp.start(slack, clock, env);
        apps.add(app);
        return app;
    }

    /** Where the calendar API is (not the token endpoint): failures are injected there. */
    private String api() {
        return provider == Provider.GOOGLE ? "/calendar/v3/" : "/v1.0/";
    }

    /** A manager with the calendar connected and the review booked Tuesdays 17:00; the series. */
    private String connectAndBook(TestApp app, String user) throws Exception {
        jdbi.useHandle(
                h ->
                        h.execute(
                                """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, ?)""",
                                TEAM,
                                user,
                                BOSS,
                                MONDAY,
                                MONDAY));
        HttpResponse<String> ack = app.slack().command(TEAM, user, "connect calendar");
        String button =
                provider == Provider.GOOGLE
                        ? CalendarCommands.CONNECT_GOOGLE
                        : CalendarCommands.CONNECT_MICROSOFT;
        URI back =
                fake.consent(
                        URI.create(SlackButtons.url(ack.body(), button)),
                        user.toLowerCase(java.util.Locale.ROOT) + "@acme.test");
        assertThat(app.get(back.getRawPath() + "?" + back.getRawQuery()).statusCode())
                .isEqualTo(200);
        int replies = slack.calls(FakeSlack.RESPONSE_URL).size();
        app.slack().command(TEAM, user, "review tue 17:00");
        slack.awaitCalls(FakeSlack.RESPONSE_URL, replies + 1, Duration.ofSeconds(10));
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT series_id FROM calendar_connection WHERE user_id = :u")
                                .bind("u", user)
                                .mapTo(String.class)
                                .one());
    }

    private int runOnce(TestApp app) {
        return app.calendar().orElseThrow().sync().runOnce();
    }

    /** How many times a cancelled-week notice was decided: each reads free/busy for its offers. */
    private int notices() {
        return provider == Provider.GOOGLE
                ? fake.requests("POST", "/calendar/v3/freeBusy").size()
                : fake.requests("GET", "/me/calendarView").size();
    }

    private int syncReads() {
        return provider == Provider.GOOGLE
                ? fake.requests("GET", "/calendars/primary/events").size()
                : fake.requests("GET", "/me/calendarView/delta").size();
    }

    private Instant nextSyncAt(String user) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT next_sync_at FROM calendar_connection WHERE user_id = :u")
                                .bind("u", user)
                                .mapTo(Instant.class)
                                .one());
    }

    private int failures(String user) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        "SELECT sync_failures FROM calendar_connection WHERE user_id = :u")
                                .bind("u", user)
                                .mapTo(Integer.class)
                                .one());
    }

    private int cancelledWeeks() {
        return TestDatabase.rows("calendar_week WHERE cancelled");
    }

    /** Connected, booked and read once at 09:10; the access token still fresh. */
    private TestApp readOnce(Provider p) throws Exception {
        TestApp app = app(p);
        String series = connectAndBook(app, ME);
        clock.advance(Duration.ofMinutes(10));
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(failures(ME)).isZero();
        this.series = series;
        return app;
    }

    private String series;

    /** The DM about Tuesday's cancelled review, awaited; exactly one was decided. */
    private void toldOnceAboutTheCancellation(int dmsBefore) throws InterruptedException {
        assertThat(
                        slack.awaitCalls("chat.postMessage", dmsBefore + 1, Duration.ofSeconds(10))
                                .get(dmsBefore)
                                .param("text"))
                .contains("was cancelled in your calendar");
        assertThat(notices()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void
            a_429_with_retry_after_puts_the_sync_off_that_long_and_the_waiting_cancellation_is_read_once_after(
                    Provider p) throws Exception {
        TestApp app = readOnce(p);
        int dms = slack.calls("chat.postMessage").size();
        fake.cancelOccurrence(series, TUESDAY);
        clock.advance(Duration.ofMinutes(10));
        fake.failNext(1, new Failure.RateLimited(120), api());
        Instant failedAt = clock.instant();
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(cancelledWeeks()).isZero();
        assertThat(notices()).isZero();
        assertThat(nextSyncAt(ME)).isEqualTo(failedAt.plusSeconds(120));
        assertThat(failures(ME)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(119));
        assertThat(runOnce(app)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(cancelledWeeks()).isEqualTo(1);
        assertThat(failures(ME)).isZero();
        toldOnceAboutTheCancellation(dms);

        clock.advance(EVERY);
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(notices()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void a_quota_answer_without_retry_after_backs_off_and_loses_nothing(Provider p)
            throws Exception {
        // Google: 403 rateLimitExceeded; Graph: 429 without Retry-After.
        TestApp app = readOnce(p);
        int dms = slack.calls("chat.postMessage").size();
        fake.cancelOccurrence(series, TUESDAY);
        clock.advance(Duration.ofMinutes(10));
        fake.failNext(1, new Failure.QuotaExceeded(), api());
        Instant failedAt = clock.instant();
        runOnce(app);
        assertThat(cancelledWeeks()).isZero();
        assertThat(nextSyncAt(ME)).isEqualTo(failedAt.plus(BASE));
        assertThat(failures(ME)).isEqualTo(1);

        clock.advance(BASE);
        runOnce(app);
        assertThat(cancelledWeeks()).isEqualTo(1);
        toldOnceAboutTheCancellation(dms);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void a_500_then_a_hang_back_off_longer_each_time_and_a_success_starts_over(Provider p)
            throws Exception {
        TestApp app = readOnce(p);
        fake.failNext(1, new Failure.ServerError(500), api());
        clock.advance(EVERY);
        Instant t = clock.instant();
        runOnce(app);
        assertThat(failures(ME)).isEqualTo(1);
        assertThat(nextSyncAt(ME)).isEqualTo(t.plus(BASE));

        // No answer at all: given up on after the (test's) timeout, and put off twice as long.
        fake.failNext(1, new Failure.Hang(), api());
        clock.advance(BASE);
        t = clock.instant();
        runOnce(app);
        assertThat(failures(ME)).isEqualTo(2);
        assertThat(nextSyncAt(ME)).isEqualTo(t.plus(BASE.multipliedBy(2)));

        fake.failNext(1, new Failure.ServerError(500), api());
        clock.advance(BASE.multipliedBy(2));
        t = clock.instant();
        runOnce(app);
        assertThat(failures(ME)).isEqualTo(3);
        assertThat(nextSyncAt(ME)).isEqualTo(t.plus(BASE.multipliedBy(4)));

        clock.advance(BASE.multipliedBy(4));
        t = clock.instant();
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(failures(ME)).isZero();
        assertThat(nextSyncAt(ME)).isEqualTo(t.plus(EVERY));
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void an_access_token_refused_before_its_expiry_is_refreshed_and_the_sync_goes_through(
            Provider p) throws Exception {
        TestApp app = readOnce(p);
        int dms = slack.calls("chat.postMessage").size();
        int refreshes = tokenRequests();
        fake.expireAccessTokens(); // e.g. revoked at the provider; our clock says it is valid
        fake.cancelOccurrence(series, TUESDAY);
        clock.advance(Duration.ofMinutes(10));
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(refreshes + 1);
        assertThat(failures(ME)).isZero();
        assertThat(cancelledWeeks()).isEqualTo(1);
        toldOnceAboutTheCancellation(dms);

        // The refreshed token is the one kept: the next sync needs no refresh.
        clock.advance(EVERY);
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(tokenRequests()).isEqualTo(refreshes + 1);
        assertThat(failures(ME)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void an_access_token_refused_even_after_a_refresh_fails_the_sync_and_the_next_refreshes_again(
            Provider p) throws Exception {
        TestApp app = readOnce(p);
        int refreshes = tokenRequests();
        fake.failNext(2, new Failure.Unauthorized(), api());
        clock.advance(EVERY);
        runOnce(app);
        assertThat(tokenRequests()).isEqualTo(refreshes + 1);
        assertThat(failures(ME)).isEqualTo(1);

        clock.advance(BASE);
        runOnce(app);
        assertThat(tokenRequests()).isEqualTo(refreshes + 2);
        assertThat(failures(ME)).isZero();
    }

    private int tokenRequests() {
        return fake.requests("POST", provider == Provider.GOOGLE ? "/token" : "/oauth2/v2.0/token")
                .size();
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void
            a_refused_cursor_is_read_again_from_scratch_at_once_and_a_told_cancellation_is_not_told_again(
                    Provider p) throws Exception {
        TestApp app = readOnce(p);
        int dms = slack.calls("chat.postMessage").size();
        fake.cancelOccurrence(series, TUESDAY);
        clock.advance(Duration.ofMinutes(10));
        runOnce(app);
        toldOnceAboutTheCancellation(dms);

        fake.invalidateCursors();
        clock.advance(EVERY);
        int reads = syncReads();
        Instant t = clock.instant();
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(syncReads()).isEqualTo(reads + 2); // refused, then from scratch
        assertThat(failures(ME)).isZero();
        assertThat(nextSyncAt(ME)).isEqualTo(t.plus(EVERY));
        assertThat(cancelledWeeks()).isEqualTo(1);
        assertThat(notices()).isEqualTo(1);

        // The new cursor works: the next change is read from it.
        fake.moveOccurrence(
                series,
                TUESDAY.plusWeeks(1),
                TUESDAY.plusWeeks(1)
                        .atTime(19, 0)
                        .atZone(java.time.ZoneId.of("America/New_York"))
                        .toInstant());
        clock.advance(EVERY);
        reads = syncReads();
        runOnce(app);
        assertThat(syncReads()).isEqualTo(reads + 1);
        assertThat(TestDatabase.rows("calendar_week WHERE starts_at = '2026-12-09T00:00:00Z'"))
                .isEqualTo(1);
        assertThat(notices()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Provider.class)
    void a_cursor_a_month_old_is_dropped_for_a_read_from_scratch_so_the_window_never_runs_out(
            Provider p) throws Exception {
        TestApp app = readOnce(p);
        Instant firstRead =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT cursor_at FROM calendar_connection")
                                        .mapTo(Instant.class)
                                        .one());
        assertThat(firstRead).isEqualTo(clock.instant());
        // Within the month: the cursor is used (one read a sync).
        clock.advance(CalendarSync.REREAD_EVERY.minus(Duration.ofMinutes(1)));
        int reads = syncReads();
        assertThat(runOnce(app)).isEqualTo(1);
        assertThat(syncReads()).isEqualTo(reads + 1);
        // Past it: read from scratch (Google: the token read plus the window's instances; Graph:
        // a delta round started afresh with its window), and the new cursor's time is now.
        clock.advance(EVERY);
        Instant t = clock.instant();
        assertThat(runOnce(app)).isEqualTo(1);
        Instant reread =
                jdbi.withHandle(
                        h ->
                                h.createQuery("SELECT cursor_at FROM calendar_connection")
                                        .mapTo(Instant.class)
                                        .one());
        assertThat(reread).isEqualTo(t);
        assertThat(failures(ME)).isZero();
    }

    @Test
    void a_connection_whose_token_no_key_opens_is_put_off_and_the_others_are_still_read()
            throws Exception {
        TestApp app = app(Provider.GOOGLE);
        connectAndBook(app, "U1ANN");
        String ben = connectAndBook(app, "U2BEN");
        // Ann's tokens sealed with a key this instance does not have, her access token expired
        String alien =
                new com.bossreview.install.TokenCipher(
                                new com.bossreview.config.Secret(
                                        "another-key-nobody-configured-0123456789"),
                                java.util.Optional.empty())
                        .encrypt("refresh-token", "calendar:" + TEAM + ":U1ANN:refresh");
        jdbi.useHandle(
                h ->
                        h.createUpdate(
                                        "UPDATE calendar_connection SET refresh_token = :t,"
                                                + " access_expires_at = :now WHERE user_id = 'U1ANN'")
                                .bind("t", alien)
                                .bind("now", MONDAY)
                                .execute());
        fake.cancelOccurrence(ben, TUESDAY);
        int dms = slack.calls("chat.postMessage").size();
        clock.advance(Duration.ofMinutes(10));
        Instant t = clock.instant();
        assertThat(runOnce(app)).isEqualTo(2);
        assertThat(failures("U1ANN")).isEqualTo(1);
        assertThat(nextSyncAt("U1ANN")).isEqualTo(t.plus(BASE));
        assertThat(failures("U2BEN")).isZero();
        toldOnceAboutTheCancellation(dms);
    }

    @Test
    void two_instances_syncing_at_once_read_each_calendar_once_and_tell_a_cancellation_once()
            throws Exception {
        TestApp one = app(Provider.GOOGLE);
        TestApp two = app(Provider.GOOGLE);
        List<String> users = List.of("U1ANN", "U2BEN", "U3CAT", "U4DAN");
        List<String> series = new ArrayList<>();
        for (String u : users) {
            series.add(connectAndBook(one, u));
        }
        clock.advance(Duration.ofMinutes(10));
        for (String s : series) {
            fake.cancelOccurrence(s, TUESDAY);
        }
        int dms = slack.calls("chat.postMessage").size();
        int reads = syncReads();
        for (int round = 0; round < 3; round++) {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> runOnce(one));
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> runOnce(two));
            assertThat(a.get() + b.get()).isEqualTo(round == 0 ? users.size() : 0);
        }
        assertThat(syncReads()).isEqualTo(reads + users.size());
        assertThat(notices()).isEqualTo(users.size());
        List<FakeSlack.Call> told =
                slack.awaitCalls("chat.postMessage", dms + users.size(), Duration.ofSeconds(10));
        assertThat(
                        told.subList(dms, told.size()).stream()
                                .map(c -> c.param("channel"))
                                .distinct()
                                .count())
                .isEqualTo(users.size());

        // The next round, on either instance, reads each once more and tells nothing again.
        clock.advance(EVERY);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> runOnce(one));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> runOnce(two));
        assertThat(a.get() + b.get()).isEqualTo(users.size());
        assertThat(syncReads()).isEqualTo(reads + 2 * users.size());
        assertThat(notices()).isEqualTo(users.size());
    }
}
