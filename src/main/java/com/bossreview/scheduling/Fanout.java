package com.bossreview.scheduling;

import com.bossreview.db.BackgroundWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one piece of work per item of a claimed round (a connection to sync) at most {@code width}
 * at a time, each on its own virtual thread as background work, and returns when all are done. A
 * provider sync is mostly waiting on the provider (100–300 ms a call, several calls a connection):
 * taken one after another, 5,000 connections take longer than the sync interval; side by side they
 * wait together. Each item's own failure is its work's to handle; one that escapes is logged and
 * does not stop the others.
 */
public final class Fanout {
    private static final Logger log = LoggerFactory.getLogger(Fanout.class);

    private Fanout() {}

    /** The most items at once, whatever the pool: beyond it the providers' answers dominate. */
    static final int MAX_WIDTH = 32;

    /**
     * How many connections a provider sync reads at once with {@code backgroundConnections} in the
     * background pool: each connection's sync makes a score of short database calls between its
     * provider calls, so twice the pool keeps the pool busy without a queue that outwaits the
     * pool's connection timeout (measured: 32 at once on 4 connections timed out on a loaded box).
     */
    public static int widthFor(int backgroundConnections) {
        return Math.max(2, Math.min(MAX_WIDTH, 2 * backgroundConnections));
    }

    /** {@code work} for each of {@code items}, {@code width} at a time; back when all are done. */
    public static <T> void each(String what, List<T> items, int width, Consumer<T> work) {
        if (width < 1) {
            throw new IllegalArgumentException("width " + width);
        }
        if (items.size() <= 1 || width == 1) {
            items.forEach(work);
            return;
        }
        Semaphore slots = new Semaphore(width);
        List<Future<?>> started = new ArrayList<>(items.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (T item : items) {
                slots.acquireUninterruptibly();
                started.add(
                        threads.submit(
                                BackgroundWork.wrap(
                                        () -> {
                                            try {
                                                work.accept(item);
                                            } finally {
                                                slots.release();
                                            }
                                        })));
            }
            for (Future<?> f : started) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    log.warn("{}: one item failed: {}", what, e.getCause().toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
