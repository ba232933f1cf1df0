package com.bossreview.db;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseTest {

    @Test
    void data_survives_a_restart_of_the_embedded_database(@TempDir Path dataDir) {
        try (EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir);
             Database db = Database.connect(pg.url(), new SimpleMeterRegistry(), 4)) {
            assertThat(db.migrate().migrationsExecuted).isGreaterThanOrEqualTo(1);
            db.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE kept (note text)");
                h.execute("INSERT INTO kept VALUES ('weekly review booked')");
            });
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();

        try (EmbeddedDatabase pg = EmbeddedDatabase.start(dataDir);
             Database db = Database.connect(pg.url(), new SimpleMeterRegistry(), 4)) {
            assertThat(db.migrate().migrationsExecuted).isZero();
            String note = db.jdbi().withHandle(h -> h.createQuery("SELECT note FROM kept").mapTo(String.class).one());
            assertThat(note).isEqualTo("weekly review booked");
        }
    }
}
