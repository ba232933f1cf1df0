package com.bossreview.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FakeSlackRealisticTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void a_full_bucket_gives_its_burst_then_one_token_per_tenth_of_a_second() {
        TokenBuckets buckets = new TokenBuckets(10, 10, nanos::get);
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take("xoxb-a")).as("call %d of the burst", i + 1).isZero();
        }
        assertThat(buckets.take("xoxb-a")).as("Retry-After when empty").isEqualTo(1);
        advanceMillis(99);
        assertThat(buckets.take("xoxb-a")).as("0.99 of a token is not a token").isEqualTo(1);
        advanceMillis(1);
        assertThat(buckets.take("xoxb-a")).isZero();
        assertThat(buckets.take("xoxb-a")).isEqualTo(1);
        // one second refills ten tokens, never more than the burst after a long pause
        advanceMillis(60_000);
        int taken = 0;
        while (buckets.take("xoxb-a") == 0) {
            taken++;
        }
        assertThat(taken).isEqualTo(10);
    }

    @Test
    void each_workspace_has_its_own_bucket() {
        TokenBuckets buckets = new TokenBuckets(1, 2, nanos::get);
        assertThat(buckets.take("xoxb-a")).isZero();
        assertThat(buckets.take("xoxb-a")).isZero();
        assertThat(buckets.take("xoxb-a")).isEqualTo(1);
        assertThat(buckets.take("xoxb-b")).isZero();
        assertThat(buckets.take("xoxb-b")).isZero();
    }

    @Test
    void retry_after_is_the_whole_seconds_until_a_token_is_free() {
        TokenBuckets buckets = new TokenBuckets(0.25, 1, nanos::get);
        assertThat(buckets.take("xoxb-a")).isZero();
        assertThat(buckets.take("xoxb-a")).isEqualTo(4);
        advanceMillis(2_500);
        assertThat(buckets.take("xoxb-a")).isEqualTo(2); // 1.5 s left: rounded up
        advanceMillis(1_500);
        assertThat(buckets.take("xoxb-a")).isZero();
    }

    @Test
    void latency_has_a_median_of_about_the_setting_and_a_long_tail() {
        RealisticSlack.Latency latency = new RealisticSlack.Latency(150, RealisticSlack.SEED);
        List<Double> draws = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            draws.add(latency.nextMillis());
        }
        draws.sort(null);
        assertThat(draws.get(50_000)).isBetween(140.0, 170.0);
        assertThat(draws.get(90_000)).isBetween(230.0, 290.0);
        assertThat(draws.get(99_000)).isBetween(500.0, 700.0);
        assertThat(new RealisticSlack.Latency(0, 1).nextMillis()).isZero();
    }

    @Test
    void a_rate_limited_post_gets_429_with_retry_after_like_slack() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.pace(
                    new RealisticSlack(
                            new RealisticSlack.Latency(1, 1),
                            new TokenBuckets(0.001, 2, nanos::get)));
            HttpClient http = HttpClient.newHttpClient();
            assertThat(post(http, slack, "xoxb-a", "U1").statusCode()).isEqualTo(200);
            assertThat(post(http, slack, "xoxb-a", "U2").statusCode()).isEqualTo(200);
            HttpResponse<String> refused = post(http, slack, "xoxb-a", "U3");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1000");
            assertThat(refused.body()).isEqualTo("{\"ok\":false,\"error\":\"ratelimited\"}");
            assertThat(post(http, slack, "xoxb-b", "U4").statusCode()).isEqualTo(200);
            // other methods are not limited
            assertThat(
                            http.send(
                                            request(slack, "users.info", "xoxb-a", "user=U1"),
                                            HttpResponse.BodyHandlers.ofString())
                                    .statusCode())
                    .isEqualTo(200);
            String stats = FakeSlackServer.stats(slack, 0, null);
            assertThat(stats).contains("delivered=3 ", "distinct=3 ", "faulted=1 ");
            assertThat(stats).contains("max_rate_1s=2 ");
        }
    }

    /**
     * Answers are completed after the handler returned: with 2 server threads, many more calls wait
     * for their answer at once.
     */
    @Test
    void delayed_answers_hold_no_server_thread() throws Exception {
        try (FakeSlack slack = new FakeSlack(0, 2)) {
            slack.pace(
                    (method, token, faulted) ->
                            new FakeSlack.Pace(TimeUnit.MILLISECONDS.toNanos(500), 0));
            HttpClient http = HttpClient.newHttpClient();
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                answers.add(
                        http.sendAsync(
                                request(slack, "chat.postMessage", "xoxb-a", "channel=U" + i),
                                HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> a : answers) {
                assertThat(a.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            assertThat(slack.mostWaiting()).isGreaterThan(2);
            assertThat(slack.waiting()).isZero();
            FakeSlack.Call call = slack.calls("chat.postMessage").get(0);
            assertThat(Duration.between(call.at(), call.answeredAt()))
                    .isEqualTo(Duration.ofMillis(500));
        }
    }

    private static HttpResponse<String> post(
            HttpClient http, FakeSlack slack, String token, String channel) throws Exception {
        return http.send(
                request(slack, "chat.postMessage", token, "channel=" + channel + "&text=hi"),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(FakeSlack slack, String method, String token, String form) {
        return HttpRequest.newBuilder(URI.create(slack.url() + method))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }
}
