package com.bossreview.nudge;

import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz adapter: one instance of the cluster plans nudges at a time. A run cut short (PostgreSQL
 * restarting, say) is tried again a few times within the minute rather than waiting for the next
 * run ten minutes later: planning is idempotent, and a nudge not yet planned cannot be sent on
 * time.
 */
@DisallowConcurrentExecution
public final class MaterializeJob implements InterruptableJob {
    private static final Logger log = LoggerFactory.getLogger(MaterializeJob.class);
    static final int TRIES = 6;
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Runnable plan;
    private final Duration retryAfter;

    /**
     * The Quartz worker running {@link #execute}, for {@link #interrupt} (Quartz makes a new job
     * instance per run).
     */
    private Thread runner; // guarded by this

    public MaterializeJob(Materializer materializer) {
        this(materializer::materialize, RETRY_AFTER);
    }

    /** Plans, then purges the history past its retention. */
    public MaterializeJob(Materializer materializer, NudgeRetention retention) {
        this(
                () -> {
                    materializer.materialize();
                    retention.purge();
                },
                RETRY_AFTER);
    }

    MaterializeJob(Runnable plan, Duration retryAfter) {
        this.plan = plan;
        this.retryAfter = retryAfter;
    }

    /**
     * Called by Quartz on shutdown ({@code interruptJobsOnShutdownWithWait}): a run waiting to
     * retry stops at once instead of holding the shutdown for up to a minute. Planning is
     * idempotent; the next run finishes it.
     */
    @Override
    public void interrupt() {
        synchronized (this) {
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        synchronized (this) {
            runner = Thread.currentThread();
        }
        try {
            run();
        } finally {
            synchronized (this) {
                runner = null;
                // An interrupt that came too late must not leak into the worker's next job; under
                // the lock,
                // none can land after this.
                Thread.interrupted();
            }
        }
    }

    private void run() throws JobExecutionException {
        for (int attempt = 1; ; attempt++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new JobExecutionException("Nudge planning stopped: shutting down");
            }
            try {
                plan.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= TRIES) {
                    log.error(
                            "Nudge planning failed {} times; the next run is in {} min: {}",
                            TRIES,
                            Nudges.MATERIALIZE_EVERY.toMinutes(),
                            e.toString());
                    throw new JobExecutionException(e);
                }
                log.warn(
                        "Nudge planning failed (try {} of {}), trying again in {} s: {}",
                        attempt,
                        TRIES,
                        retryAfter.toSeconds(),
                        e.toString());
                try {
                    Thread.sleep(
                            retryAfter.toMillis()); // a retry backoff inside the job, on a Quartz
                    // worker thread
                } catch (InterruptedException stop) {
                    log.info("Nudge planning stopped before try {}: shutting down", attempt + 1);
                    throw new JobExecutionException(stop);
                }
            }
        }
    }
}
