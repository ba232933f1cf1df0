package com.bossreview.nudge;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks sent rows in one fenced statement every {@link #MARK_WITHIN}, for every send in flight.
 * When the database is away the rows stay here and the next flush tries again, so a PostgreSQL
 * restart that ends before the rows' claim expires loses no mark; the claim loop flushes before it
 * looks for expired claims. Past that, another instance may send the row again: counted as a
 * possible duplicate, as is a row sent again after an attempt that may have reached Slack.
 */
final class SentMarker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SentMarker.class);

    /** The window in which a crash makes a nudge go out twice. */
    static final Duration MARK_WITHIN = Duration.ofMillis(100);

    private record SentRow(Nudge nudge, String ts, Instant at) {}

    private final Jdbi jdbi;
    private final String instanceId;
    private final NudgeMetrics metrics;
    private final ConcurrentLinkedQueue<SentRow> queue = new ConcurrentLinkedQueue<>();
    private final List<SentRow> waiting = new ArrayList<>(); // guarded by this
    private final ScheduledExecutorService timer;
    private final ScheduledFuture<?> flushing;
    private volatile Instant lastFailureLogged = Instant.MIN;

    SentMarker(Jdbi jdbi, String instanceId, NudgeMetrics metrics) {
        this.jdbi = jdbi;
        this.instanceId = instanceId;
        this.metrics = metrics;
        this.timer = Executors.newSingleThreadScheduledExecutor(Threads.background("nudge-marker"));
        this.flushing =
                timer.scheduleWithFixedDelay(
                        this::flushQuietly,
                        MARK_WITHIN.toMillis(),
                        MARK_WITHIN.toMillis(),
                        TimeUnit.MILLISECONDS);
    }

    void add(Nudge n, String ts, Instant at) {
        queue.add(new SentRow(n, ts, at));
    }

    void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            Instant now = Instant.now();
            if (now.isAfter(lastFailureLogged.plusSeconds(10))) {
                lastFailureLogged = now;
                log.warn(
                        "Sent nudges could not be marked yet ({} waiting); retrying: {}",
                        waiting(),
                        e.toString());
            }
        }
    }

    private synchronized int waiting() {
        return waiting.size();
    }

    /**
     * Marks everything sent so far; throws (keeping the rows) when the database does not answer.
     */
    synchronized void flush() {
        for (SentRow r; (r = queue.poll()) != null; ) {
            waiting.add(r);
        }
        if (waiting.isEmpty()) {
            return;
        }
        long[] ids = waiting.stream().mapToLong(r -> r.nudge().id()).toArray();
        String[] ts = waiting.stream().map(SentRow::ts).toArray(String[]::new);
        long[] at = waiting.stream().mapToLong(r -> r.at().toEpochMilli()).toArray();
        Set<Long> marked =
                new HashSet<>(
                        jdbi.withExtension(
                                NudgeDao.class, dao -> dao.markAllSent(ids, ts, at, instanceId)));
        for (SentRow r : waiting) {
            Nudge n = r.nudge();
            if (!marked.contains(n.id())) {
                log.warn(
                        "Nudge {} was sent but its claim had expired: counted as a possible duplicate",
                        n.id());
                metrics.possibleDuplicate();
            } else if (n.maybeSent()) {
                log.info(
                        "Nudge {} was sent again after an earlier attempt may have reached Slack ({}): "
                                + "counted as a possible duplicate",
                        n.id(),
                        n.attempts());
                metrics.possibleDuplicate();
            }
            metrics.sent(Duration.between(n.dueAt(), r.at()));
        }
        waiting.clear();
    }

    /** Stops the timer and marks what is left (if the database answers). */
    @Override
    public void close() {
        flushing.cancel(false);
        timer.shutdownNow();
        flushQuietly();
    }
}
