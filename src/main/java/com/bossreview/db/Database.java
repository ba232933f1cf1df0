package com.bossreview.db;

import com.bossreview.config.DatabaseUrl;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The connection pools, the schema migrations and Jdbi: everything that touches PostgreSQL starts
 * here.
 *
 * <p>Two pools share {@code DATABASE_POOL_SIZE}. The <b>request</b> pool answers Slack: a statement
 * that waits for a row lock gives up after {@link Timeouts#REQUESTS}' second, so a command whose
 * row another transaction holds is answered "try again" well inside Slack's 3 seconds instead of
 * not at all. The <b>background</b> pool serves Quartz, the nudge dispatcher and bulk deletes
 * ({@link BackgroundWork}) with longer timeouts; however busy it is, it cannot take a connection
 * from the requests.
 */
public final class Database implements AutoCloseable {
    /**
     * Short, so that a vanished database turns into a clear "try again" well inside Slack's 3
     * seconds.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1500);

    /** Background work can wait for a connection; it has no one waiting on a 3-second clock. */
    static final Duration BACKGROUND_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    /** The smallest {@code DATABASE_POOL_SIZE}: two connections for each pool. */
    public static final int MIN_POOL_SIZE = 4;

    /**
     * Per-session limits, set on every new connection of a pool. {@code
     * idle_in_transaction_session_timeout} ends a session that left a transaction open (and with it
     * its row locks) after a bug or a hung thread.
     */
    public record Timeouts(Duration lock, Duration statement, Duration idleInTransaction) {
        /**
         * Connection wait (1.5 s) plus one lock wait (1 s) stays under Slack's 3 s; a statement of
         * a request that runs 1.5 s is a bug, not a load to wait for.
         */
        public static final Timeouts REQUESTS =
                new Timeouts(
                        Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(60));

        /**
         * Planning, purges and claims may take a while; they still must not wait forever for a
         * lock.
         */
        public static final Timeouts BACKGROUND =
                new Timeouts(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60));

        String initSql() {
            return "SET lock_timeout = "
                    + lock.toMillis()
                    + "; SET statement_timeout = "
                    + statement.toMillis()
                    + "; SET idle_in_transaction_session_timeout = "
                    + idleInTransaction.toMillis();
        }
    }

    /**
     * How {@code DATABASE_POOL_SIZE} connections are shared: two fifths (at least two) for
     * background work.
     */
    public record Split(int requests, int background) {
        public static Split of(int total) {
            if (total < MIN_POOL_SIZE) {
                throw new IllegalArgumentException(
                        "a pool of " + total + " cannot be split; at least " + MIN_POOL_SIZE);
            }
            int background = Math.max(2, total * 2 / 5);
            return new Split(total - background, background);
        }
    }

    private final DatabaseUrl url;
    private final HikariDataSource requests;
    private final HikariDataSource background;
    private final DataSource routed;
    private final Jdbi jdbi;

    private Database(DatabaseUrl url, HikariDataSource requests, HikariDataSource background) {
        this.url = url;
        this.requests = requests;
        this.background = background;
        this.routed = new Routed(requests, background);
        this.jdbi = jdbiOver(routed);
    }

    /**
     * Jdbi as the app configures it, over {@code dataSource}: {@link #jdbi()}'s, or a test's over a
     * wrapped pool.
     */
    public static Jdbi jdbiOver(DataSource dataSource) {
        Jdbi jdbi =
                Jdbi.create(dataSource)
                        .installPlugin(new SqlObjectPlugin())
                        .installPlugin(new PostgresPlugin());
        // Privacy: an exception message (and so a log line) names the statement's problem, never
        // its
        // bound values, which can be what a manager wrote about their boss.
        jdbi.getConfig(StatementExceptions.class)
                .setMessageRendering(StatementExceptions.MessageRendering.NONE);
        return jdbi;
    }

    /**
     * @param poolSize {@code DATABASE_POOL_SIZE}, shared by the two pools as {@link Split} says
     */
    public static Database connect(DatabaseUrl url, MeterRegistry registry, int poolSize) {
        Split split = Split.of(poolSize);
        // The request pool keeps the name the metrics have always had ("bossreview").
        HikariDataSource requests =
                pool(
                        url,
                        registry,
                        "bossreview",
                        split.requests(),
                        CONNECTION_TIMEOUT,
                        Timeouts.REQUESTS);
        try {
            return new Database(
                    url,
                    requests,
                    pool(
                            url,
                            registry,
                            "bossreview-background",
                            split.background(),
                            BACKGROUND_CONNECTION_TIMEOUT,
                            Timeouts.BACKGROUND));
        } catch (RuntimeException e) {
            requests.close();
            throw e;
        }
    }

    private static HikariDataSource pool(
            DatabaseUrl url,
            MeterRegistry registry,
            String name,
            int size,
            Duration connectionTimeout,
            Timeouts timeouts) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(name);
        hikari.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(hikari::setUsername);
        url.password().ifPresent(p -> hikari.setPassword(p.reveal()));
        hikari.setMaximumPoolSize(size);
        hikari.setConnectionTimeout(connectionTimeout.toMillis());
        hikari.setValidationTimeout(1000);
        // SET rather than the driver's "options" parameter, which an options= in DATABASE_URL would
        // replace.
        hikari.setConnectionInitSql(timeouts.initSql());
        // Fail at start-up, not at the first Slack request, when the database is unreachable.
        hikari.setInitializationFailTimeout(10_000);
        // Same reason: PostgreSQL's error detail ("Failing row contains (…)") would carry the row's
        // text.
        hikari.addDataSourceProperty("logServerErrorDetail", "false");
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return new HikariDataSource(hikari);
    }

    /**
     * Applies pending Flyway migrations; a no-op when the schema is current. On a connection of its
     * own, without the pools' timeouts: building an index on a big table may rightly take minutes.
     */
    public MigrateResult migrate() {
        return Flyway.configure()
                .dataSource(
                        url.jdbcUrl(),
                        url.user().orElse(null),
                        url.password().map(p -> p.reveal()).orElse(null))
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /**
     * Connections from the request pool, or from the background pool for {@link BackgroundWork}.
     */
    public DataSource dataSource() {
        return routed;
    }

    /** The pool of background work, for Quartz's job store (whose threads are its own). */
    public HikariDataSource backgroundPool() {
        return background;
    }

    /** The pool that answers Slack's requests. */
    public HikariDataSource requestPool() {
        return requests;
    }

    /** Jdbi over {@link #dataSource()}. */
    public Jdbi jdbi() {
        return jdbi;
    }

    /** True when a connection answers a trivial query within about a second and a half. */
    public boolean isReachable() {
        try (Connection c = requests.getConnection();
                Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            background.close();
        } finally {
            requests.close();
        }
    }

    /** Picks the pool by the kind of work the calling thread does. */
    private record Routed(HikariDataSource requests, HikariDataSource background)
            implements DataSource {
        private DataSource current() {
            return BackgroundWork.isCurrentThread() ? background : requests;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return current().getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return current().getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return requests.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            requests.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            requests.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return requests.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
