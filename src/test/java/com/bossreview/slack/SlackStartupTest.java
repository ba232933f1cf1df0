package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class SlackStartupTest {

    @Test
    void a_token_slack_rejects_stops_start_up_with_a_clear_message() {
        try (FakeSlack slack = new FakeSlack()) {
            slack.fail("auth.test", new FakeSlack.Fault.ApiError("invalid_auth"), 1);
            assertThatThrownBy(() -> TestApp.start(slack, MutableClock.atRealNow()))
                    .isInstanceOf(SlackTokenRejectedException.class)
                    .hasMessageStartingWith("SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)")
                    .hasMessageNotContaining(TestApp.BOT_TOKEN);
        }
    }

    @Test
    void the_token_goes_to_slack_as_a_bearer_header_at_slack_api_url() throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
            FakeSlack.Call call = slack.calls("auth.test").get(0);
            assertThat(call.token()).isEqualTo(TestApp.BOT_TOKEN);
        }
    }

    @Test
    void a_slack_in_trouble_is_retried_and_reported_not_fatal() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.fail("auth.test", new FakeSlack.Fault.ServerError(503), 2);
            try (TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
                assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
                slack.awaitCalls("auth.test", 3, Duration.ofSeconds(10));
                // the third answer was a success; health reports it once recorded
                String body = awaitHealthSays(app, "\"slack\":\"ok\"");
                assertThat(body).contains("\"status\":\"ok\"");
            }
        }
    }

    @Test
    void an_unreachable_slack_does_not_stop_start_up() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (FakeSlack slack = new FakeSlack();
                TestApp app =
                        TestApp.start(
                                slack,
                                MutableClock.atRealNow(),
                                Map.of(
                                        "SLACK_API_URL",
                                        "http://127.0.0.1:" + closedPort + "/api/"))) {
            var health = app.get("/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"slack\":\"unreachable\"");
            // commands still answer: nothing on the request path needs Slack
            assertThat(app.slack().command("T0001", "U1", "help").statusCode()).isEqualTo(200);
        }
    }

    /** Health is read over HTTP; the retry thread records success right after Slack answers. */
    private static String awaitHealthSays(TestApp app, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body;
        do {
            body = app.get("/healthz").body();
            if (body.contains(expected)) {
                return body;
            }
            Thread.onSpinWait();
        } while (System.nanoTime() < deadline);
        throw new AssertionError("health never said " + expected + "; last: " + body);
    }
}
