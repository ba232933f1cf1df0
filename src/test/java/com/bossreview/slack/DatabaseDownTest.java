package com.bossreview.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.Secret;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** What Slack gets when PostgreSQL is unreachable while a request is handled. */
class DatabaseDownTest {
    private static final Secret SECRET = new Secret(SlackRequests.SIGNING_SECRET);
    private static final java.util.concurrent.atomic.AtomicInteger sent =
            new java.util.concurrent.atomic.AtomicInteger();

    private SlackEventsEndpoint.Reply send(RuntimeException thrown, String command) {
        return send(
                endpoint(
                        command,
                        () -> {
                            throw thrown;
                        },
                        Clock.systemUTC()),
                command);
    }

    /** An endpoint whose replay check works: only the handler meets the database failure. */
    private static SlackEventsEndpoint endpoint(String command, Runnable handler, Clock clock) {
        return endpoint(command, handler, clock, TestDatabase.database().jdbi());
    }

    private static SlackEventsEndpoint endpoint(
            String command, Runnable handler, Clock clock, Jdbi seenRequests) {
        Slack slack = SlackClients.create(URI.create("http://127.0.0.1:9/api/"));
        var bolt =
                BoltApp.create(
                        slack,
                        new Secret("xoxb-test"),
                        new BotIdentity(),
                        List.of(
                                app ->
                                        app.command(
                                                command,
                                                (req, ctx) -> {
                                                    handler.run();
                                                    return ctx.ack("ok");
                                                })));
        return new SlackEventsEndpoint(
                bolt,
                new SignatureCheck(SECRET, Clock.systemUTC()),
                new SeenRequests(seenRequests, Clock.systemUTC(), new SimpleMeterRegistry()),
                clock);
    }

    /** A real pool, set up as the app's, on a port where no PostgreSQL listens. */
    private static HikariDataSource unreachableDatabase() {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/bossreview?connectTimeout=1");
        hikari.setUsername("bossreview");
        hikari.setConnectionTimeout(1500);
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    private static SlackEventsEndpoint.Reply send(SlackEventsEndpoint endpoint, String command) {
        SignatureCheck signatures = new SignatureCheck(SECRET, Clock.systemUTC());
        // Each send is a new invocation, with its own trigger id as from Slack: not a replay of the
        // previous one.
        byte[] body =
                SlackRequests.formEncode(
                                Map.of(
                                        "command",
                                        command,
                                        "text",
                                        "status",
                                        "team_id",
                                        "T0001",
                                        "user_id",
                                        "U1",
                                        "response_url",
                                        "https://hooks.slack.com/x",
                                        "trigger_id",
                                        "1.2." + sent.incrementAndGet()))
                        .getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        return endpoint.handle(
                Map.of(
                        "X-Slack-Request-Timestamp",
                        List.of(ts),
                        "X-Slack-Signature",
                        List.of(signatures.sign(ts, body)),
                        "Content-Type",
                        List.of("application/x-www-form-urlencoded")),
                Map.of(),
                body,
                "127.0.0.1");
    }

    @Test
    void a_command_that_cannot_reach_the_database_gets_a_friendly_ephemeral_answer_not_a_500() {
        SlackEventsEndpoint.Reply reply =
                send(
                        new ConnectionException(
                                new SQLTransientConnectionException(
                                        "bossreview - Connection is not available, request timed out after 1500ms.")),
                        "/bossreview");
        assertThat(reply.status()).isEqualTo(200);
        var json = JsonParser.parseString(reply.body()).getAsJsonObject();
        assertThat(json.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(json.get("text").getAsString())
                .contains("temporarily unavailable")
                .contains("nothing was saved");
    }

    /**
     * {@code pg_ctl stop -m fast} (or a failover, or {@code pg_terminate_backend}) ends the
     * sessions of the statements in flight with SQLState 57P01 (admin_shutdown), not class 08;
     * 57P02 is a crash shutdown and 57P03 "the database system is starting up / shutting down".
     * Seen in {@code bench/fail-postgres.sh}'s app log; such a command must get the friendly answer
     * too, not a 500.
     */
    @Test
    void a_command_whose_session_the_server_terminates_gets_the_friendly_answer() {
        for (String state : List.of("57P01", "57P02", "57P03")) {
            SlackEventsEndpoint.Reply reply =
                    send(
                            new org.jdbi.v3.core.statement.UnableToExecuteStatementException(
                                    new java.sql.SQLException(
                                            "FATAL: terminating connection due to administrator command",
                                            state),
                                    null),
                            "/bossreview");
            assertThat(reply.status()).as(state).isEqualTo(200);
            assertThat(reply.body()).as(state).contains("temporarily unavailable");
        }
    }

    @Test
    void
            once_the_database_was_found_away_the_next_second_of_requests_is_answered_without_waiting_for_it() {
        java.util.concurrent.atomic.AtomicInteger tries =
                new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean down =
                new java.util.concurrent.atomic.AtomicBoolean(true);
        com.bossreview.support.MutableClock clock =
                new com.bossreview.support.MutableClock(
                        java.time.Instant.parse("2026-11-30T09:00:00Z"));
        SlackEventsEndpoint endpoint =
                endpoint(
                        "/bossreview",
                        () -> {
                            tries.incrementAndGet();
                            if (down.get()) {
                                throw new ConnectionException(
                                        new SQLTransientConnectionException(
                                                "Connection is not available"));
                            }
                        },
                        clock);

        assertThat(send(endpoint, "/bossreview").body()).contains("temporarily unavailable");
        clock.advance(java.time.Duration.ofMillis(900));
        assertThat(send(endpoint, "/bossreview").body()).contains("temporarily unavailable");
        assertThat(tries).hasValue(1); // the second did not wait on the database

        down.set(false);
        clock.advance(java.time.Duration.ofMillis(100));
        SlackEventsEndpoint.Reply back = send(endpoint, "/bossreview");
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).doesNotContain("temporarily unavailable");
        assertThat(tries).hasValue(2);
    }

    @Test
    void one_broken_pooled_connection_does_not_turn_the_next_requests_away() {
        java.util.concurrent.atomic.AtomicInteger tries =
                new java.util.concurrent.atomic.AtomicInteger();
        SlackEventsEndpoint endpoint =
                endpoint(
                        "/bossreview",
                        () -> {
                            if (tries.incrementAndGet() == 1) {
                                throw new org.jdbi.v3.core.statement
                                        .UnableToExecuteStatementException(
                                        new java.sql.SQLException(
                                                "FATAL: terminating connection due to administrator command",
                                                "57P01"),
                                        null);
                            }
                        },
                        Clock.systemUTC());
        assertThat(send(endpoint, "/bossreview").body()).contains("temporarily unavailable");
        // The next borrow may well get a healthy connection: it is tried, not refused.
        assertThat(send(endpoint, "/bossreview").body()).doesNotContain("temporarily unavailable");
        assertThat(tries).hasValue(2);
    }

    /**
     * The replay check needs PostgreSQL too. When it cannot answer, the request goes on unchecked
     * (a replay cannot store anything while the database is away): a command that needs no data
     * still works.
     */
    @Test
    void
            a_command_that_needs_no_data_still_works_when_the_replay_check_cannot_reach_the_database() {
        try (HikariDataSource away = unreachableDatabase()) {
            SlackEventsEndpoint endpoint =
                    endpoint("/bossreview", () -> {}, Clock.systemUTC(), Jdbi.create(away));
            long started = System.nanoTime();
            SlackEventsEndpoint.Reply reply = send(endpoint, "/bossreview");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).contains("ok").doesNotContain("temporarily unavailable");
            assertThat(took)
                    .isLessThan(Duration.ofMillis(1500)); // not the pool's whole connection timeout
        }
    }

    /**
     * A command that needs the database waits for a connection (1.5 s) once the replay check gave
     * up on it: the friendly answer must still reach Slack inside its 3 s, not after two full
     * waits.
     */
    @Test
    void a_command_that_needs_the_database_gets_the_friendly_answer_inside_3s_when_it_is_away() {
        try (HikariDataSource away = unreachableDatabase()) {
            Jdbi jdbi = Jdbi.create(away);
            SlackEventsEndpoint endpoint =
                    endpoint(
                            "/bossreview",
                            () -> jdbi.useHandle(h -> h.execute("SELECT 1")),
                            Clock.systemUTC(),
                            jdbi);
            long started = System.nanoTime();
            SlackEventsEndpoint.Reply reply = send(endpoint, "/bossreview");
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(reply.body()).contains("temporarily unavailable");
            assertThat(took).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void a_query_error_that_is_not_about_the_connection_is_still_a_500() {
        assertThat(
                        send(
                                        new org.jdbi.v3.core.statement
                                                .UnableToExecuteStatementException(
                                                new java.sql.SQLException(
                                                        "division by zero", "22012"),
                                                null),
                                        "/bossreview")
                                .status())
                .isEqualTo(500);
    }

    @Test
    void any_other_failure_is_still_a_500() {
        assertThat(send(new IllegalStateException("bug"), "/bossreview").status()).isEqualTo(500);
    }
}
