package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Socket Mode: Slack traffic goes over the app-level connection; HTTP keeps health and metrics
 * only.
 */
@ExtendWith(TestDatabase.class)
class SocketModeStartTest {

    @Test
    void socket_mode_asks_slack_for_a_connection_and_http_serves_only_health_and_metrics()
            throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app =
                        TestApp.start(
                                slack,
                                MutableClock.atRealNow(),
                                Map.of(
                                        "SLACK_APP_TOKEN",
                                        "xapp-1-A1-test",
                                        "SLACK_SIGNING_SECRET",
                                        ""))) {
            FakeSlack.Call open =
                    slack.awaitCalls("apps.connections.open", 1, Duration.ofSeconds(10)).get(0);
            assertThat(open.token()).isEqualTo("xapp-1-A1-test");
            assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
            assertThat(app.get("/metrics").statusCode()).isEqualTo(200);
            assertThat(app.slack().command("T0001", "U1", "help").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void socket_mode_starts_and_stays_healthy_when_slack_cannot_be_reached() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.fail("apps.connections.open", new FakeSlack.Fault.ServerError(503), 1);
            try (TestApp app =
                    TestApp.start(
                            slack,
                            MutableClock.atRealNow(),
                            Map.of(
                                    "SLACK_APP_TOKEN",
                                    "xapp-1-A1-test",
                                    "SLACK_SIGNING_SECRET",
                                    ""))) {
                slack.awaitCalls("apps.connections.open", 1, Duration.ofSeconds(10));
                assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
            }
        }
    }
}
