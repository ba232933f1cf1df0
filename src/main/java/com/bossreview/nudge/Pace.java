package com.bossreview.nudge;

import java.time.Duration;
import java.time.Instant;

/**
 * Each workspace's DMs at Slack's pace, shared by every instance: a generic cell rate algorithm
 * kept in {@code workspace_pace}. A workspace's DMs take slots {@code 1/rate} apart; a claim takes
 * the free slots up to {@link Config#horizon()} ahead and moves the workspace's {@code next_slot}
 * past them under its row lock, so no two instances hand out the same slot. A quiet workspace may
 * start with a burst ({@link Config#burst()} of slots in the past, sent at once). A 429 moves
 * {@code next_slot} to the end of Slack's {@code Retry-After} and lowers the rate; after {@link
 * #QUIET} without one it climbs back to the configured rate. Pure arithmetic: the SQL is in {@link
 * PaceDao}, the claim in {@link Claimer}.
 */
public final class Pace {
    /** After this long without a 429 a lowered rate climbs back, a tenth of the maximum a claim. */
    static final Duration QUIET = Duration.ofSeconds(15);

    /** A 429 lowers the rate to this fraction, down to {@link #MIN_RATE}. */
    static final double BACK_OFF = 0.85;

    static final double MIN_RATE = 0.5;

    /**
     * Slots are spaced for this share of the rate, and a burst is one DM short of a full second's
     * worth: a limit measured as a token bucket then always has a token to spare, so a send that
     * the network delays into the next one's turn does not draw a 429.
     */
    static final double HEADROOM = 0.95;

    /** A {@code next_slot} further ahead than this is a clock that moved back: start again. */
    static final Duration MAX_AHEAD = Duration.ofHours(2);

    /**
     * @param rate DMs per second per workspace ({@code BOSSREVIEW_SLACK_RATE})
     * @param burst how far behind a quiet workspace's slots may start: {@code burst × rate} DMs at
     *     once
     * @param horizon how far ahead a claim takes slots: rows wait at most this long in memory
     */
    public record Config(double rate, Duration burst, Duration horizon) {
        public Config {
            if (!(rate > 0) || burst.isNegative() || horizon.isNegative() || horizon.isZero()) {
                throw new IllegalArgumentException("a pace needs a positive rate and horizon");
            }
        }

        /**
         * Half a second of burst (a wave across a hundred workspaces starts with hundreds of calls
         * at once, not a thousand: sends held up behind each other arrive bunched and draw 429s),
         * slots taken one second ahead.
         */
        public static Config of(double rate) {
            return new Config(rate, Duration.ofMillis(500), Duration.ofSeconds(1));
        }
    }

    /**
     * {@code count} slots from {@code first}, {@code 1/(rate × HEADROOM)} apart; {@code rate} is
     * the workspace's rate as stored.
     */
    public record Grant(String teamId, Instant first, double rate, int count) {
        public Instant slot(int i) {
            return first.plusNanos(Math.round(i * 1e9 / (rate * HEADROOM)));
        }

        /** Where the workspace's next slot is once {@code taken} of the granted slots were used. */
        public Instant nextSlot(int taken) {
            return slot(taken);
        }
    }

    private Pace() {}

    /** Where a workspace seen for the first time starts: a burst's worth in the past. */
    static Instant firstSlot(Instant now, Config config) {
        return now.minus(config.burst());
    }

    /** The slots a claim at {@code now} may take for a workspace with {@code due} rows due. */
    static Grant grant(PaceDao.Row row, int due, Instant now, Config config) {
        double rate = rate(row, now, config);
        double spacing = rate * HEADROOM;
        // The burst's slots end at now: one a spacing apart, as many as fit the burst, less one.
        long burstNanos = Math.max(0, config.burst().toNanos() - Math.round(1e9 / spacing));
        Instant earliest = now.minusNanos(burstNanos);
        Instant start = row.nextSlot().isBefore(earliest) ? earliest : row.nextSlot();
        if (start.isAfter(now.plus(MAX_AHEAD))) {
            start = now;
        }
        Instant until = now.plus(config.horizon());
        long room =
                start.isAfter(until)
                        ? 0
                        // A hair over, so that 1.8947… s at 9.5/s makes 18 slots, not 17.999….
                        : (long)
                                Math.floor(
                                        Duration.between(start, until).toNanos() * spacing / 1e9
                                                + 1e-6);
        return new Grant(row.teamId(), start, rate, (int) Math.min(due, room));
    }

    /** The rate now: never above the configured one, climbing back after a quiet spell. */
    static double rate(PaceDao.Row row, Instant now, Config config) {
        double rate = Math.min(row.rate(), config.rate());
        boolean quiet = row.limitedAt() == null || row.limitedAt().isBefore(now.minus(QUIET));
        return quiet ? Math.min(config.rate(), rate + config.rate() / 10) : rate;
    }
}
