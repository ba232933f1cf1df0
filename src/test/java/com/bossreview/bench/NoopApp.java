package com.bossreview.bench;

import com.bossreview.config.Secret;
import com.bossreview.slack.BoltApp;
import com.bossreview.slack.BotIdentity;
import com.bossreview.slack.HttpServer;
import com.bossreview.slack.SignatureCheck;
import com.bossreview.slack.SlackClients;
import com.bossreview.slack.SlackEventsEndpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The command-ack ceiling: the app's own HTTP edge (Jetty {@link HttpServer}, signature check,
 * {@link SlackEventsEndpoint}) and a Bolt app built by {@link BoltApp}, with one command that only acks.
 * Usage: {@code NoopApp <port> <signingSecret>}.
 */
public final class NoopApp {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        var slack = SlackClients.create(URI.create("http://127.0.0.1:9/api/"));
        var bolt = BoltApp.create(slack, new Secret("xoxb-noop"), new BotIdentity(),
                List.of(app -> app.command("/noop", (req, ctx) -> ctx.ack())));
        bolt.start();
        var events = new SlackEventsEndpoint(bolt, new SignatureCheck(new Secret(args[1]), Clock.systemUTC()));
        HttpServer http = HttpServer.start("127.0.0.1", port, events,
                () -> new HttpServer.Page(200, "application/json", "{\"status\":\"ok\"}"),
                () -> new HttpServer.Page(200, "text/plain", ""), new SimpleMeterRegistry());
        System.out.println("no-op Bolt app on port " + http.port());
    }
}
