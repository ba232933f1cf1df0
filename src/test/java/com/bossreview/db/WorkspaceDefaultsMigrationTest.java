package com.bossreview.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.config.DatabaseUrl;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.time.Month;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V25 on a database in use: a manager's prime hours and fiscal-year start that equal bossreview's
 * old column defaults were never chosen, so they follow the workspace from now on; values a manager
 * chose stay theirs.
 */
class WorkspaceDefaultsMigrationTest {
    private static final Instant T = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void default_values_follow_the_workspace_and_chosen_values_stay_the_managers()
            throws Exception {
        DatabaseUrl url = MigrationsTest.freshDatabase();
        try (Database db = Database.connect(url, new SimpleMeterRegistry(), 4)) {
            Flyway.configure()
                    .dataSource(db.dataSource())
                    .locations("classpath:db/migration")
                    .target("21")
                    .load()
                    .migrate();
            db.jdbi()
                    .useHandle(
                            h -> {
                                h.execute(
                                        "INSERT INTO manager (team_id, user_id, created_at) VALUES ('T1', 'U1', ?)",
                                        T);
                                h.execute(
                                        "INSERT INTO manager (team_id, user_id, prime_hours, fiscal_start_month,"
                                                + " created_at) VALUES ('T1', 'U2', '08:00-12:00', 4, ?)",
                                        T);
                            });

            assertThat(db.migrate().success).isTrue();

            db.jdbi()
                    .useHandle(
                            h -> {
                                assertThat(
                                                h.createQuery(
                                                                "SELECT user_id || ' ' || coalesce(prime_hours, 'workspace') || ' '"
                                                                        + " || coalesce(fiscal_start_month::text, 'workspace')"
                                                                        + " FROM manager ORDER BY user_id")
                                                        .mapTo(String.class)
                                                        .list())
                                        .containsExactly(
                                                "U1 workspace workspace", "U2 08:00-12:00 4");
                                h.execute(
                                        "INSERT INTO workspace_defaults (team_id, default_prime_hours,"
                                                + " default_fiscal_start_month, defaults_set_by, defaults_set_at)"
                                                + " VALUES ('T1', '07:00-11:00', 2, 'UADMIN', ?)",
                                        T);
                                ManagerDao managers = h.attach(ManagerDao.class);
                                Manager follows = managers.find("T1", "U1").orElseThrow();
                                assertThat(follows.primeHours().toString())
                                        .isEqualTo("07:00-11:00");
                                assertThat(follows.fiscalStartMonth()).isEqualTo(Month.FEBRUARY);
                                Manager own = managers.find("T1", "U2").orElseThrow();
                                assertThat(own.primeHours().toString()).isEqualTo("08:00-12:00");
                                assertThat(own.fiscalStartMonth()).isEqualTo(Month.APRIL);
                            });
        }
    }
}
