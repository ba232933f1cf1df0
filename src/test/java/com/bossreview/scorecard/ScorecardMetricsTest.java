package com.bossreview.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.MutableClock;
import com.bossreview.support.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The workspace-wide gauges, read from the real tables. */
@ExtendWith(TestDatabase.class)
class ScorecardMetricsTest {
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void the_gauges_add_up_every_workspace_without_naming_any() {
        Jdbi jdbi = TestDatabase.database().jdbi();
        jdbi.useHandle(
                h -> {
                    for (String team : new String[] {"T1", "T2"}) {
                        h.execute(
                                "INSERT INTO manager (team_id, user_id, created_at) VALUES (?, 'U1', ?)",
                                team,
                                NOW);
                    }
                    // Told after 10 min, 30 min, 2 h (two workspaces); one untold, one good news.
                    h.execute(
                            """
                            INSERT INTO news (team_id, user_id, kind, body, logged_at, shared_at, told_how) VALUES
                              ('T1', 'U1', 'BAD', 'a', '2026-11-02T10:00Z', '2026-11-02T10:10Z', 'DM'),
                              ('T1', 'U1', 'BAD', 'b', '2026-11-03T10:00Z', '2026-11-03T10:30Z', 'OUTSIDE'),
                              ('T2', 'U1', 'BAD', 'c', '2026-11-04T10:00Z', '2026-11-04T12:00Z', 'DM'),
                              ('T2', 'U1', 'BAD', 'd', '2026-11-05T10:00Z', NULL, NULL),
                              ('T2', 'U1', 'GOOD', 'e', '2026-11-05T10:00Z', '2026-11-09T10:00Z', 'DM')""");
                    // Weeks 46–48 of 2026 (before this week, W49): 2 held, 1 skipped, 1 booked.
                    h.execute(
                            """
                            INSERT INTO weekly_review (team_id, user_id, iso_year, iso_week, state, updated_at) VALUES
                              ('T1', 'U1', 2026, 46, 'HELD', '2026-11-13T10:00Z'),
                              ('T1', 'U1', 2026, 47, 'SKIPPED', '2026-11-20T10:00Z'),
                              ('T2', 'U1', 2026, 47, 'HELD', '2026-11-20T10:00Z'),
                              ('T2', 'U1', 2026, 48, 'BOOKED', '2026-11-23T10:00Z'),
                              ('T2', 'U1', 2026, 49, 'HELD', '2026-12-01T10:00Z')""");
                });
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ScorecardMetrics metrics = new ScorecardMetrics(jdbi, new MutableClock(NOW), registry);
        ScorecardMetrics.Reading r = metrics.read(NOW);
        assertThat(r.told()).isEqualTo(3);
        assertThat(r.medianSeconds()).isEqualTo(1800);
        assertThat(r.fastShare()).isEqualTo(2.0 / 3);
        assertThat(r.heldShare()).isEqualTo(2.0 / 4);
        assertThat(registry.get("scorecard.bad.news.told").gauge().value()).isEqualTo(3);
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags()).isEmpty());
    }
}
