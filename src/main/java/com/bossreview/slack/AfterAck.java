package com.bossreview.slack;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must not delay Slack's 3-second ack (Web API calls) runs here, after the ack. A failure
 * is logged with ids only and told to the user through {@code onFailure}; it is never swallowed.
 */
public final class AfterAck implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AfterAck.class);

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }

    /** A notice refused with 429 is tried again this many times at most. */
    static final int NOTICE_RETRIES = 3;

    /** A Retry-After longer than this gives the notice up. */
    static final Duration NOTICE_MAX_WAIT = Duration.ofMinutes(2);

    private final ExecutorService executor;

    /** Holds notices Slack asked to wait until their Retry-After. */
    private final ScheduledExecutorService later =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "after-ack-later");
                        t.setDaemon(true);
                        return t;
                    });

    public AfterAck(int threads) {
        AtomicInteger n = new AtomicInteger();
        this.executor =
                new ThreadPoolExecutor(
                        threads,
                        threads,
                        60,
                        TimeUnit.SECONDS,
                        new LinkedBlockingQueue<>(10_000),
                        r -> {
                            Thread t = new Thread(r, "after-ack-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * @param what what is being done, for the log (no user text)
     * @param onFailure tells the user what failed and that nothing was lost; gets a short reason
     */
    public void run(String what, Work work, Consumer<String> onFailure) {
        try {
            executor.execute(() -> attempt(what, work, onFailure));
        } catch (RejectedExecutionException e) {
            // Ten thousand tasks waiting: the ack must still go out, so the user hears it on the
            // next try.
            log.error("{} dropped: the after-ack queue is full", what);
        }
    }

    /**
     * A message nobody is waiting on (a notice from background work, e.g. a calendar sync's): as
     * {@link #run}, and when Slack answers 429 — the call was refused, nothing was posted — it is
     * tried again after the answer's Retry-After (1 s if none), at most {@value #NOTICE_RETRIES}
     * times; other failures are logged. A 5xx or a timeout is not retried: the message may have
     * been posted.
     */
    public void notice(String what, Work work) {
        notice(what, work, reason -> {});
    }

    /** As {@link #notice(String, Work)}; {@code gaveUp} hears the failure it ended with. */
    void notice(String what, Work work, Consumer<String> gaveUp) {
        notice(what, work, 0, gaveUp);
    }

    private void notice(String what, Work work, int retries, Consumer<String> gaveUp) {
        run(
                what,
                () -> {
                    try {
                        work.run();
                    } catch (SlackCallException e) {
                        Duration wait = e.retryAfter().orElse(Duration.ofSeconds(1));
                        if (!e.rateLimited()
                                || retries >= NOTICE_RETRIES
                                || wait.compareTo(NOTICE_MAX_WAIT) > 0) {
                            throw e;
                        }
                        log.info("{} rate limited: again in {} s", what, wait.toSeconds());
                        try {
                            later.schedule(
                                    () -> notice(what, work, retries + 1, gaveUp),
                                    wait.toMillis(),
                                    TimeUnit.MILLISECONDS);
                        } catch (RejectedExecutionException closing) {
                            throw e;
                        }
                    }
                },
                gaveUp);
    }

    private static void attempt(String what, Work work, Consumer<String> onFailure) {
        try {
            work.run();
        } catch (Exception e) {
            String reason =
                    e instanceof SlackCallException s ? s.error() : e.getClass().getSimpleName();
            log.warn("{} failed: {}", what, reason, e instanceof SlackCallException ? null : e);
            try {
                onFailure.accept(reason);
            } catch (RuntimeException again) {
                log.warn("{}: could not tell the user either: {}", what, again.toString());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        later.shutdownNow();
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
