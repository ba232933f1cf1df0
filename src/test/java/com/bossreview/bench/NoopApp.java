package com.bossreview.bench;

import com.bossreview.config.DatabaseUrl;
import com.bossreview.config.Secret;
import com.bossreview.db.Database;
import com.bossreview.slack.BoltApp;
import com.bossreview.slack.BotIdentity;
import com.bossreview.slack.HttpServer;
import com.bossreview.slack.SeenRequests;
import com.bossreview.slack.SignatureCheck;
import com.bossreview.slack.SlackClients;
import com.bossreview.slack.SlackEventsEndpoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

/**
 * The command-ack ceiling: the app's own HTTP edge (Jetty {@link HttpServer}, signature check,
 * {@link SlackEventsEndpoint}) and a Bolt app built by {@link BoltApp}, with one command that only
 * acks. Also {@code /dbping}: the same ack after one {@code SELECT 1} through the app's pool
 * ({@link Database}), the floor of any command that reads PostgreSQL on this machine. Both pass the
 * edge's replay check ({@link SeenRequests}), one insert into PostgreSQL per request, as the app
 * does. Usage: {@code NoopApp <port> <signingSecret> <jdbcUrl>}.
 */
public final class NoopApp {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        var slack = SlackClients.create(URI.create("http://127.0.0.1:9/api/"));
        // The database: for /dbping, and for the replay check every signed request now goes through
        // at the edge.
        Database db = Database.connect(DatabaseUrl.parse(args[2]), new SimpleMeterRegistry(), 20);
        db.migrate();
        var bolt =
                BoltApp.create(
                        slack,
                        new Secret("xoxb-noop"),
                        new BotIdentity(),
                        List.of(
                                app -> app.command("/noop", (req, ctx) -> ctx.ack()),
                                app ->
                                        app.command(
                                                "/dbping",
                                                (req, ctx) -> {
                                                    try (Connection c =
                                                                    db.dataSource()
                                                                            .getConnection();
                                                            Statement s = c.createStatement();
                                                            ResultSet rs =
                                                                    s.executeQuery("SELECT 1")) {
                                                        rs.next();
                                                    } catch (java.sql.SQLException e) {
                                                        return ctx.ack("database error");
                                                    }
                                                    return ctx.ack();
                                                })));
        bolt.start();
        var events =
                new SlackEventsEndpoint(
                        bolt,
                        new SignatureCheck(new Secret(args[1]), Clock.systemUTC()),
                        new SeenRequests(db.jdbi(), Clock.systemUTC(), new SimpleMeterRegistry()));
        HttpServer http =
                HttpServer.start(
                        "127.0.0.1",
                        port,
                        events,
                        () -> new HttpServer.Page(200, "application/json", "{\"status\":\"ok\"}"),
                        () -> new HttpServer.Page(200, "text/plain", ""),
                        new SimpleMeterRegistry());
        System.out.println("no-op Bolt app on port " + http.port());
    }
}
