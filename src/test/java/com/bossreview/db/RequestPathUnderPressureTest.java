package com.bossreview.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The manager's commands answer within Slack's 3 seconds when another transaction holds their row,
 * and when background work holds every connection of its pool.
 */
class RequestPathUnderPressureTest extends AppTest {
    private static final Duration SLACK_LIMIT = Duration.ofSeconds(3);

    /** A transaction of another session, as a slow job or another instance would hold it. */
    private static Connection lockManagerRow() throws Exception {
        var url = TestDatabase.url();
        Connection c =
                DriverManager.getConnection(
                        url.jdbcUrl(),
                        url.user().orElse(null),
                        url.password().map(p -> p.reveal()).orElse(null));
        c.setAutoCommit(false);
        try (PreparedStatement s =
                c.prepareStatement(
                        "SELECT * FROM manager WHERE team_id = ? AND user_id = ? FOR UPDATE")) {
            s.setString(1, TEAM);
            s.setString(2, ME);
            assertThat(s.executeQuery().next()).isTrue();
        }
        return c;
    }

    private record Timed(HttpResponse<String> response, Duration took) {}

    private static Timed timedCommand(String text) {
        long start = System.nanoTime();
        HttpResponse<String> r = app.slack().command(TEAM, ME, text);
        return new Timed(r, Duration.ofNanos(System.nanoTime() - start));
    }

    /** The first commands of a fresh JVM load much of Bolt: timed ones come after. */
    private static void warmUp() {
        command("status");
        command("help");
    }

    @Test
    void
            a_command_whose_row_another_transaction_holds_is_told_to_try_again_within_3_s_and_saves_nothing()
                    throws Exception {
        managerWithBoss();
        warmUp();
        try (Connection holder = lockManagerRow()) {
            Timed news = timedCommand("bad Lost the Acme renewal");
            assertThat(news.took()).isLessThan(SLACK_LIMIT);
            assertThat(SlackRequests.text(news.response()))
                    .contains("temporarily unavailable", "nothing was saved", "try again");

            Timed zone = timedCommand("settings tz Europe/Paris");
            assertThat(zone.took()).isLessThan(SLACK_LIMIT);
            assertThat(SlackRequests.text(zone.response()))
                    .contains("temporarily unavailable", "nothing was saved");

            holder.rollback();
        }
        assertThat(TestDatabase.rows("news")).isZero();
        assertThat(TestDatabase.rows("nudge")).isZero();
        assertThat(TestDatabase.rows("manager WHERE time_zone = 'America/New_York'")).isEqualTo(1);

        // The row free again, the same command goes through.
        assertThat(command("bad Lost the Acme renewal")).doesNotContain("temporarily unavailable");
        assertThat(TestDatabase.rows("news")).isEqualTo(1);
    }

    @Test
    void background_work_holding_every_connection_of_its_pool_does_not_hold_up_a_command()
            throws Exception {
        managerWithBoss();
        warmUp();
        command("good Warmed up"); // the news path's first run loads its classes: not what is timed
        // here
        Database db = app.database();
        HikariDataSource background = db.backgroundPool();
        List<Connection> held = new ArrayList<>();
        try {
            // The way a stuck job or a slow wave would: through the app's own data source, as
            // background work.
            for (int i = 0; i < background.getMaximumPoolSize(); i++) {
                held.add(
                        BackgroundWork.call(
                                () -> {
                                    try {
                                        return db.dataSource().getConnection();
                                    } catch (java.sql.SQLException e) {
                                        throw new IllegalStateException(e);
                                    }
                                }));
            }
            assertThat(background.getHikariPoolMXBean().getIdleConnections()).isZero();
            assertThat(background.getHikariPoolMXBean().getActiveConnections())
                    .isEqualTo(background.getMaximumPoolSize());

            Timed news = timedCommand("good Signed Globex");
            assertThat(news.took()).isLessThan(SLACK_LIMIT);
            assertThat(SlackRequests.text(news.response()))
                    .doesNotContain("temporarily unavailable");
            assertThat(TestDatabase.rows("news WHERE kind = 'GOOD'")).isEqualTo(2);
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }
}
