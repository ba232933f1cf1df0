package com.bossreview.health;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TestDatabase.class)
class ProbesTest {

    @Test
    void readyz_is_200_once_started_and_the_warm_up_left_nothing_behind() throws Exception {
        try (FakeSlack slack = new FakeSlack(); TestApp app = TestApp.start(slack, MutableClock.atRealNow(),
                Map.of("TEST_BACKGROUND_NUDGES", "true"))) {
            HttpResponse<String> ready = app.get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
            assertThat(app.get("/livez").statusCode()).isEqualTo(200);
            assertThat(app.get("/healthz").body()).contains("\"status\":\"ok\"");

            // The warm-up's commands answered in their acks: nothing went to Slack on their behalf, no row stayed.
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
            Map<String, String> env = Map.of(
                    "SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", SlackRequests.SIGNING_SECRET,
                    "SLACK_API_URL", slack.url(), "PORT", "0", "BIND_HOST", "127.0.0.1",
                    "DATABASE_URL", pg.getJdbcUrl("postgres", "postgres"));
            try (RunningApp app = Main.start(AppConfig.fromEnv(env), MutableClock.atRealNow(),
                    new StartOptions(Duration.ofSeconds(1), true))) {
                HttpClient http = HttpClient.newHttpClient();
                assertThat(get(http, app, "/readyz").statusCode()).isEqualTo(200);

                pg.close();

                long started = System.nanoTime();
                HttpResponse<String> live = get(http, app, "/livez");
                assertThat(live.statusCode()).isEqualTo(200);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
                HttpResponse<String> ready = get(http, app, "/readyz");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).isEqualTo("{\"status\":\"unavailable\",\"failed\":\"database\"}");
            }
        } finally {
            pg.close();
        }
    }

    static HttpResponse<String> get(HttpClient http, RunningApp app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
