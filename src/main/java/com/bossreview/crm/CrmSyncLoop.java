package com.bossreview.crm;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link CrmSync} on this instance, as {@code calendar/CalendarSyncLoop} runs the calendar's:
 * looks for due connections every few seconds (each taken by one instance), and drops expired
 * connection states now and then.
 */
public final class CrmSyncLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CrmSyncLoop.class);

    static final Duration MAX_POLL = Duration.ofSeconds(10);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(
                    r -> Thread.ofPlatform().name("crm-sync").daemon().unstarted(r));
    private final CrmSync sync;
    private final CrmConnections connections;
    private long runs;

    public CrmSyncLoop(CrmSync sync, CrmConnections connections, Duration every) {
        this.sync = sync;
        this.connections = connections;
        long pollMillis = Math.min(every.toMillis(), MAX_POLL.toMillis());
        timer.scheduleWithFixedDelay(this::tick, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            com.bossreview.db.BackgroundWork.run(
                    () -> {
                        while (sync.runOnce() >= CrmSync.BATCH) {
                            // a full batch: more are due
                        }
                        if (runs++ % 360 == 0) {
                            connections.purgeStates();
                        }
                    });
        } catch (RuntimeException e) {
            // The database may be away for a while: try again at the next tick.
            log.warn("CRM sync round failed: {}", e.toString());
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
