package com.bossreview.nudge;

import com.bossreview.manager.ManagerService;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed row: renders it, posts it, hands it to the {@link SentMarker}; on a failure,
 * carries out what the {@link FailurePolicy} decides. A 429 or a rejected token takes back the
 * workspace's other rows waiting in its lane in the same stroke.
 */
final class Delivery {
    private static final Logger log = LoggerFactory.getLogger(Delivery.class);

    private final Jdbi jdbi;
    private final Clock clock;
    private final String instanceId;
    private final Pace.Config pace;
    private final Messenger messenger;
    private final NudgeContent content;
    private final SentMarker marker;
    private final Stranded stranded;
    private final ManagerService managers;
    private final NudgeMetrics metrics;
    private final Releases releases;

    /** Workspaces whose token does not work, until when: paused on this instance. */
    private final Map<String, Instant> paused = new ConcurrentHashMap<>();

    /** Transient failures in a row per workspace since its last successful send. */
    private final Map<String, Integer> streaks = new ConcurrentHashMap<>();

    Delivery(
            Jdbi jdbi,
            Clock clock,
            String instanceId,
            Pace.Config pace,
            Messenger messenger,
            NudgeContent content,
            SentMarker marker,
            Stranded stranded,
            ManagerService managers,
            NudgeMetrics metrics,
            Releases releases) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.instanceId = instanceId;
        this.pace = pace;
        this.messenger = messenger;
        this.content = content;
        this.marker = marker;
        this.stranded = stranded;
        this.managers = managers;
        this.metrics = metrics;
        this.releases = releases;
    }

    /** The workspaces paused here now. */
    Set<String> paused(Instant now) {
        paused.values().removeIf(until -> !until.isAfter(now));
        return new HashSet<>(paused.keySet());
    }

    void send(Lanes.Job job) {
        Nudge n = job.nudge();
        Instant now = clock.instant();
        if (Duration.between(job.claimedAt, now).compareTo(Claimer.LEASE.dividedBy(2)) > 0) {
            // Held up far past its slot (an overloaded host): its claim may soon be taken over.
            releases.giveBack(List.of(job), "late");
            return;
        }
        try {
            NudgeViews.Message message = content.render(n, job.batch, now);
            String ts = messenger.dm(n.teamId(), n.userId(), message.text(), message.blocks());
            marker.add(n, ts, clock.instant());
            streaks.remove(n.teamId());
        } catch (SlackCallException e) {
            try {
                failed(n, e, now);
            } catch (RuntimeException databaseAway) {
                stranded.orphan(n.id(), job.claimedAt, e.mayHaveReachedSlack());
                log.warn(
                        "Nudge {} ({}) goes back to the queue when the database answers again: {}",
                        n.id(),
                        e.error(),
                        databaseAway.toString());
            }
        } catch (RuntimeException e) {
            // A database hiccup or an unreadable answer: this row goes back to the queue.
            log.warn(
                    "Nudge {} for {}/{} could not be processed: {}",
                    n.id(),
                    n.teamId(),
                    n.userId(),
                    e.toString());
            releases.retryLater(job, e);
        }
    }

    private void failed(Nudge n, SlackCallException e, Instant now) {
        int streak =
                e.transientFailure() && !e.rateLimited()
                        ? streaks.merge(n.teamId(), 1, Integer::sum)
                        : 0;
        FailurePolicy.Decision decision =
                FailurePolicy.decide(
                        e.slackError(),
                        e.retryAfter(),
                        n.attempts(),
                        streak,
                        ThreadLocalRandom.current().nextDouble());
        NudgeDao dao = jdbi.onDemand(NudgeDao.class);
        switch (decision) {
            case FailurePolicy.Decision.RateLimited r -> {
                Instant until = now.plus(r.retryAfter());
                dao.release(n.id(), instanceId, until, e.error(), false, false);
                jdbi.useExtension(
                        PaceDao.class,
                        p ->
                                p.rateLimited(
                                        n.teamId(),
                                        until,
                                        now,
                                        pace.rate(),
                                        Pace.BACK_OFF,
                                        Pace.MIN_RATE));
                metrics.retried();
                int recalled = releases.holdBack(n.teamId(), until);
                log.info(
                        "Slack rate-limits workspace {}: its nudges wait {} s ({} taken back here)",
                        n.teamId(),
                        r.retryAfter().toSeconds(),
                        recalled);
            }
            case FailurePolicy.Decision.PauseWorkspace p -> {
                Instant until = now.plus(p.pause());
                dao.release(n.id(), instanceId, until, e.error(), false, false);
                paused.merge(n.teamId(), until, (a, b) -> a.isAfter(b) ? a : b);
                metrics.retried();
                releases.holdBack(n.teamId(), until);
                log.error(
                        "Slack rejects the bot token of workspace {} ({}): its nudges wait {} min",
                        n.teamId(),
                        p.why(),
                        p.pause().toMinutes());
            }
            case FailurePolicy.Decision.Retry r -> {
                dao.release(
                        n.id(), instanceId, now.plus(r.after()), e.error(), true, r.maybeSent());
                metrics.retried();
                log.info(
                        "Nudge {} for {}/{}: Slack answered {}; retrying in {} ms",
                        n.id(),
                        n.teamId(),
                        n.userId(),
                        e.error(),
                        r.after().toMillis());
            }
            case FailurePolicy.Decision.StopManager s -> {
                dao.markFailed(n.id(), instanceId, e.error());
                int stopped =
                        dao.skipAllPending(
                                n.teamId(), n.userId(), "slack account gone: " + e.error());
                if (content.forManager(n)) {
                    managers.update(
                            n.teamId(),
                            n.userId(),
                            d -> d.setNudgesEnabled(n.teamId(), n.userId(), false));
                }
                metrics.failed();
                log.warn(
                        "Stopped nudges for {}/{}: Slack says {} ({} pending skipped)",
                        n.teamId(),
                        n.userId(),
                        e.error(),
                        stopped);
            }
            case FailurePolicy.Decision.Fail f -> {
                dao.markFailed(n.id(), instanceId, e.error());
                metrics.failed();
                log.warn(
                        "Nudge {} for {}/{} failed for good after {} attempts: {}",
                        n.id(),
                        n.teamId(),
                        n.userId(),
                        n.attempts(),
                        e.error());
            }
        }
    }
}
