package com.bossreview.nudge;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claimed rows going back to the queue unsent: a workspace's rows waiting in its lane when Slack
 * asks it to wait, rows stopped by a shutdown, a row that failed for a reason of ours. When the
 * database does not answer they become {@link Stranded} and go back once it does.
 */
final class Releases {
    private static final Logger log = LoggerFactory.getLogger(Releases.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final String instanceId;
    private final Lanes lanes;
    private final Stranded stranded;
    private final NudgeMetrics metrics;

    Releases(
            Jdbi jdbi,
            Clock clock,
            String instanceId,
            Lanes lanes,
            Stranded stranded,
            NudgeMetrics metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.instanceId = instanceId;
        this.lanes = lanes;
        this.stranded = stranded;
        this.metrics = metrics;
    }

    /** The workspace's rows still waiting here go back to the queue, due at {@code until}. */
    int holdBack(String team, Instant until) {
        List<Lanes.Job> jobs = lanes.recall(team);
        if (jobs.isEmpty()) {
            return 0;
        }
        long[] ids = jobs.stream().mapToLong(j -> j.nudge().id()).toArray();
        try {
            jdbi.useExtension(NudgeDao.class, dao -> dao.releaseAll(ids, instanceId, until));
            jobs.forEach(j -> metrics.retried());
        } catch (RuntimeException e) {
            jobs.forEach(j -> stranded.orphan(j.nudge().id(), j.claimedAt, false));
        }
        return jobs.size();
    }

    /** Rows not sent at all back to the queue, due at once (shutting down, or held up). */
    void giveBack(List<Lanes.Job> jobs, String why) {
        if (jobs.isEmpty()) {
            return;
        }
        long[] ids = jobs.stream().mapToLong(j -> j.nudge().id()).toArray();
        long[] at = jobs.stream().mapToLong(j -> Stranded.micros(j.claimedAt)).toArray();
        try {
            jdbi.useExtension(
                    NudgeDao.class, dao -> dao.releaseUnsent(ids, at, new long[0], instanceId));
        } catch (RuntimeException e) {
            jobs.forEach(j -> stranded.orphan(j.nudge().id(), j.claimedAt, false));
            log.warn(
                    "{} claimed nudges ({}) wait for the database: {}",
                    ids.length,
                    why,
                    e.toString());
        }
    }

    void retryLater(Lanes.Job job, RuntimeException cause) {
        Nudge n = job.nudge();
        try {
            jdbi.onDemand(NudgeDao.class)
                    .release(
                            n.id(),
                            instanceId,
                            clock.instant()
                                    .plus(
                                            FailurePolicy.backoff(
                                                    n.attempts(),
                                                    ThreadLocalRandom.current().nextDouble())),
                            cause.getClass().getSimpleName(),
                            true,
                            false);
            metrics.retried();
        } catch (RuntimeException again) {
            stranded.orphan(n.id(), job.claimedAt, false);
            log.warn(
                    "Nudge {} goes back to the queue when the database answers again: {}",
                    n.id(),
                    again.toString());
        }
    }
}
