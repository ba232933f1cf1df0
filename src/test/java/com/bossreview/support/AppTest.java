package com.bossreview.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base for tests that drive the whole app: one app and one fake Slack per test class, a clean
 * database and a known clock per test.
 */
@ExtendWith(TestDatabase.class)
public abstract class AppTest {
    public static final String TEAM = FakeSlack.TEAM_ID;
    public static final String ME = "U0MANAGER";
    public static final String BOSS = "U0BOSS";

    /** A Wednesday, 10:00 UTC. */
    public static final Instant WEDNESDAY = Instant.parse("2026-11-25T10:00:00Z");

    protected static FakeSlack slack;
    protected static MutableClock clock;
    protected static TestApp app;

    @BeforeAll
    static void startApp() {
        slack = new FakeSlack();
        clock = new MutableClock(WEDNESDAY);
        app = TestApp.start(slack, clock);
    }

    @AfterAll
    static void stopApp() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void resetClockAndFaults() {
        clock.set(WEDNESDAY);
        slack.clearFaults();
    }

    protected static String command(String text) {
        return SlackRequests.text(app.slack().command(TEAM, ME, text));
    }

    protected static JsonObject commandJson(String text) {
        var r = app.slack().command(TEAM, ME, text);
        SlackRequests.text(r);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    /** The next call of {@code method} after the {@code before} ones already seen. */
    protected static FakeSlack.Call next(String method, int before) throws InterruptedException {
        List<FakeSlack.Call> calls = slack.awaitCalls(method, before + 1, Duration.ofSeconds(10));
        return calls.get(before);
    }

    protected static int seen(String method) {
        return slack.calls(method).size();
    }

    /**
     * Makes {@link #ME} a manager with {@link #BOSS} as boss, in New York, without going through
     * Slack.
     */
    protected static void managerWithBoss() {
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
}
