package com.bossreview.nudge;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a lane starts each claimed row. A claim's slots are computed when its transaction starts;
 * checking a large claim takes a few hundred milliseconds on a busy box, and the slots that passed
 * meanwhile would go out at once on top of the workspace's burst, which a bucket-shaped limit
 * answers with 429. So: a burst slot (one before the claim) starts now, and any later one at its
 * slot but not sooner than a gap after the workspace's previous start here. A late claim shifts its
 * sends instead of bunching them. Pure bookkeeping, one entry per workspace sending lately.
 */
final class Spacing {
    /** A workspace that has not started a send for this long is forgotten. */
    static final Duration FORGET_AFTER = Duration.ofSeconds(10);

    private final Map<String, Instant> lastStart = new ConcurrentHashMap<>();

    /**
     * @param slot the row's slot from its workspace's pace
     * @param gap the least time between two of the workspace's sends
     * @param claimedAt when the claim that took the slot started
     * @param now now
     */
    Instant startAt(String team, Instant slot, Duration gap, Instant claimedAt, Instant now) {
        if (!slot.isAfter(claimedAt)) {
            lastStart.merge(team, now, (a, b) -> a.isAfter(b) ? a : b);
            return now;
        }
        return lastStart.merge(
                team,
                slot,
                (last, mine) -> {
                    Instant spaced = last.plus(gap);
                    return spaced.isAfter(mine) ? spaced : mine;
                });
    }

    /**
     * Drops the workspaces whose last start is long past, and those whose last start is further
     * ahead than a pace ever reaches ({@link Pace#MAX_AHEAD}): the clock moved back, and spacing
     * after a time that will not come for hours would hold the workspace's next rows that long.
     */
    void forget(Instant now) {
        Instant past = now.minus(FORGET_AFTER);
        Instant ahead = now.plus(Pace.MAX_AHEAD);
        lastStart.values().removeIf(t -> t.isBefore(past) || t.isAfter(ahead));
    }

    int size() {
        return lastStart.size();
    }
}
