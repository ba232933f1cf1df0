package com.bossreview.slack;

import com.bossreview.config.Secret;
import com.bossreview.support.SlackRequests;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What Slack gets when PostgreSQL is unreachable while a request is handled. */
class DatabaseDownTest {
    private static final Secret SECRET = new Secret(SlackRequests.SIGNING_SECRET);

    private SlackEventsEndpoint.Reply send(RuntimeException thrown, String command) {
        Slack slack = SlackClients.create(URI.create("http://127.0.0.1:9/api/"));
        var bolt = BoltApp.create(slack, new Secret("xoxb-test"), new BotIdentity(), List.of(app -> app.command(command, (req, ctx) -> {
            throw thrown;
        })));
        SignatureCheck signatures = new SignatureCheck(SECRET, Clock.systemUTC());
        var endpoint = new SlackEventsEndpoint(bolt, signatures);
        byte[] body = SlackRequests.formEncode(Map.of("command", command, "text", "status", "team_id", "T0001",
                "user_id", "U1", "response_url", "https://hooks.slack.com/x", "trigger_id", "1.2.3")).getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        return endpoint.handle(Map.of("X-Slack-Request-Timestamp", List.of(ts), "X-Slack-Signature", List.of(signatures.sign(ts, body)),
                "Content-Type", List.of("application/x-www-form-urlencoded")), Map.of(), body, "127.0.0.1");
    }

    @Test
    void a_command_that_cannot_reach_the_database_gets_a_friendly_ephemeral_answer_not_a_500() {
        SlackEventsEndpoint.Reply reply = send(new ConnectionException(
                new SQLTransientConnectionException("bossreview - Connection is not available, request timed out after 1500ms.")),
                "/bossreview");
        assertThat(reply.status()).isEqualTo(200);
        var json = JsonParser.parseString(reply.body()).getAsJsonObject();
        assertThat(json.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(json.get("text").getAsString()).contains("temporarily unavailable").contains("nothing was saved");
    }

    @Test
    void any_other_failure_is_still_a_500() {
        assertThat(send(new IllegalStateException("bug"), "/bossreview").status()).isEqualTo(500);
    }
}
