package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class SlackEventsEndpointTest {
    private static final String BODY =
            SlackRequests.formEncode(
                    Map.of(
                            "command",
                            "/bossreview",
                            "text",
                            "help",
                            "team_id",
                            "T0001",
                            "user_id",
                            "U1",
                            "response_url",
                            "https://hooks.slack.com/x",
                            "trigger_id",
                            "1.2.3"));
    private static FakeSlack slack;
    private static MutableClock clock;
    private static TestApp app;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        clock = MutableClock.atRealNow();
        app = TestApp.start(slack, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @Test
    void correctly_signed_request_is_answered() {
        HttpResponse<String> r =
                app.slack().post(BODY, "application/x-www-form-urlencoded", clock.instant());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("/bossreview status");
    }

    @Test
    void missing_signature_is_401() {
        HttpResponse<String> r =
                app.slack().send(BODY, "application/x-www-form-urlencoded", null, null);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("bossreview status");
    }

    @Test
    void wrong_signature_is_401() {
        String ts = Long.toString(clock.instant().getEpochSecond());
        HttpResponse<String> r =
                app.slack()
                        .send(
                                BODY,
                                "application/x-www-form-urlencoded",
                                ts,
                                "v0=0000000000000000000000000000000000000000000000000000000000000000");
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void signature_with_another_secret_is_401() {
        var other = new SignatureCheck(new com.bossreview.config.Secret("not-the-secret"), clock);
        String ts = Long.toString(clock.instant().getEpochSecond());
        HttpResponse<String> r =
                app.slack()
                        .send(
                                BODY,
                                "application/x-www-form-urlencoded",
                                ts,
                                other.sign(
                                        ts,
                                        BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void timestamp_six_minutes_old_is_401_even_when_correctly_signed() {
        HttpResponse<String> r =
                app.slack()
                        .post(
                                BODY,
                                "application/x-www-form-urlencoded",
                                clock.instant().minus(Duration.ofMinutes(6)));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void timestamp_six_minutes_ahead_is_401_even_when_correctly_signed() {
        HttpResponse<String> r =
                app.slack()
                        .post(
                                BODY,
                                "application/x-www-form-urlencoded",
                                clock.instant().plus(Duration.ofMinutes(6)));
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void signed_garbage_is_a_400_not_a_500() {
        HttpResponse<String> r =
                app.slack()
                        .post(
                                "payload=%7B%22type%22%3A%22event_callback%22%7D",
                                "application/x-www-form-urlencoded", clock.instant());
        assertThat(r.statusCode()).isEqualTo(400);
        HttpResponse<String> notJson =
                app.slack()
                        .post(
                                "payload=%7Bnot-json",
                                "application/x-www-form-urlencoded", clock.instant());
        assertThat(notJson.statusCode()).isEqualTo(400);
    }

    /**
     * The server answers 413 as soon as the announced length is over the limit and closes the
     * connection without reading the body (SlowClientsTest checks those bytes on the socket). A
     * client still sending then often gets the connection reset by the kernel before it reads the
     * 413: either way the body is refused and nothing acts.
     */
    @Test
    void an_oversized_body_is_refused() {
        String huge = "text=" + "a".repeat(SlackEventsEndpoint.MAX_BODY_BYTES + 10);
        try {
            HttpResponse<String> r =
                    app.slack().post(huge, "application/x-www-form-urlencoded", clock.instant());
            assertThat(r.statusCode()).isEqualTo(413);
        } catch (java.io.UncheckedIOException reset) {
            assertThat(reset.getCause()).isInstanceOf(java.io.IOException.class);
        }
        assertThat(TestDatabase.rows("seen_request")).isZero();
    }

    @Test
    void no_answer_names_the_server_or_its_version() throws Exception {
        java.util.List<HttpResponse<String>> answers =
                java.util.List.of(
                        app.get("/healthz"),
                        app.get("/metrics"),
                        app.get("/nope"),
                        app.get("/slack/events"),
                        app.slack().send(BODY, "application/x-www-form-urlencoded", null, null),
                        app.slack()
                                .post(BODY, "application/x-www-form-urlencoded", clock.instant()));
        for (HttpResponse<String> answer : answers) {
            assertThat(answer.headers().firstValue("Server"))
                    .as(answer.uri() + " " + answer.statusCode())
                    .isEmpty();
            assertThat(answer.headers().firstValue("X-Powered-By")).isEmpty();
        }
        // Jetty's own error page, for a request it cannot parse, neither.
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(
                            "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer =
                    new String(
                            socket.getInputStream().readAllBytes(),
                            java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(answer).startsWith("HTTP/1.1 400 ");
            assertThat(answer.toLowerCase()).doesNotContain("server:", "jetty", "12.1");
        }
    }

    @Test
    void get_on_the_events_endpoint_is_405() throws Exception {
        assertThat(app.get("/slack/events").statusCode()).isEqualTo(405);
        assertThat(app.get("/nope").statusCode()).isEqualTo(404);
    }
}
