package com.bossreview.support;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link AppTest}'s twin for multi-workspace mode: one app (OAuth installs) and one fake Slack per
 * test class, a clean database per test. Each subclass starts the app from its own
 * {@code @BeforeAll} with {@link #start}, since the clock and the extra settings differ.
 */
@ExtendWith(TestDatabase.class)
public abstract class MultiWorkspaceAppTest {
    protected static FakeSlack slack;
    protected static MutableClock clock;
    protected static TestApp app;

    protected static void start(Instant at, Map<String, String> env) {
        slack = new FakeSlack();
        clock = new MutableClock(at);
        app = TestApp.startMultiWorkspace(slack, clock, env);
    }

    @AfterAll
    static void stopApp() {
        app.close();
        slack.close();
    }
}
