package com.bossreview.support;

import com.bossreview.config.DatabaseUrl;
import com.bossreview.db.Database;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated PostgreSQL for tests: one embedded server per test JVM, or, when {@code
 * BOSSREVIEW_TEST_DATABASE_URL} names a server (a JDBC or postgres:// URL of a database we may
 * create databases from), a fresh database on it for this run. Every table is emptied before each
 * test, but Quartz's cluster bookkeeping: schedulers of running test apps must not see themselves
 * vanish.
 */
public final class TestDatabase implements BeforeEachCallback {
    private static DatabaseUrl url;
    private static Database database;

    public static synchronized DatabaseUrl url() {
        if (url == null) {
            String external = System.getenv("BOSSREVIEW_TEST_DATABASE_URL");
            url =
                    external == null || external.isBlank()
                            ? embedded()
                            : freshDatabaseOn(DatabaseUrl.parse(external));
        }
        return url;
    }

    /**
     * The test database as a self-contained JDBC URL, the way a user would put it in {@code
     * DATABASE_URL}.
     */
    public static String jdbcUrlForEnv() {
        DatabaseUrl u = url();
        StringBuilder jdbc = new StringBuilder(u.jdbcUrl());
        u.user()
                .filter(user -> !u.jdbcUrl().contains("user="))
                .ifPresent(
                        user ->
                                jdbc.append(u.jdbcUrl().contains("?") ? '&' : '?')
                                        .append("user=")
                                        .append(user));
        u.password()
                .ifPresent(
                        p ->
                                jdbc.append(jdbc.indexOf("?") >= 0 ? '&' : '?')
                                        .append("password=")
                                        .append(
                                                java.net.URLEncoder.encode(
                                                        p.reveal(),
                                                        java.nio.charset.StandardCharsets.UTF_8)));
        return jdbc.toString();
    }

    /** A pool on the test database, migrated once per JVM. */
    public static synchronized Database database() {
        if (database == null) {
            database = Database.connect(url(), new SimpleMeterRegistry(), 6);
            database.migrate();
        }
        return database;
    }

    /**
     * {@code SELECT count(*)} of a query's rows, e.g. {@code rows("news WHERE user_id = 'U1'")}.
     */
    public static int rows(String tableAndWhere) {
        return database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT count(*) FROM " + tableAndWhere)
                                        .mapTo(Integer.class)
                                        .one());
    }

    @Override
    public void beforeEach(ExtensionContext context) throws SQLException {
        truncateAll();
    }

    /**
     * Empties every table. Work the previous test started after an ack may still be writing; when
     * PostgreSQL picks the TRUNCATE as a deadlock victim, it is simply tried again.
     */
    public static void truncateAll() throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                truncateOnce();
                return;
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    /** On the background pool: a TRUNCATE may wait for a lock longer than a Slack request could. */
    private static void truncateOnce() throws SQLException {
        try (Connection c = database().backgroundPool().getConnection();
                Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (var rs =
                    s.executeQuery(
                            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                    + "AND tablename NOT IN ('flyway_schema_history', 'qrtz_scheduler_state', 'qrtz_locks')")) {
                while (rs.next()) {
                    tables.add('"' + rs.getString(1) + '"');
                }
            }
            if (!tables.isEmpty()) {
                s.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            }
        }
    }

    private static DatabaseUrl embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime()
                    .addShutdownHook(
                            new Thread(
                                    () -> {
                                        try {
                                            pg.close();
                                        } catch (IOException ignored) {
                                            // the JVM is going away
                                        }
                                    }));
            return new DatabaseUrl(
                    pg.getJdbcUrl("postgres", "postgres"),
                    Optional.of("postgres"),
                    Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL for tests", e);
        }
    }

    private static DatabaseUrl freshDatabaseOn(DatabaseUrl server) {
        String name =
                "bossreview_test_"
                        + ProcessHandle.current().pid()
                        + "_"
                        + System.currentTimeMillis();
        try (Connection c =
                        DriverManager.getConnection(
                                server.jdbcUrl(),
                                server.user().orElse(null),
                                server.password().map(p -> p.reveal()).orElse(null));
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "BOSSREVIEW_TEST_DATABASE_URL: could not create a test database: "
                            + e.getMessage(),
                    e);
        }
        String jdbc = server.jdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new DatabaseUrl(jdbc, server.user(), server.password());
    }
}
