package com.bossreview.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    private static String show(Database db, String setting) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SHOW " + setting).mapTo(String.class).one());
    }

    private static Connection connect(EmbeddedDatabase pg, String password) throws SQLException {
        return DriverManager.getConnection(pg.url().jdbcUrl(), "postgres", password);
    }

    private static String password(Path dataDir) throws Exception {
        return Files.readString(
                        dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE), StandardCharsets.UTF_8)
                .strip();
    }

    @Test
    void data_survives_a_restart_of_the_embedded_database(@TempDir Path dataDir) {
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir);
                Database db = Database.connect(pg.url(), new SimpleMeterRegistry(), 4)) {
            assertThat(db.migrate().migrationsExecuted).isGreaterThanOrEqualTo(1);
            db.jdbi()
                    .useHandle(
                            h -> {
                                h.execute("CREATE TABLE kept (note text)");
                                h.execute("INSERT INTO kept VALUES ('weekly review booked')");
                            });
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir);
                Database db = Database.connect(pg.url(), new SimpleMeterRegistry(), 4)) {
            assertThat(db.migrate().migrationsExecuted).isZero();
            String note =
                    db.jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery("SELECT note FROM kept")
                                                    .mapTo(String.class)
                                                    .one());
            assertThat(note).isEqualTo("weekly review booked");
        }
    }

    @Test
    void connections_need_the_generated_password_and_commits_are_durable(@TempDir Path dataDir)
            throws Exception {
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir)) {
            Path file = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(password(dataDir)).hasSizeGreaterThanOrEqualTo(43);

            assertThatThrownBy(() -> connect(pg, null).close()).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(pg, "postgres").close())
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            try (Connection c = connect(pg, password(dataDir))) {
                assertThat(c.isValid(1)).isTrue();
            }
            assertThat(
                            Files.readString(dataDir.resolve("postgres/pg_hba.conf"))
                                    .lines()
                                    .filter(l -> !l.isBlank() && !l.startsWith("#")))
                    .isNotEmpty()
                    .noneMatch(l -> l.contains("trust"));

            try (Database db = Database.connect(pg.url(), new SimpleMeterRegistry(), 4)) {
                assertThat(show(db, "synchronous_commit")).isEqualTo("on");
                assertThat(show(db, "fsync")).isEqualTo("on");
                assertThat(show(db, "server_version")).startsWith("17.11");
            }
        }
    }

    @Test
    void
            a_data_directory_of_an_older_version_that_trusted_every_local_user_gets_the_password_and_keeps_its_data(
                    @TempDir Path dataDir) throws Exception {
        // What earlier versions made: the library's defaults, trust for everyone, no password file.
        try (EmbeddedPostgres old =
                        EmbeddedPostgres.builder()
                                .setDataDirectory(dataDir.resolve("postgres"))
                                .setCleanDataDirectory(false)
                                .start();
                Connection c = old.getPostgresDatabase().getConnection()) {
            c.createStatement()
                    .execute(
                            "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('forecast 250k')");
        }
        assertThat(EmbeddedDatabase.trusts(dataDir.resolve("postgres/pg_hba.conf"))).isTrue();

        for (int start = 1; start <= 2; start++) {
            try (EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir);
                    Database db = Database.connect(pg.url(), new SimpleMeterRegistry(), 4)) {
                assertThatThrownBy(() -> connect(pg, null).close())
                        .as("start " + start)
                        .isInstanceOf(SQLException.class);
                String note =
                        db.jdbi()
                                .withHandle(
                                        h ->
                                                h.createQuery("SELECT note FROM kept")
                                                        .mapTo(String.class)
                                                        .one());
                assertThat(note).isEqualTo("forecast 250k");
                assertThat(show(db, "synchronous_commit")).isEqualTo("on");
            }
            assertThat(EmbeddedDatabase.trusts(dataDir.resolve("postgres/pg_hba.conf"))).isFalse();
        }
    }

    @Test
    void a_lost_password_file_is_named_instead_of_a_timeout(@TempDir Path dataDir)
            throws Exception {
        EmbeddedDatabase.start(dataDir).close();
        Files.delete(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE));
        assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("postgres-password")
                .hasMessageContaining("missing");
    }
}
