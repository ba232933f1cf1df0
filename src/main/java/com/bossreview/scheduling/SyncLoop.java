package com.bossreview.scheduling;

import com.bossreview.db.BackgroundWork;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one provider sync on this instance (the calendars', the CRMs'): every few seconds a round of
 * {@code round} (each due connection is taken by one instance), again at once while a round came
 * back full, and {@code housekeeping} now and then (expired connection states). As background work:
 * the background pool and its timeouts.
 */
public final class SyncLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SyncLoop.class);

    /** The longest between two looks for due connections, whatever the sync interval. */
    static final Duration MAX_POLL = Duration.ofSeconds(10);

    /** Housekeeping every this many looks (an hour at the longest poll). */
    static final int HOUSEKEEPING_EVERY = 360;

    private final ScheduledExecutorService timer;
    private final String name;
    private final IntSupplier round;
    private final int fullRound;
    private final Runnable housekeeping;
    private long looks;

    /**
     * @param round one round: how many connections it read
     * @param fullRound a round this big leaves more due: the next starts at once
     */
    public SyncLoop(
            String name, Duration every, IntSupplier round, int fullRound, Runnable housekeeping) {
        this.name = name;
        this.round = round;
        this.fullRound = fullRound;
        this.housekeeping = housekeeping;
        this.timer =
                Executors.newSingleThreadScheduledExecutor(
                        r -> Thread.ofPlatform().name(name).daemon().unstarted(r));
        long pollMillis = Math.min(every.toMillis(), MAX_POLL.toMillis());
        timer.scheduleWithFixedDelay(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            BackgroundWork.run(
                    () -> {
                        while (round.getAsInt() >= fullRound) {
                            // a full round: more are due
                        }
                        if (looks++ % HOUSEKEEPING_EVERY == 0) {
                            housekeeping.run();
                        }
                    });
        } catch (RuntimeException e) {
            // The database may be away for a while: try again at the next tick.
            log.warn("{} round failed: {}", name, e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        if (!timer.awaitTermination(10, TimeUnit.SECONDS)) {
            timer.shutdownNow();
        }
    }
}
