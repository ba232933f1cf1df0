package com.bossreview.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.Main;
import com.bossreview.RunningApp;
import com.bossreview.StartOptions;
import com.bossreview.config.AppConfig;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class ProbesTest {

    @Test
    void readyz_is_200_once_started_and_the_warm_up_left_nothing_behind() throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app =
                        TestApp.start(
                                slack,
                                MutableClock.atRealNow(),
                                Map.of("TEST_BACKGROUND_NUDGES", "true"))) {
            HttpResponse<String> ready = app.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
            assertThat(app.get("/livez").statusCode()).isEqualTo(200);
            assertThat(app.get("/healthz").body()).contains("\"status\":\"ok\"");

            // The warm-up's commands answered in their acks: nothing went to Slack on their behalf,
            // no row stayed.
            assertThat(slack.calls()).extracting(FakeSlack.Call::method).containsOnly("auth.test");
            assertThat(TestDatabase.rows("manager")).isZero();
            assertThat(TestDatabase.rows("seen_request")).isZero();
            // And a real command after it still works.
            assertThat(app.slack().command("T0001", "U1", "help").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void livez_stays_200_and_readyz_says_database_when_the_database_is_gone() throws Exception {
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
                            new StartOptions(Duration.ofSeconds(1), true))) {
                HttpClient http = HttpClient.newHttpClient();
                assertThat(get(http, app, "/readyz").statusCode()).isEqualTo(200);

                pg.close();

                long started = System.nanoTime();
                HttpResponse<String> live = get(http, app, "/livez");
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started))
                        .isLessThan(Duration.ofSeconds(1));
                HttpResponse<String> ready = get(http, app, "/readyz");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body())
                        .isEqualTo("{\"status\":\"unavailable\",\"failed\":\"database\"}");
            }
        } finally {
            pg.close();
        }
    }

    /**
     * SIGTERM during a request: the request (here held by a row lock in its own transaction) still
     * gets its answer, and {@code /readyz} says 503 meanwhile, so the load balancer stops sending
     * traffic.
     */
    @Test
    void a_request_under_way_when_shutdown_starts_gets_its_answer_and_readyz_says_503_meanwhile()
            throws Exception {
        try (FakeSlack slack = new FakeSlack();
                TestApp app =
                        TestApp.start(
                                slack,
                                MutableClock.atRealNow(),
                                Map.of("TEST_DRAIN_NOTICE_MS", "1500"));
                Connection blocker = DriverManager.getConnection(TestDatabase.jdbcUrlForEnv());
                Socket probe = new Socket("127.0.0.1", app.port())) {
            probe.setSoTimeout(10_000);
            assertThat(rawGet(probe, "/readyz")).startsWith("HTTP/1.1 200");

            // The setup command creates its manager row before the ack; an uncommitted row of the
            // same key holds it.
            blocker.setAutoCommit(false);
            try (var insert =
                    blocker.prepareStatement(
                            "INSERT INTO manager (team_id, user_id, created_at) VALUES ('T0001', 'UDRAIN', now())")) {
                insert.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> underWay =
                    CompletableFuture.supplyAsync(
                            () -> app.slack().command("T0001", "UDRAIN", "setup"));
            awaitTrue(
                    "the command waiting on the row lock",
                    () ->
                            TestDatabase.rows(
                                            "pg_stat_activity WHERE "
                                                    + "datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO manager%'")
                                    == 1);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
            awaitTrue(
                    "/readyz saying shutting_down",
                    () -> rawGet(probe, "/readyz").startsWith("HTTP/1.1 503"));
            assertThat(rawGet(probe, "/readyz")).contains("\"failed\":\"shutting_down\"");
            assertThat(underWay).isNotDone();
            assertThat(closing).isNotDone();

            blocker.commit();

            HttpResponse<String> answer = underWay.get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            closing.get(15, TimeUnit.SECONDS);
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.onSpinWait();
        }
    }

    /**
     * A GET on a connection opened before the drain (new ones are refused by then); the whole
     * answer.
     */
    private static String rawGet(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(
                ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(HttpClient http, RunningApp app, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
