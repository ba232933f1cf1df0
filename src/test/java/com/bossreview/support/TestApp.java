package com.bossreview.support;

import com.bossreview.Main;
import com.bossreview.RunningApp;
import com.bossreview.StartOptions;
import com.bossreview.config.AppConfig;
import com.bossreview.nudge.Nudges;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The whole app started in-process on a free port, against the test database and a {@link
 * FakeSlack}.
 */
public final class TestApp implements AutoCloseable {
    public static final String BOT_TOKEN = "xoxb-test-token";
    public static final String CLIENT_ID = "1111.2222";
    public static final String CLIENT_SECRET = "test-client-secret";
    public static final String ENCRYPTION_KEY = "test-encryption-key-0123456789-abcdefghij";

    private final RunningApp app;
    private final Clock clock;
    private final HttpClient http = HttpClient.newHttpClient();

    private final FakeSlack fake;

    private TestApp(RunningApp app, Clock clock, FakeSlack fake) {
        this.app = app;
        this.clock = clock;
        this.fake = fake;
    }

    /** HTTP mode with the given environment on top of the defaults for tests. */
    public static TestApp start(FakeSlack slack, Clock clock, Map<String, String> extraEnv) {
        Map<String, String> env = baseEnv(slack);
        env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
        env.putAll(extraEnv);
        return start(env, clock, slack);
    }

    /**
     * Multi-workspace mode (OAuth installs, no {@code SLACK_BOT_TOKEN}): {@link #CLIENT_ID}, {@link
     * #CLIENT_SECRET} and {@link #ENCRYPTION_KEY}, with the given environment on top.
     */
    public static TestApp startMultiWorkspace(
            FakeSlack slack, Clock clock, Map<String, String> extraEnv) {
        return start(multiWorkspaceEnv(slack, extraEnv), clock, slack);
    }

    /**
     * The configuration {@link #startMultiWorkspace} starts with, e.g. for a one-off command such
     * as {@code --reseal-tokens}.
     */
    public static AppConfig multiWorkspaceConfig(FakeSlack slack, Map<String, String> extraEnv) {
        return AppConfig.fromEnv(multiWorkspaceEnv(slack, extraEnv));
    }

    private static Map<String, String> multiWorkspaceEnv(
            FakeSlack slack, Map<String, String> extraEnv) {
        Map<String, String> env = baseEnv(slack);
        env.put("SLACK_CLIENT_ID", CLIENT_ID);
        env.put("SLACK_CLIENT_SECRET", CLIENT_SECRET);
        env.put("BOSSREVIEW_ENCRYPTION_KEY", ENCRYPTION_KEY);
        env.putAll(extraEnv);
        return env;
    }

    private static TestApp start(Map<String, String> env, Clock clock, FakeSlack slack) {
        boolean background = "true".equals(env.remove("TEST_BACKGROUND_NUDGES"));
        Duration drainNotice =
                Duration.ofMillis(Long.parseLong(env.getOrDefault("TEST_DRAIN_NOTICE_MS", "0")));
        env.remove("TEST_DRAIN_NOTICE_MS");
        // a calendar provider that hangs is given up on this soon (production: ten seconds)
        String calendarTimeout = env.remove("TEST_CALENDAR_TIMEOUT_MS");
        return new TestApp(
                Main.start(
                        AppConfig.fromEnv(env),
                        clock,
                        new StartOptions(
                                Duration.ofMillis(20),
                                background,
                                drainNotice,
                                com.bossreview.Warmup.Plan.BRIEF,
                                calendarTimeout == null
                                        ? com.bossreview.calendar.ProviderHttp.TIMEOUT
                                        : Duration.ofMillis(Long.parseLong(calendarTimeout)))),
                clock,
                slack);
    }

    private static Map<String, String> baseEnv(FakeSlack slack) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET);
        env.put("SLACK_API_URL", slack.url());
        env.put("DATABASE_URL", TestDatabase.jdbcUrlForEnv());
        env.put("PORT", "0");
        env.put("BIND_HOST", "127.0.0.1");
        // Tests send a few requests at a time; the default 20 connections per app, with several
        // apps and several
        // test runs on one shared server, ran it out of connections ("too many clients"). Not
        // fewer: work after
        // an ack waiting for a connection lands later, after the next test has emptied the tables.
        env.put("DATABASE_POOL_SIZE", "12");
        return env;
    }

    public static TestApp start(FakeSlack slack, Clock clock) {
        return start(slack, clock, Map.of());
    }

    /**
     * The nudge engine: tests call its dispatcher and materializer directly, with the settable
     * clock.
     */
    public Nudges nudges() {
        return app.nudges();
    }

    /** The calendar feature, when the test configured a provider: its sync is run by hand. */
    public java.util.Optional<com.bossreview.crm.CrmConnections> crm() {
        return app.crm();
    }

    /** The CRM sync, when the test configured a provider: run by hand. */
    public java.util.Optional<com.bossreview.crm.CrmSync> crmSync() {
        return app.crmSync();
    }

    public java.util.Optional<com.bossreview.calendar.CalendarFeature> calendar() {
        return app.calendar();
    }

    /** The app's database with its request and background pools. */
    public com.bossreview.db.Database database() {
        return app.database();
    }

    public int port() {
        return app.port();
    }

    public SlackRequests slack() {
        return new SlackRequests(port(), clock, fake.responseUrl());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, Map.of());
    }

    /**
     * A GET as a browser sends it, e.g. with a {@code Cookie} header; redirects are not followed.
     */
    public HttpResponse<String> get(String path, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                        .timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        app.close();
    }
}
