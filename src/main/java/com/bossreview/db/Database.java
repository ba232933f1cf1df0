package com.bossreview.db;

import com.bossreview.config.DatabaseUrl;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/** The connection pool, the schema migrations and Jdbi: everything that touches PostgreSQL starts here. */
public final class Database implements AutoCloseable {
    /** Short, so that a vanished database turns into a clear "try again" well inside Slack's 3 seconds. */
    static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1500);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        // Privacy: an exception message (and so a log line) names the statement's problem, never its
        // bound values, which can be what a manager wrote about their boss.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(StatementExceptions.MessageRendering.NONE);
    }

    public static Database connect(DatabaseUrl url, MeterRegistry registry, int poolSize) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("bossreview");
        hikari.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(hikari::setUsername);
        url.password().ifPresent(p -> hikari.setPassword(p.reveal()));
        hikari.setMaximumPoolSize(poolSize);
        hikari.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        hikari.setValidationTimeout(1000);
        // Fail at start-up, not at the first Slack request, when the database is unreachable.
        hikari.setInitializationFailTimeout(10_000);
        // Same reason: PostgreSQL's error detail ("Failing row contains (…)") would carry the row's text.
        hikari.addDataSourceProperty("logServerErrorDetail", "false");
        hikari.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
        return new Database(new HikariDataSource(hikari));
    }

    /** Applies pending Flyway migrations; a no-op when the schema is current. */
    public MigrateResult migrate() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /** True when a connection answers a trivial query within about a second and a half. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            s.execute("SELECT 1");
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
