package com.bossreview.nudge;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs this instance's dispatcher on one thread: claims again as soon as a sender is free and
 * something was claimed last time; when nothing was due, waits until the next row falls due, a
 * sender finishes, or a second has passed. Every instance runs one; {@code SKIP LOCKED} claims keep
 * them from sending twice.
 */
public final class DispatcherLoop implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DispatcherLoop.class);
    static final Duration IDLE_POLL = Duration.ofSeconds(1);

    private final Dispatcher dispatcher;
    private final Thread thread;
    private volatile boolean running = true;

    public DispatcherLoop(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
        // Background work: its claims use the background pool, never the connections Slack's
        // requests wait for.
        this.thread =
                new Thread(com.bossreview.db.BackgroundWork.wrap(this::run), "nudge-dispatcher");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                if (dispatcher.saturated()) {
                    dispatcher.awaitChange(IDLE_POLL);
                } else if (dispatcher.dispatchDue() == 0) {
                    dispatcher.awaitWork(IDLE_POLL);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be gone for a while: log, and try again a second later.
                log.warn("Nudge dispatch round failed: {}", e.toString());
                try {
                    Thread.sleep(IDLE_POLL.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(15_000);
        dispatcher.close();
    }
}
