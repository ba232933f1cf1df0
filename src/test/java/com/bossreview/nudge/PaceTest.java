package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pace's arithmetic: slots, bursts, horizons and the rate's fall and climb. */
class PaceTest {
    static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    static final Pace.Config TEN =
            new Pace.Config(10, Duration.ofSeconds(1), Duration.ofSeconds(1));

    private static PaceDao.Row row(Instant nextSlot, double rate, Instant limitedAt) {
        return new PaceDao.Row("T1", nextSlot, rate, limitedAt);
    }

    @Test
    void a_quiet_workspace_gets_a_burst_now_then_a_slot_every_tenth_of_a_second_and_a_bit() {
        Pace.Grant g = Pace.grant(row(Pace.firstSlot(NOW, TEN), 10, null), 100, NOW, TEN);
        // Slots 1/9.5 s apart (5 % headroom): nine at once (a burst one short of ten), the rest
        // up to a second ahead.
        long spacing = Math.round(1e9 / 9.5);
        assertThat(g.count()).isEqualTo(18);
        assertThat(g.slot(0)).isEqualTo(NOW.minusSeconds(1).plusNanos(spacing));
        assertThat(g.slot(8)).isBefore(NOW);
        assertThat(g.slot(9)).isAfter(NOW);
        assertThat(g.slot(17)).isBeforeOrEqualTo(NOW.plusSeconds(1));
        assertThat(Duration.between(g.slot(9), g.slot(10)).toNanos())
                .isBetween(spacing - 1, spacing + 1);
        assertThat(g.nextSlot(18))
                .isBetween(NOW.plusSeconds(1).minusNanos(2), NOW.plusSeconds(1).plusNanos(2));
    }

    @Test
    void a_busy_workspace_gets_only_the_slots_up_to_the_horizon() {
        Pace.Grant g = Pace.grant(row(NOW.plusMillis(500), 10, null), 100, NOW, TEN);
        assertThat(g.count()).isEqualTo(4); // 0.5 s × 9.5/s
        assertThat(g.first()).isEqualTo(NOW.plusMillis(500));
        assertThat(Pace.grant(row(NOW.plusSeconds(30), 10, null), 100, NOW, TEN).count())
                .as("Slack said wait 30 s")
                .isZero();
    }

    @Test
    void never_more_than_is_due() {
        assertThat(Pace.grant(row(NOW, 10, null), 3, NOW, TEN).count()).isEqualTo(3);
    }

    @Test
    void a_rate_lowered_by_429s_climbs_back_after_a_quiet_spell_never_above_the_configured_one() {
        Instant recently = NOW.minusSeconds(5);
        assertThat(Pace.rate(row(NOW, 4.9, recently), NOW, TEN)).isEqualTo(4.9);
        assertThat(Pace.rate(row(NOW, 4.9, NOW.minus(Pace.QUIET).minusSeconds(1)), NOW, TEN))
                .isEqualTo(5.9);
        assertThat(Pace.rate(row(NOW, 9.5, null), NOW, TEN)).isEqualTo(10);
        // An operator lowered BOSSREVIEW_SLACK_RATE: the stored rate follows at once.
        assertThat(Pace.rate(row(NOW, 50, null), NOW, TEN)).isEqualTo(10);
    }

    @Test
    void a_next_slot_hours_ahead_is_a_clock_that_moved_back_and_starts_again() {
        Pace.Grant g =
                Pace.grant(row(NOW.plus(Pace.MAX_AHEAD).plusSeconds(1), 10, null), 5, NOW, TEN);
        assertThat(g.first()).isEqualTo(NOW);
        assertThat(g.count()).isEqualTo(5);
    }

    @Test
    void the_config_refuses_a_rate_or_horizon_that_cannot_pace() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Pace.Config(0, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Pace.Config(10, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
