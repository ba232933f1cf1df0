package com.bossreview.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Two pools out of DATABASE_POOL_SIZE, each session with the timeouts of its kind of work. */
@ExtendWith(TestDatabase.class)
class DatabaseTest {

    private static String setting(String name) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT current_setting(:n)")
                                        .bind("n", name)
                                        .mapTo(String.class)
                                        .one());
    }

    @Test
    void requests_get_short_lock_and_statement_timeouts_and_background_work_longer_ones() {
        assertThat(setting("lock_timeout")).isEqualTo("1s");
        assertThat(setting("statement_timeout")).isEqualTo("1500ms");
        assertThat(setting("idle_in_transaction_session_timeout")).isEqualTo("1min");
        assertThat(BackgroundWork.call(() -> setting("lock_timeout"))).isEqualTo("10s");
        assertThat(BackgroundWork.call(() -> setting("statement_timeout"))).isEqualTo("5min");
        // the mark ends with the work
        assertThat(setting("lock_timeout")).isEqualTo("1s");
    }

    @Test
    void the_pool_size_is_shared_two_fifths_to_background_work_with_at_least_two_each() {
        assertThat(Database.Split.of(20)).isEqualTo(new Database.Split(12, 8));
        assertThat(Database.Split.of(4)).isEqualTo(new Database.Split(2, 2));
        assertThat(Database.Split.of(5)).isEqualTo(new Database.Split(3, 2));
        assertThat(Database.Split.of(100)).isEqualTo(new Database.Split(60, 40));
        assertThatThrownBy(() -> Database.Split.of(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
