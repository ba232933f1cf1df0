package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.SlowClients;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /slack/events} faces the internet: clients that open a request and trickle its body must
 * not take the server away from {@code /healthz} and from Slack, and must be cut off within the
 * deadline.
 */
@ExtendWith(TestDatabase.class)
class SlowClientsTest {
    /** Slack's own limit for an answer: the product contract, not a tuning figure. */
    private static final Duration SLACK_LIMIT = Duration.ofSeconds(3);

    private static final String TEAM = FakeSlack.TEAM_ID;
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

    private record Timed<T>(T value, Duration took) {}

    private static <T> Timed<T> timed(Callable<T> call) throws Exception {
        long started = System.nanoTime();
        T value = call.call();
        return new Timed<>(value, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void healthAndCommandAnswerInTime(String round) throws Exception {
        Timed<HttpResponse<String>> health = timed(() -> app.get("/healthz"));
        assertThat(health.value().statusCode()).as(round + ": /healthz").isEqualTo(200);
        assertThat(health.took()).as(round + ": /healthz took").isLessThan(SLACK_LIMIT);

        Timed<HttpResponse<String>> good =
                timed(() -> app.slack().command(TEAM, "U0SLOW", "good Closed Acme " + round));
        assertThat(SlackRequests.text(good.value())).as(round + ": good").contains("logged");
        assertThat(good.value().body()).as(round + ": good").contains("Closed Acme " + round);
        assertThat(good.took()).as(round + ": a signed good command took").isLessThan(SLACK_LIMIT);
        System.out.printf(
                "%s: /healthz %d ms, signed good command %d ms%n",
                round, health.took().toMillis(), good.took().toMillis());
    }

    @Test
    void healthz_and_a_signed_command_answer_within_3s_while_150_clients_trickle_bodies()
            throws Exception {
        // Class loading and JIT of the first requests are not the subject: untimed.
        assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
        assertThat(
                        SlackRequests.text(
                                app.slack().command(TEAM, "U0SLOW", "good Closed Acme warm-up")))
                .contains("logged");

        try (SlowClients attackers =
                SlowClients.start(
                        app.port(), "/slack/events", 150, 10_000, Duration.ofSeconds(1))) {
            assertThat(attackers.awaitConnected(Duration.ofSeconds(20))).isTrue();
            healthAndCommandAnswerInTime("150 slow clients");

            // The whole-body deadline cuts every one of them off; they come straight back, as
            // attackers would.
            assertThat(attackers.awaitCut(150, HttpServer.BODY_DEADLINE.plusSeconds(10)))
                    .as("all 150 trickled bodies cut off")
                    .isTrue();
            healthAndCommandAnswerInTime("150 slow clients, reconnected");
            List<Duration> firstWave = attackers.lifetimes().subList(0, 150);
            assertThat(firstWave)
                    .allSatisfy(
                            lived ->
                                    assertThat(lived)
                                            .isLessThan(HttpServer.BODY_DEADLINE.plusSeconds(5)));
            System.out.printf(
                    "150 trickled bodies cut off after %d–%d ms%n",
                    firstWave.stream().mapToLong(Duration::toMillis).min().orElseThrow(),
                    firstWave.stream().mapToLong(Duration::toMillis).max().orElseThrow());
        }
        assertThat(TestDatabase.rows("news WHERE user_id = 'U0SLOW'")).isEqualTo(3);
    }

    @Test
    void a_body_that_never_completes_is_cut_off_at_the_deadline() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout((int) HttpServer.BODY_DEADLINE.plusSeconds(10).toMillis());
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                                    + "Content-Length: 100\r\n\r\ncommand=%2Fbossreview")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAll(socket.getInputStream());
            Duration lived = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf(
                    "a body that never completes: answered %s after %d ms%n",
                    answer.lines().findFirst().orElse(""), lived.toMillis());

            assertThat(answer).startsWith("HTTP/1.1 408 ");
            assertThat(lived)
                    .isBetween(
                            HttpServer.BODY_DEADLINE.minusMillis(500),
                            HttpServer.BODY_DEADLINE.plusSeconds(3));
        }
    }

    @Test
    void a_body_sent_only_after_the_server_asked_for_it_is_still_read() throws Exception {
        // Expect: 100-continue makes the client hold the body back until the handler reads: the
        // body
        // then arrives after the handler started, which is the path a slow network takes.
        SignatureCheck signer =
                new SignatureCheck(
                        new com.bossreview.config.Secret(SlackRequests.SIGNING_SECRET), clock);
        String body =
                SlackRequests.formEncode(
                        java.util.Map.of(
                                "command",
                                "/bossreview",
                                "text",
                                "help",
                                "team_id",
                                TEAM,
                                "user_id",
                                "U0SLOW",
                                "response_url",
                                slack.responseUrl(),
                                "trigger_id",
                                "1.2.3"));
        String ts = Long.toString(clock.instant().getEpochSecond());
        HttpResponse<String> r =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        "http://127.0.0.1:"
                                                                + app.port()
                                                                + "/slack/events"))
                                        .expectContinue(true)
                                        .timeout(Duration.ofSeconds(10))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .header("X-Slack-Request-Timestamp", ts)
                                        .header(
                                                "X-Slack-Signature",
                                                signer.sign(
                                                        ts, body.getBytes(StandardCharsets.UTF_8)))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(SlackRequests.text(r)).contains("/bossreview status");
    }

    @Test
    void a_body_announced_over_the_limit_is_413_before_it_is_sent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(
                            ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                                            + (2 * SlackEventsEndpoint.MAX_BODY_BYTES)
                                            + "\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 413 ");
        }
    }

    @Test
    void a_chunked_body_that_grows_over_the_limit_is_413() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent <= SlackEventsEndpoint.MAX_BODY_BYTES; sent += chunk.length) {
                out.write(
                        (Integer.toHexString(chunk.length) + "\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            assertThat(readAll(socket.getInputStream())).startsWith("HTTP/1.1 413 ");
        }
    }

    /**
     * What the server sent until it closed the connection (or stopped sending for the socket's
     * timeout).
     */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                got.write(buffer, 0, n);
                if (got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                    break; // the status line and headers are all these tests look at
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // nothing (more) came: the caller's assertion on what did says what went wrong
        }
        return got.toString(StandardCharsets.ISO_8859_1);
    }
}
