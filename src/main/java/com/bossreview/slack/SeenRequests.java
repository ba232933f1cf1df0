package com.bossreview.slack;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which signed Slack requests were handled already, kept in PostgreSQL so that every instance of a
 * deployment sees the same: a request sent again while its timestamp still passes the signature
 * check (same timestamp, same signature) acts at most once.
 *
 * <p>When PostgreSQL cannot say in time, the request goes on unchecked rather than being refused: a
 * command that needs no data (help, a usage error) keeps working while the database is away, and
 * one that needs data fails on its own with the "temporarily unavailable" answer. A replay can
 * therefore act only if PostgreSQL takes longer than {@link #CHECK_WAIT} to record a signature yet
 * serves the command right after; such requests are counted in {@code
 * slack_replay_checks_skipped_total}. The wait is short so that a request finding the database away
 * still gets its answer well inside Slack's 3 s: the command's own wait for a connection (1.5 s)
 * comes after it.
 */
public final class SeenRequests implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SeenRequests.class);

    public enum Verdict {
        FIRST,
        REPLAY,
        UNCHECKED
    }

    /** How long a request waits for its signature to be recorded before it goes on unchecked. */
    static final Duration CHECK_WAIT = Duration.ofMillis(500);

    /**
     * A signature is kept until its timestamp is past the signature check's window, plus a margin
     * for instances whose clocks differ by up to that much.
     */
    static final Duration KEEP = SignatureCheck.MAX_SKEW.plus(Duration.ofMinutes(5));

    /** Expired rows are deleted at most this often per instance, by the instance that records. */
    static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final ThreadPoolExecutor checks;
    private final AtomicReference<Instant> nextPurge = new AtomicReference<>(Instant.MIN);
    private final Counter replayed;
    private final MeterRegistry registry;

    public SeenRequests(Jdbi jdbi, Clock clock, MeterRegistry registry) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.registry = registry;
        this.replayed =
                Counter.builder("slack.requests.replayed")
                        .description(
                                "Signed requests refused because they had been handled already")
                        .register(registry);
        AtomicInteger n = new AtomicInteger();
        // Bounded: a check that waits for PostgreSQL holds a thread; past the bound requests go on
        // unchecked.
        this.checks =
                new ThreadPoolExecutor(
                        0,
                        32,
                        30,
                        TimeUnit.SECONDS,
                        new SynchronousQueue<>(),
                        r -> {
                            Thread t = new Thread(r, "seen-requests-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
    }

    /**
     * For a request whose signature was verified: its {@code X-Slack-Request-Timestamp} and {@code
     * X-Slack-Signature}.
     */
    public Verdict check(String timestampHeader, String signatureHeader) {
        byte[] signature =
                HexFormat.of().parseHex(signatureHeader.trim().substring("v0=".length()));
        Instant expires = Instant.ofEpochSecond(Long.parseLong(timestampHeader.trim())).plus(KEEP);
        Future<Integer> recorded;
        try {
            recorded =
                    checks.submit(
                            () ->
                                    jdbi.withExtension(
                                            SeenRequestDao.class,
                                            dao -> dao.record(signature, expires)));
        } catch (RejectedExecutionException busy) {
            return unchecked("busy", null);
        }
        try {
            Verdict verdict =
                    recorded.get(CHECK_WAIT.toMillis(), TimeUnit.MILLISECONDS) == 1
                            ? Verdict.FIRST
                            : Verdict.REPLAY;
            purgeNowAndThen();
            if (verdict == Verdict.REPLAY) {
                replayed.increment();
            }
            return verdict;
        } catch (TimeoutException e) {
            return unchecked(
                    "timeout",
                    null); // the row may still be written: a later replay is then refused
        } catch (ExecutionException e) {
            return unchecked("database", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unchecked("interrupted", null);
        }
    }

    private Verdict unchecked(String reason, Throwable cause) {
        registry.counter("slack.replay.checks.skipped", "reason", reason).increment();
        log.warn(
                "A signed request went on without its replay check ({}{})",
                reason,
                cause == null ? "" : ": " + cause.getClass().getSimpleName());
        return Verdict.UNCHECKED;
    }

    private void purgeNowAndThen() {
        Instant now = clock.instant();
        Instant due = nextPurge.get();
        if (now.isBefore(due) || !nextPurge.compareAndSet(due, now.plus(PURGE_EVERY))) {
            return;
        }
        try {
            checks.execute(() -> purge(now));
        } catch (RejectedExecutionException busy) {
            nextPurge.set(Instant.MIN); // the next request tries again
        }
    }

    /**
     * Removes the record of requests this instance sent itself (its warm-up), given their {@code
     * X-Slack-Signature} headers, so that none of them stays in the table; returns how many went.
     */
    public int forget(java.util.Collection<String> signatureHeaders) {
        byte[][] signatures =
                signatureHeaders.stream()
                        .map(h -> HexFormat.of().parseHex(h.trim().substring("v0=".length())))
                        .toArray(byte[][]::new);
        return signatures.length == 0
                ? 0
                : jdbi.withExtension(SeenRequestDao.class, dao -> dao.forget(signatures));
    }

    /**
     * Deletes the signatures too old at {@code now} to pass the signature check anyway; returns how
     * many.
     */
    int purge(Instant now) {
        try {
            return jdbi.withExtension(SeenRequestDao.class, dao -> dao.purge(now));
        } catch (RuntimeException e) {
            log.warn(
                    "Could not purge expired request signatures: {}", e.getClass().getSimpleName());
            return 0;
        }
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
