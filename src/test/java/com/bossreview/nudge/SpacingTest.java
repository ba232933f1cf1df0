package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SpacingTest {
    private static final Instant CLAIM = Instant.parse("2026-11-30T09:00:00Z");
    private static final Duration GAP = Duration.ofMillis(100);

    @Test
    void slotsThatPassedWhileTheClaimWasCheckedAreShiftedNotBunched() {
        Spacing spacing = new Spacing();
        Instant now = CLAIM.plusMillis(300); // the claim took 300 ms to check
        // Four burst slots (before the claim) go at once.
        for (int i = 4; i >= 1; i--) {
            assertThat(spacing.startAt("T1", CLAIM.minusMillis(100 * i), GAP, CLAIM, now))
                    .isEqualTo(now);
        }
        // Slots at +105, +210, +315 ms passed or are due: each a gap after the one before.
        assertThat(spacing.startAt("T1", CLAIM.plusMillis(105), GAP, CLAIM, now))
                .isEqualTo(now.plusMillis(100));
        assertThat(spacing.startAt("T1", CLAIM.plusMillis(210), GAP, CLAIM, now))
                .isEqualTo(now.plusMillis(200));
        assertThat(spacing.startAt("T1", CLAIM.plusMillis(315), GAP, CLAIM, now))
                .isEqualTo(now.plusMillis(300));
        // A slot well after the shifted ones keeps its own time.
        assertThat(spacing.startAt("T1", CLAIM.plusMillis(900), GAP, CLAIM, now))
                .isEqualTo(CLAIM.plusMillis(900));
    }

    @Test
    void workspacesAreSpacedEachOnTheirOwn() {
        Spacing spacing = new Spacing();
        Instant now = CLAIM.plusMillis(50);
        assertThat(spacing.startAt("T1", CLAIM.plusMillis(60), GAP, CLAIM, now))
                .isEqualTo(CLAIM.plusMillis(60));
        assertThat(spacing.startAt("T2", CLAIM.plusMillis(60), GAP, CLAIM, now))
                .isEqualTo(CLAIM.plusMillis(60));
        assertThat(spacing.startAt("T1", CLAIM.plusMillis(70), GAP, CLAIM, now))
                .isEqualTo(CLAIM.plusMillis(160));
    }

    @Test
    void aWorkspaceQuietForLongIsForgotten() {
        Spacing spacing = new Spacing();
        spacing.startAt("T1", CLAIM.plusSeconds(1), GAP, CLAIM, CLAIM);
        spacing.forget(CLAIM.plus(Spacing.FORGET_AFTER));
        assertThat(spacing.size()).isEqualTo(1);
        spacing.forget(CLAIM.plusSeconds(1).plus(Spacing.FORGET_AFTER).plusMillis(1));
        assertThat(spacing.size()).isZero();
    }

    @Test
    void aClockThatMovedBackDoesNotHoldTheNextRowsUntilThePreviousTime() {
        Spacing spacing = new Spacing();
        Instant later = CLAIM.plus(Duration.ofDays(2));
        spacing.startAt("T1", later.plusMillis(10), GAP, later, later);
        // The clock is set back two days: the next claim's second row goes at its own slot, not
        // a gap after a start two days ahead.
        spacing.forget(CLAIM);
        assertThat(spacing.startAt("T1", CLAIM.plusMillis(60), GAP, CLAIM, CLAIM))
                .isEqualTo(CLAIM.plusMillis(60));
        // A start within what a pace reaches ahead is kept.
        spacing.forget(CLAIM.minus(Pace.MAX_AHEAD).plusSeconds(1));
        assertThat(spacing.size()).isEqualTo(1);
    }
}
