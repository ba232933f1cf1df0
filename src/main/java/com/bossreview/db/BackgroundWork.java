package com.bossreview.db;

import java.util.function.Supplier;

/**
 * Marks the work of the current thread as background work (Quartz jobs, the nudge dispatcher, bulk
 * deletes): while marked, {@link Database#dataSource()} and {@link Database#jdbi()} lend
 * connections from the background pool, with its longer statement and lock timeouts, instead of the
 * pool that answers Slack's requests. Everything not marked is a request and gets the short
 * timeouts, so a forgotten mark errs on the side of answering within Slack's 3 seconds.
 *
 * <p>A thread mark rather than a second set of services: the same feature services (news,
 * forecasts, agendas) serve commands and render nudges, and a mark lets both use them without
 * wiring each twice.
 */
public final class BackgroundWork {
    private static final ThreadLocal<Boolean> MARKED = ThreadLocal.withInitial(() -> false);

    private BackgroundWork() {}

    /** True while the current thread does background work. */
    public static boolean isCurrentThread() {
        return MARKED.get();
    }

    /** Runs {@code work} as background work on this thread, then restores what the thread was. */
    public static <T> T call(Supplier<T> work) {
        boolean before = MARKED.get();
        MARKED.set(true);
        try {
            return work.get();
        } finally {
            MARKED.set(before);
        }
    }

    public static void run(Runnable work) {
        call(
                () -> {
                    work.run();
                    return null;
                });
    }

    /** {@code work} wrapped to run as background work on whatever thread runs it. */
    public static Runnable wrap(Runnable work) {
        return () -> run(work);
    }
}
