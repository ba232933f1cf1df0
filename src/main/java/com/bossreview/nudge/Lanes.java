package com.bossreview.nudge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Per-workspace lanes: each claimed row waits for its slot, then goes out on a virtual thread of
 * its own, so the calls in flight are as many as the workspaces' pace asks for. A workspace's rows
 * not yet started can be taken back at once (Slack asked it to wait; shutting down).
 *
 * <p>A slot that passed while the claim was being checked does not go out at once on top of the
 * workspace's burst: {@link Spacing} shifts it instead of bunching it into a 429.
 */
final class Lanes implements AutoCloseable {
    /** A claimed row on its way out. */
    static final class Job {
        final Claimer.Claimed claimed;
        final Instant claimedAt;
        final NudgeContent.Batch batch;
        private volatile ScheduledFuture<?> timer;

        Job(Claimer.Claimed claimed, Instant claimedAt, NudgeContent.Batch batch) {
            this.claimed = claimed;
            this.claimedAt = claimedAt;
            this.batch = batch;
        }

        Nudge nudge() {
            return claimed.nudge();
        }
    }

    /**
     * Slack calls in flight from this instance at most: a bulkhead, not a thread pool. At ~150-300
     * ms an answer it carries ~3,000 DMs a second, about what one instance renders on a core (~350
     * µs of CPU a DM, BENCHMARKS §8.2; at 256 the bulkhead was the bound, 1,400 DMs/s); it keeps a
     * burst across thousands of workspaces from opening unbounded connections at once.
     */
    static final int MAX_IN_FLIGHT = 1024;

    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Clock clock;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Threads.background("nudge-pace"));
    private final ExecutorService senders = Threads.senders();

    /** Rows waiting for their slot, per workspace. */
    private final Map<String, Set<Job>> waiting = new ConcurrentHashMap<>();

    private final Spacing spacing = new Spacing();

    /** Rows waiting or being sent. */
    private int outstanding; // guarded by this

    Lanes(Clock clock) {
        this.clock = clock;
    }

    /**
     * Sends each row of {@code round} with {@code send} when its slot comes; a row stopped before
     * it could go out (shutting down) goes to {@code unsent}.
     */
    void submit(Claimer.Round round, Consumer<Job> send, Consumer<Job> unsent) {
        Instant now = clock.instant();
        spacing.forget(now);
        for (Claimer.Claimed c : round.toSend()) {
            Job job = new Job(c, round.at(), round.batch());
            waiting.computeIfAbsent(c.nudge().teamId(), t -> ConcurrentHashMap.newKeySet())
                    .add(job);
            synchronized (this) {
                outstanding++;
            }
            Instant at = spacing.startAt(c.nudge().teamId(), c.slot(), c.gap(), round.at(), now);
            long delay = Math.max(0, Duration.between(now, at).toNanos());
            try {
                job.timer =
                        timer.schedule(() -> start(job, send, unsent), delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // close() takes it back with the others
            }
        }
    }

    private void start(Job job, Consumer<Job> send, Consumer<Job> unsent) {
        if (!remove(job)) {
            return; // taken back
        }
        try {
            senders.execute(
                    () -> {
                        try {
                            inFlight.acquire();
                            try {
                                send.accept(job);
                            } finally {
                                inFlight.release();
                            }
                        } catch (InterruptedException stopping) {
                            Thread.currentThread().interrupt();
                            unsent.accept(job);
                        } finally {
                            done(1);
                        }
                    });
        } catch (RejectedExecutionException closing) {
            done(1);
        }
    }

    private boolean remove(Job job) {
        Set<Job> lane = waiting.get(job.nudge().teamId());
        return lane != null && lane.remove(job);
    }

    /** Takes back {@code team}'s rows that have not started; they are the caller's to release. */
    List<Job> recall(String team) {
        Set<Job> lane = waiting.get(team);
        List<Job> taken = new ArrayList<>();
        if (lane != null) {
            for (Job j : List.copyOf(lane)) {
                if (lane.remove(j)) {
                    ScheduledFuture<?> t = j.timer;
                    if (t != null) {
                        t.cancel(false);
                    }
                    taken.add(j);
                }
            }
        }
        done(taken.size());
        return taken;
    }

    /** Takes back every row that has not started (shutting down). */
    List<Job> recallAll() {
        List<Job> taken = new ArrayList<>();
        for (String team : List.copyOf(waiting.keySet())) {
            taken.addAll(recall(team));
        }
        return taken;
    }

    synchronized int outstanding() {
        return outstanding;
    }

    private synchronized void done(int n) {
        if (n > 0) {
            outstanding -= n;
            notifyAll();
        }
    }

    /** Waits until no row waits or is being sent, or {@code max}; true when idle. */
    synchronized boolean awaitIdle(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (outstanding > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    /** Waits up to {@code max} for sends under way; the caller has recalled the rest. */
    @Override
    public void close() {
        timer.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
