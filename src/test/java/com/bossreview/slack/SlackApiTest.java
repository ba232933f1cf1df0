package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.bossreview.config.Secret;
import com.bossreview.support.FakeSlack;
import com.slack.api.Slack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The one mapping from a failed call to a {@link SlackError}: the JSON path ({@link
 * SlackApi#postJson}, DMs) and the SDK path ({@link SlackApi#call}, everything else) report the
 * same failure the same way.
 */
class SlackApiTest {
    private FakeSlack fake;
    private SlackApi api;

    @BeforeEach
    void start() {
        fake = new FakeSlack();
        api = apiAt(URI.create(fake.url()));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static SlackApi apiAt(URI url) {
        Slack slack = SlackClients.create(url);
        return new SlackApi(slack, new Secret("xoxb-test"));
    }

    private SlackCallException viaJson() {
        return catchThrowableOfType(
                SlackCallException.class,
                () -> api.postJson(FakeSlack.TEAM_ID, "chat.postMessage", "{\"channel\":\"U1\"}"));
    }

    private SlackCallException viaSdk() {
        return catchThrowableOfType(
                SlackCallException.class,
                () ->
                        api.call(
                                FakeSlack.TEAM_ID,
                                "chat.postMessage",
                                c -> c.chatPostMessage(r -> r.channel("U1").text("hi"))));
    }

    @Test
    void a_429_is_rate_limited_with_slacks_retry_after_on_both_paths() {
        fake.fail("chat.postMessage", new FakeSlack.Fault.RateLimited(7), 2);
        for (SlackCallException e : new SlackCallException[] {viaJson(), viaSdk()}) {
            assertThat(e.error()).isEqualTo("ratelimited");
            assertThat(e.rateLimited()).isTrue();
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        }
    }

    @Test
    void a_500_and_an_ok_false_read_the_same_on_both_paths() {
        fake.fail("chat.postMessage", new FakeSlack.Fault.ServerError(503), 2);
        assertThat(viaJson().error()).isEqualTo("http_503");
        assertThat(viaSdk().error()).isEqualTo("http_503");

        fake.fail("chat.postMessage", new FakeSlack.Fault.ApiError("channel_not_found"), 2);
        SlackCallException json = viaJson();
        SlackCallException sdk = viaSdk();
        assertThat(json.error()).isEqualTo("channel_not_found");
        assertThat(sdk.error()).isEqualTo("channel_not_found");
        assertThat(json.slackError().kind()).isEqualTo(SlackError.Kind.USER_GONE);
    }

    @Test
    void nothing_listening_is_unreachable_nothing_was_sent() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        api = apiAt(URI.create("http://127.0.0.1:" + closedPort + "/api/"));
        for (SlackCallException e : new SlackCallException[] {viaJson(), viaSdk()}) {
            assertThat(e.error()).isEqualTo(SlackError.UNREACHABLE);
            assertThat(e.mayHaveReachedSlack()).isFalse();
            assertThat(e.transientFailure()).isTrue();
        }
    }

    @Test
    void a_connection_dropped_after_the_post_went_out_may_have_posted() {
        fake.fail("chat.postMessage", new FakeSlack.Fault.DropConnection(), 1);
        SlackCallException e = viaJson();
        assertThat(e.error()).isEqualTo(SlackError.CONNECTION_LOST);
        assertThat(e.mayHaveReachedSlack()).isTrue();
        assertThat(fake.calls("chat.postMessage")).as("not re-sent by the HTTP client").hasSize(1);
    }

    @Test
    void no_answer_within_the_deadline_is_a_timeout_that_may_have_posted() {
        fake.fail(
                "chat.postMessage",
                new FakeSlack.Fault.Timeout(SlackApi.POST_TIMEOUT.plusSeconds(2)),
                1);
        SlackCallException e = viaJson();
        assertThat(e.error()).isEqualTo(SlackError.TIMEOUT);
        assertThat(e.mayHaveReachedSlack()).isTrue();
    }

    @Test
    void a_workspace_without_a_token_is_not_installed_before_any_call() {
        SlackApi none =
                new SlackApi(
                        SlackClients.create(URI.create(fake.url())),
                        (enterpriseId, teamId) -> java.util.Optional.empty());
        SlackCallException e =
                catchThrowableOfType(
                        SlackCallException.class,
                        () -> none.postJson("T404", "chat.postMessage", "{}"));
        assertThat(e.error()).isEqualTo(SlackError.NOT_INSTALLED);
        assertThat(fake.calls()).isEmpty();
    }

    @Test
    void a_workspaces_token_is_looked_up_once_and_again_after_slack_turns_it_down()
            throws Exception {
        java.util.concurrent.atomic.AtomicInteger lookups =
                new java.util.concurrent.atomic.AtomicInteger();
        SlackApi counted =
                new SlackApi(
                        SlackClients.create(URI.create(fake.url())),
                        (enterpriseId, teamId) -> {
                            lookups.incrementAndGet();
                            return java.util.Optional.of("xoxb-" + teamId);
                        });
        for (int i = 0; i < 5; i++) {
            counted.postJson("T1", "chat.postMessage", "{\"channel\":\"U1\"}");
        }
        counted.postJson("T2", "chat.postMessage", "{\"channel\":\"U2\"}");
        assertThat(lookups).hasValue(2);
        assertThat(fake.calls("chat.postMessage"))
                .extracting(FakeSlack.Call::token)
                .containsExactly("xoxb-T1", "xoxb-T1", "xoxb-T1", "xoxb-T1", "xoxb-T1", "xoxb-T2");

        fake.fail("chat.postMessage", new FakeSlack.Fault.ApiError("invalid_auth"), 1);
        SlackCallException e =
                catchThrowableOfType(
                        SlackCallException.class,
                        () -> counted.postJson("T1", "chat.postMessage", "{\"channel\":\"U1\"}"));
        assertThat(e.error()).isEqualTo("invalid_auth");
        counted.postJson("T1", "chat.postMessage", "{\"channel\":\"U1\"}");
        assertThat(lookups).as("looked up again after invalid_auth").hasValue(3);
    }
}
