package com.bossreview.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.DatabaseUrl;
import com.bossreview.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V10 on a database that was in use: earlier acknowledgements and bosses already written to carry
 * over.
 */
class BossRepliesMigrationTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void old_acknowledgements_become_lets_talk_and_bosses_already_written_to_get_no_introduction()
            throws Exception {
        DatabaseUrl url = freshDatabase();
        try (Database db = Database.connect(url, new SimpleMeterRegistry(), 4)) {
            Flyway.configure()
                    .dataSource(db.dataSource())
                    .locations("classpath:db/migration")
                    .target("7")
                    .load()
                    .migrate();
            db.jdbi()
                    .useHandle(
                            h -> {
                                h.execute(
                                        "INSERT INTO manager (team_id, user_id, boss_user_id, created_at) VALUES "
                                                + "('T1', 'U1', 'B1', ?), ('T1', 'U2', 'B1', ?), ('T1', 'U3', 'B3', ?), ('T2', 'U1', 'B1', ?)",
                                        T,
                                        T,
                                        T,
                                        T);
                                h.execute(
                                        "INSERT INTO news (team_id, user_id, kind, body, logged_at, shared_at, shared_with, acknowledged_at) "
                                                + "VALUES ('T1', 'U1', 'BAD', 'acked', ?, ?, 'B1', ?)",
                                        T,
                                        T.plusSeconds(60),
                                        T.plusSeconds(120));
                                h.execute(
                                        "INSERT INTO news (team_id, user_id, kind, body, logged_at, shared_at, shared_with) "
                                                + "VALUES ('T1', 'U1', 'GOOD', 'shared, unanswered', ?, ?, 'B1')",
                                        T,
                                        T.plusSeconds(30));
                                h.execute(
                                        "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, recorded_at, shared_at, "
                                                + "shared_with) VALUES ('T1', 'U2', 2026, 4, 1000, ?, ?, 'B1')",
                                        T,
                                        T.plusSeconds(10));
                                h.execute(
                                        "INSERT INTO agenda_sent (team_id, user_id, sent_at, sent_to, body) VALUES ('T2', 'U1', ?, 'B1', 'a')",
                                        T);
                                h.execute(
                                        "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES ('T1', 'U3', 'GOOD', 'unshared', ?)",
                                        T);
                            });

            assertThat(db.migrate().success).isTrue();

            db.jdbi()
                    .useHandle(
                            h -> {
                                assertThat(
                                                h.createQuery(
                                                                "SELECT n.body || ' ' || r.reply || ' ' || r.boss_user_id || ' ' || r.user_id "
                                                                        + "|| ' ' || (r.answered_at = :at) FROM boss_reply r JOIN news n ON n.id = r.news_id")
                                                        .bind("at", T.plusSeconds(120))
                                                        .mapTo(String.class)
                                                        .list())
                                        .containsExactly("acked LETS_TALK B1 U1 true");
                                assertThat(
                                                h.createQuery(
                                                                "SELECT team_id || ' ' || boss_user_id || ' ' || user_id FROM boss_intro "
                                                                        + "ORDER BY team_id")
                                                        .mapTo(String.class)
                                                        .list())
                                        .as(
                                                "B1 first heard from U2's forecast in T1, and from U1's agenda in T2; B3 never got a DM")
                                        .containsExactly("T1 B1 U2", "T2 B1 U1");
                            });
        }
    }

    private static DatabaseUrl freshDatabase() throws Exception {
        String name = "boss_replies_" + System.nanoTime();
        try (Connection c = TestDatabase.database().dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        DatabaseUrl url = TestDatabase.url();
        return new DatabaseUrl(
                url.jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name),
                url.user(),
                url.password());
    }
}
