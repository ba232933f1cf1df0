package com.bossreview.slack;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
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

    private final ExecutorService executor;

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
        executor.shutdown();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
