package com.bossreview.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.DatabaseUrl;
import com.bossreview.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    @Test
    void migrations_apply_on_an_empty_database_and_are_a_no_op_the_second_time() throws Exception {
        DatabaseUrl empty = freshDatabase();
        try (Database db = Database.connect(empty, new SimpleMeterRegistry(), 4)) {
            MigrateResult first = db.migrate();
            assertThat(first.migrationsExecuted).isGreaterThanOrEqualTo(1);
            assertThat(first.success).isTrue();
            List<String> tables =
                    db.jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery(
                                                            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
                                                    .mapTo(String.class)
                                                    .list());
            assertThat(tables)
                    .contains(
                            "qrtz_job_details",
                            "qrtz_triggers",
                            "qrtz_locks",
                            "qrtz_scheduler_state",
                            "flyway_schema_history");
        }
        try (Database again = Database.connect(empty, new SimpleMeterRegistry(), 4)) {
            MigrateResult second = again.migrate();
            assertThat(second.migrationsExecuted).isZero();
            assertThat(second.success).isTrue();
        }
    }

    /** A brand-new database on the test server, so that this test sees a truly empty schema. */
    static DatabaseUrl freshDatabase() throws Exception {
        String name = "migrations_" + System.nanoTime();
        // Not on the request pool: CREATE DATABASE on a busy box can take longer than a request's
        // statement timeout.
        try (Connection c = TestDatabase.database().backgroundPool().getConnection();
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
