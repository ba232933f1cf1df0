package com.bossreview.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.Main;
import com.bossreview.RunningApp;
import com.bossreview.config.AppConfig;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class HealthAndMetricsTest {

    @Test
    void healthz_is_200_with_database_and_scheduler_up() throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
            HttpResponse<String> r = app.get("/healthz");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
            assertThat(r.body())
                    .contains(
                            "\"status\":\"ok\"",
                            "\"database\":\"up\"",
                            "\"scheduler\":\"running\"",
                            "\"slack\":\"ok\"");
        }
    }

    @Test
    void metrics_carry_jvm_http_and_pool_figures() throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
            app.slack().command("T0001", "U1", "help");
            app.get("/healthz");
            HttpResponse<String> r = app.get("/metrics");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
            assertThat(r.body())
                    .contains("jvm_memory_used_bytes")
                    .contains("jvm_threads_live_threads")
                    .contains("hikaricp_connections_active{pool=\"bossreview\"}")
                    .containsPattern(
                            "http_server_requests_seconds_count\\{method=\"POST\",status=\"200\",uri=\"/slack/events\"} 1")
                    .containsPattern(
                            "http_server_requests_seconds_count\\{method=\"GET\",status=\"200\",uri=\"/healthz\"} 1");
        }
    }

    /**
     * Methods and paths come from whoever connects: as labels they would grow {@code /metrics} (and
     * the registry) by a series per made-up value. Known routes and methods are kept, the rest is
     * one value.
     */
    @Test
    void junk_methods_and_paths_do_not_grow_the_metrics() throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app = TestApp.start(slack, MutableClock.atRealNow())) {
            HttpClient http = HttpClient.newHttpClient();
            // One junk request of each kind first, so that the series they are folded into exist
            // already.
            send(http, app, "JUNK0", "/slack/events");
            send(http, app, "JUNK0", "/junk/0");
            send(http, app, "GET", "/junk/0");
            app.get("/metrics");
            int before = app.get("/metrics").body().length();

            for (int batch = 0; batch < 1_500; batch += 50) {
                List<CompletableFuture<Integer>> sent = new ArrayList<>();
                for (int i = batch + 1; i <= batch + 50; i++) {
                    String path =
                            switch (i % 3) {
                                case 0 -> "/slack/events";
                                case 1 -> "/junk/" + i;
                                default -> "/healthz/" + i;
                            };
                    sent.add(sendAsync(http, app, i % 2 == 0 ? "JUNK" + i : "GET", path));
                }
                assertThat(sent).allSatisfy(status -> assertThat(status.join()).isIn(404, 405));
            }
            String after = app.get("/metrics").body();
            System.out.printf(
                    "/metrics: %d bytes before 1,500 junk requests, %d after%n",
                    before, after.length());

            assertThat(after.length() - before).as("growth of /metrics in bytes").isLessThan(3_000);
            assertThat(after)
                    .doesNotContain("JUNK1", "/junk/", "/healthz/1")
                    .containsPattern(
                            "http_server_requests_seconds_count\\{method=\"OTHER\",status=\"405\",uri=\"/slack/events\"}");
        }
    }

    private static int send(HttpClient http, TestApp app, String method, String path) {
        return sendAsync(http, app, method, path).join();
    }

    private static CompletableFuture<Integer> sendAsync(
            HttpClient http, TestApp app, String method, String path) {
        return http.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                                .method(method, HttpRequest.BodyPublishers.noBody())
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(HttpResponse::statusCode);
    }

    @Test
    void healthz_turns_503_when_the_database_is_gone() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        try (FakeSlack slack = new FakeSlack()) {
            Map<String, String> env =
                    Map.of(
                            "SLACK_BOT_TOKEN",
                            "xoxb-1",
                            "SLACK_SIGNING_SECRET",
                            SlackRequests.SIGNING_SECRET,
                            "SLACK_API_URL",
                            slack.url(),
                            "PORT",
                            "0",
                            "BIND_HOST",
                            "127.0.0.1",
                            "DATABASE_URL",
                            pg.getJdbcUrl("postgres", "postgres"));
            try (RunningApp app =
                    Main.start(
                            AppConfig.fromEnv(env),
                            MutableClock.atRealNow(),
                            new com.bossreview.StartOptions(Duration.ofSeconds(1), true))) {
                HttpClient http = HttpClient.newHttpClient();
                HttpRequest health =
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + app.port() + "/healthz"))
                                .timeout(Duration.ofSeconds(10))
                                .build();
                assertThat(http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode())
                        .isEqualTo(200);

                pg.close();

                long started = System.nanoTime();
                HttpResponse<String> down = http.send(health, HttpResponse.BodyHandlers.ofString());
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.body())
                        .contains("\"status\":\"unavailable\"", "\"database\":\"down\"");
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isLessThan(Duration.ofSeconds(5));
            }
        } finally {
            pg.close();
        }
    }
}
