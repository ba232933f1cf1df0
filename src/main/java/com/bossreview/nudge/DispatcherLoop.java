package com.bossreview.nudge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs this instance's dispatcher: every second when idle, back to back while full batches keep
 * coming. Every instance runs one; {@code SKIP LOCKED} claims keep them from sending twice.
 */
public final class DispatcherLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);
    static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final Dispatcher dispatcher;
    private final int batchSize;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "nudge-dispatcher");
        t.setDaemon(true);
        return t;
    });

    public DispatcherLoop(Dispatcher dispatcher, int batchSize) {
        this.dispatcher = dispatcher;
        this.batchSize = batchSize;
    }

    public void start() {
        timer.scheduleWithFixedDelay(this::round, 0, IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void round() {
        try {
            while (dispatcher.dispatchDue() >= batchSize && !Thread.currentThread().isInterrupted()) {
                // a full batch: more are probably due, go on at once
            }
        } catch (RuntimeException e) {
            // The database may be gone for a while: log, and try again on the next tick.
            log.warn("Nudge dispatch round failed: {}", e.toString());
        }
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdown();
        timer.awaitTermination(15, TimeUnit.SECONDS);
        dispatcher.close();
    }
}
