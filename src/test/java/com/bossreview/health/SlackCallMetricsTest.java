package com.bossreview.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class SlackCallMetricsTest {

    @Test
    void slack_calls_are_histograms_per_method_and_bounded_outcome() throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
            // setup reads the new manager's profile (users.info), then opens the form (views.open)
            // after the ack.
            slack.fail("users.info", new FakeSlack.Fault.ServerError(500), 1);
            slack.fail(
                    "views.open",
                    new FakeSlack.Fault.ApiError("some_error_slack_invents_tomorrow"),
                    1);
            assertThat(app.slack().command("T0001", "U1", "setup").statusCode()).isEqualTo(200);
            slack.awaitCalls("views.open", 1, Duration.ofSeconds(10));
            app.slack().command("T0001", "U2", "setup");
            slack.awaitCalls("views.open", 2, Duration.ofSeconds(10));

            String metrics = app.get("/metrics").body();
            assertThat(metrics)
                    .containsPattern(
                            "slack_api_calls_seconds_bucket\\{method=\"auth.test\",outcome=\"ok\",le=\"[^\"]+\"}")
                    .containsPattern(
                            "slack_api_calls_seconds_bucket\\{method=\"users.info\",outcome=\"http_5xx\",le=\"[^\"]+\"}")
                    .containsPattern(
                            "slack_api_calls_seconds_bucket\\{method=\"users.info\",outcome=\"ok\",le=\"[^\"]+\"}")
                    .containsPattern(
                            "slack_api_calls_seconds_bucket\\{method=\"views.open\",outcome=\"other_error\",le=\"[^\"]+\"}")
                    .containsPattern(
                            "slack_api_calls_seconds_count\\{method=\"views.open\",outcome=\"ok\"} 1")
                    .containsPattern(
                            "slack_api_calls_seconds_count\\{method=\"response_url\",outcome=\"ok\"}")
                    .doesNotContain("some_error_slack_invents_tomorrow")
                    .doesNotContain("slack_api_calls_seconds{quantile");
        }
    }
}
