package com.bossreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.Secret;
import com.bossreview.slack.SeenRequests;
import com.bossreview.slack.SignatureCheck;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The warm-up runs real signed commands through the app's own endpoint, paced, and leaves no trace.
 */
@ExtendWith(TestDatabase.class)
class WarmupTest {

    @Test
    void sends_paced_signed_commands_through_the_endpoint_and_leaves_no_row_behind()
            throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
            assertThat(SlackRequests.text(app.slack().command("T0001", "U1", "good Closed Acme")))
                    .contains("logged");
            int seenBefore = TestDatabase.rows("seen_request");
            int callsBefore = slack.calls().size();

            Warmup.Result result =
                    warmup(app, URI.create("http://127.0.0.1:" + app.port() + "/slack/events"))
                            .run(
                                    new Warmup.Plan(
                                            50,
                                            Duration.ofMillis(200),
                                            Duration.ofSeconds(5),
                                            2,
                                            Duration.ofSeconds(10)));

            // Two windows of 10 commands, every one answered 200 (a bad signature would be 401, a
            // replay an empty 200
            // that still counts, so the replay table is checked below).
            assertThat(result.steady()).isTrue();
            assertThat(result.windows()).isEqualTo(2);
            assertThat(result.sent()).isEqualTo(20);
            assertThat(result.ok()).isEqualTo(20);
            // The warm-up's managers and their rows are gone; the real manager and its news are
            // untouched.
            assertThat(TestDatabase.rows("manager")).isEqualTo(1);
            assertThat(TestDatabase.rows("manager WHERE team_id = 'T0WARMUP'")).isZero();
            assertThat(TestDatabase.rows("news")).isEqualTo(1);
            assertThat(TestDatabase.rows("forecast")).isZero();
            assertThat(TestDatabase.rows("weekly_review")).isZero();
            // Each of its 20 requests was recorded by the replay check (else none would have been
            // new) and then removed.
            assertThat(TestDatabase.rows("seen_request")).isEqualTo(seenBefore);
            // Every command answered in its ack: nothing went to Slack.
            assertThat(slack.calls()).hasSize(callsBefore);
        }
    }

    @Test
    void a_bar_it_cannot_reach_ends_the_warm_up_at_its_limit() throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
            Warmup.Result result =
                    warmup(app, URI.create("http://127.0.0.1:" + app.port() + "/slack/events"))
                            .run(
                                    new Warmup.Plan(
                                            20,
                                            Duration.ofMillis(100),
                                            Duration.ofNanos(1),
                                            1,
                                            Duration.ofMillis(500)));

            // Windows of 2 commands until the next one would pass 500 ms (the seeding counts): at
            // most 5, never past it.
            assertThat(result.steady()).isFalse();
            assertThat(result.windows()).isBetween(1, 5);
            assertThat(result.sent()).isEqualTo(2 * result.windows());
            assertThat(result.ok()).isEqualTo(result.sent());
            assertThat(result.took()).isLessThan(Duration.ofMillis(500 + 400));
            assertThat(TestDatabase.rows("manager")).isZero();
        }
    }

    @Test
    void an_endpoint_that_does_not_answer_is_not_warm_and_nothing_is_left() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (FakeSlack slack = new FakeSlack();
                TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
            Warmup.Result result =
                    warmup(app, URI.create("http://127.0.0.1:" + closedPort + "/slack/events"))
                            .run(
                                    new Warmup.Plan(
                                            20,
                                            Duration.ofMillis(100),
                                            Duration.ofSeconds(5),
                                            1,
                                            Duration.ofMillis(300)));

            assertThat(result.steady()).isFalse();
            assertThat(result.sent()).isEqualTo(2 * result.windows()).isPositive();
            assertThat(result.ok()).isZero();
            assertThat(TestDatabase.rows("manager")).isZero();
        }
    }

    @Test
    void a_plan_without_rate_or_room_for_one_window_is_refused() {
        for (Runnable bad :
                List.<Runnable>of(
                        () ->
                                new Warmup.Plan(
                                        0,
                                        Duration.ofSeconds(1),
                                        Duration.ofMillis(40),
                                        1,
                                        Duration.ofSeconds(5)),
                        () ->
                                new Warmup.Plan(
                                        200,
                                        Duration.ZERO,
                                        Duration.ofMillis(40),
                                        1,
                                        Duration.ofSeconds(5)),
                        () ->
                                new Warmup.Plan(
                                        200,
                                        Duration.ofSeconds(2),
                                        Duration.ofMillis(40),
                                        1,
                                        Duration.ofSeconds(1)),
                        () ->
                                new Warmup.Plan(
                                        200,
                                        Duration.ofSeconds(1),
                                        Duration.ofMillis(40),
                                        0,
                                        Duration.ofSeconds(5)))) {
            org.assertj.core.api.Assertions.assertThatThrownBy(bad::run)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Warmup warmup(TestApp app, URI events) {
        Jdbi jdbi = app.database().jdbi();
        Clock clock = Clock.systemUTC();
        return Warmup.overHttp(
                jdbi,
                clock,
                events,
                new SignatureCheck(new Secret(SlackRequests.SIGNING_SECRET), clock),
                new SeenRequests(jdbi, clock, new SimpleMeterRegistry()));
    }
}
