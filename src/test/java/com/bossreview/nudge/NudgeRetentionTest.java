package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.MutableClock;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The nudge history is kept BOSSREVIEW_NUDGE_RETENTION_DAYS, and nothing still to send is lost. */
@ExtendWith(TestDatabase.class)
class NudgeRetentionTest {
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void finished_rows_past_the_retention_go_in_batches_pending_and_claimed_ones_stay() {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    "INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, created_at) "
                                            + "VALUES ('T1', 'U1', 'UB', 'UTC', ?)",
                                    NOW);
                            // 25,000 finished rows, one a day back for the old ones…
                            h.execute(
                                    """
                                    INSERT INTO nudge (team_id, user_id, kind, period, due_at, state)
                                    SELECT 'T1', 'U1', 'BOOK_REVIEW', 'old-' || g, CAST(? AS timestamptz) - g * interval '1 minute',
                                           (ARRAY['SENT', 'SKIPPED', 'FAILED'])[1 + g % 3]
                                    FROM generate_series(1, 25000) g""",
                                    NOW.minus(Duration.ofDays(91)));
                            // …finished ones inside the period, and old ones not finished.
                            h.execute(
                                    """
                                    INSERT INTO nudge (team_id, user_id, kind, period, due_at, state)
                                    VALUES ('T1', 'U1', 'BOOK_REVIEW', 'recent', ?, 'SENT'),
                                           ('T1', 'U1', 'BOOK_REVIEW', 'old-pending', ?, 'PENDING'),
                                           ('T1', 'U1', 'BOOK_REVIEW', 'old-claimed', ?, 'CLAIMED')""",
                                    NOW.minus(Duration.ofDays(89)),
                                    NOW.minus(Duration.ofDays(200)),
                                    NOW.minus(Duration.ofDays(200)));
                        });
        NudgeRetention retention =
                new NudgeRetention(TestDatabase.database().jdbi(), new MutableClock(NOW), 90);

        assertThat(retention.purge()).isEqualTo(25_000);
        assertThat(TestDatabase.rows("nudge")).isEqualTo(3);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE period IN ('recent', 'old-pending', 'old-claimed')"))
                .isEqualTo(3);
        assertThat(retention.purge()).isZero();
    }
}
