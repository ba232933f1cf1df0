package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.Secret;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Someone who captured a signed request (a proxy log, a leaked trace) can send it again while its
 * timestamp is within five minutes: it must act at most once, whichever instance gets it.
 */
@ExtendWith(TestDatabase.class)
class ReplayedRequestsTest {
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final AtomicInteger invocations = new AtomicInteger();
    private static FakeSlack slack;
    private static MutableClock clock;
    private static TestApp one;
    private static TestApp two;
    private static SignatureCheck signer;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        clock = MutableClock.atRealNow();
        one = TestApp.start(slack, clock);
        two = TestApp.start(slack, clock);
        signer = new SignatureCheck(new Secret(SlackRequests.SIGNING_SECRET), clock);
    }

    @AfterAll
    static void stop() {
        two.close();
        one.close();
        slack.close();
    }

    /** A request as Slack signed it: what an eavesdropper would have captured. */
    private record Captured(String body, String timestamp, String signature) {
        HttpResponse<String> sendTo(TestApp app) {
            return app.slack()
                    .send(body, "application/x-www-form-urlencoded", timestamp, signature);
        }
    }

    private static Captured command(String user, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("team_id", TEAM);
        form.put("user_id", user);
        form.put("command", "/bossreview");
        form.put("text", text);
        form.put("response_url", slack.responseUrl() + "/" + invocations.incrementAndGet());
        form.put("trigger_id", "13345224609.738474920." + invocations.get());
        String body = SlackRequests.formEncode(form);
        String ts = Long.toString(clock.instant().getEpochSecond());
        return new Captured(body, ts, signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static int news(String user) {
        return TestDatabase.rows("news WHERE user_id = '" + user + "'");
    }

    @Test
    void a_replayed_command_acts_once_and_the_replay_gets_a_quiet_200() {
        Captured good = command("U0REPLAY1", "good Closed the Acme deal");

        HttpResponse<String> first = good.sendTo(one);
        HttpResponse<String> replay = good.sendTo(one);

        assertThat(SlackRequests.text(first)).contains("logged");
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEmpty();
        assertThat(news("U0REPLAY1")).isEqualTo(1);
    }

    @Test
    void a_replay_sent_to_another_instance_acts_no_more() {
        Captured good = command("U0REPLAY2", "good Closed the Acme deal");

        assertThat(SlackRequests.text(good.sendTo(one))).contains("logged");
        HttpResponse<String> replay = good.sendTo(two);

        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEmpty();
        assertThat(news("U0REPLAY2")).isEqualTo(1);
    }

    @Test
    void the_same_request_sent_to_both_instances_at_once_acts_once() throws Exception {
        for (int round = 0; round < 10; round++) {
            Captured good = command("U0RACE" + round, "good Closed the Acme deal");
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> sent =
                    List.of(one, two).stream()
                            .map(
                                    app ->
                                            CompletableFuture.supplyAsync(
                                                    () -> {
                                                        try {
                                                            go.await();
                                                        } catch (InterruptedException e) {
                                                            throw new IllegalStateException(e);
                                                        }
                                                        return good.sendTo(app);
                                                    }))
                            .toList();
            go.countDown();
            List<String> bodies =
                    sent.stream().map(CompletableFuture::join).map(HttpResponse::body).toList();

            assertThat(bodies).filteredOn(String::isEmpty).as("quiet answers").hasSize(1);
            assertThat(news("U0RACE" + round)).isEqualTo(1);
        }
    }

    @Test
    void the_same_text_sent_again_is_a_new_request_and_acts_again() {
        // Slack signs every request anew (a person typing the same command twice, an event retry):
        // only a
        // byte-identical request with the same timestamp and signature is a replay.
        assertThat(SlackRequests.text(command("U0TWICE", "good Closed the Acme deal").sendTo(one)))
                .contains("logged");
        clock.advance(Duration.ofSeconds(1));
        assertThat(SlackRequests.text(command("U0TWICE", "good Closed the Acme deal").sendTo(two)))
                .contains("logged");
        assertThat(news("U0TWICE")).isEqualTo(2);
    }

    @Test
    void an_event_slack_retries_is_handled_again() throws Exception {
        // Slack retries an event it got no timely 200 for, re-signed and with X-Slack-Retry-Num:
        // the first
        // try may have failed, so the retry is handled (publishing App Home again is harmless).
        JsonObject callback = new JsonObject();
        callback.addProperty("token", "legacy-verification-token");
        callback.addProperty("team_id", TEAM);
        callback.addProperty("api_app_id", "A0000001");
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", "U0HOME");
        event.addProperty("channel", "D0000001");
        event.addProperty("tab", "home");
        event.addProperty("event_ts", clock.instant().getEpochSecond() + ".000100");
        callback.add("event", event);
        callback.addProperty("type", "event_callback");
        callback.addProperty("event_id", "Ev0RETRY");
        callback.addProperty("event_time", clock.instant().getEpochSecond());
        int published = slack.calls("views.publish").size();

        assertThat(sendEvent(one, callback, null).statusCode()).isEqualTo(200);
        slack.awaitCalls("views.publish", published + 1, Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(3));
        assertThat(sendEvent(two, callback, "1").statusCode()).isEqualTo(200);

        assertThat(slack.awaitCalls("views.publish", published + 2, Duration.ofSeconds(10)))
                .hasSize(published + 2);
    }

    private static HttpResponse<String> sendEvent(TestApp app, JsonObject callback, String retryNum)
            throws Exception {
        String body = callback.toString();
        String ts = Long.toString(clock.instant().getEpochSecond());
        HttpRequest.Builder request =
                HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.port() + "/slack/events"))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("X-Slack-Request-Timestamp", ts)
                        .header(
                                "X-Slack-Signature",
                                signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum)
                    .header("X-Slack-Retry-Reason", "http_timeout");
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
