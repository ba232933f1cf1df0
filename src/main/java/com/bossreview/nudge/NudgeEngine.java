package com.bossreview.nudge;

import com.bossreview.manager.ManagerService;
import com.bossreview.slack.Messenger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's sending side, cut the way db-scheduler cuts its scheduler: a {@link Claimer}
 * (lock and fetch, paced per workspace by the shared {@link Pace}), {@link Lanes} that send each
 * row at its slot on a virtual thread, a {@link Delivery} of one row with its pure {@link
 * FailurePolicy}, the {@link SentMarker}, and a claim loop on one thread that decides when to claim
 * again. Several instances share the work without sending anything twice.
 */
public final class NudgeEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NudgeEngine.class);

    /** With nothing due: how long to wait at most before looking again. */
    static final Duration IDLE_POLL = Duration.ofSeconds(1);

    /** With rows due whose workspaces have no free slot yet. */
    static final Duration PACED_POLL = Duration.ofMillis(100);

    /** Rows waiting here at most; past it the loop lets the lanes catch up before claiming more. */
    static final int MAX_OUTSTANDING = 50_000;

    private final String instanceId;
    private final Jdbi jdbi;
    private final Clock clock;
    private final Pace.Config pace;
    private final SentMarker marker;
    private final Lanes lanes;
    private final Releases releases;
    private final Delivery delivery;
    private final Claimer claimer;
    private final Thread loop;
    private volatile boolean running;

    public NudgeEngine(
            String instanceId,
            Jdbi jdbi,
            Clock clock,
            Pace.Config pace,
            NudgeContent content,
            Messenger messenger,
            ManagerService managers,
            NudgeMetrics metrics) {
        this.instanceId = instanceId;
        this.jdbi = jdbi;
        this.clock = clock;
        this.pace = pace;
        this.marker = new SentMarker(jdbi, instanceId, metrics);
        Stranded stranded = new Stranded(jdbi, instanceId);
        this.lanes = new Lanes(clock);
        this.releases = new Releases(jdbi, clock, instanceId, lanes, stranded, metrics);
        this.delivery =
                new Delivery(
                        jdbi,
                        clock,
                        instanceId,
                        pace,
                        messenger,
                        content,
                        marker,
                        stranded,
                        managers,
                        metrics,
                        releases);
        this.claimer =
                new Claimer(jdbi, clock, instanceId, pace, content, marker, stranded, metrics);
        this.loop = Threads.background("nudge-claims").newThread(this::run);
    }

    public String instanceId() {
        return instanceId;
    }

    /** Starts claiming on this instance's claim loop. */
    public void start() {
        running = true;
        loop.start();
    }

    /**
     * What one claim did: {@code claimed} rows went to the lanes (the sending goes on in the
     * background); {@code heldBack} when rows were left due that their workspace's pace gives a
     * slot soon.
     */
    public record Claim(int claimed, boolean heldBack) {}

    /** One claim: what is due now and has a slot goes to the lanes. */
    public Claim claimDue() {
        Claimer.Round round = claimer.claim(delivery.paused(clock.instant()));
        lanes.submit(
                round, delivery::send, job -> releases.giveBack(List.of(job), "shutting down"));
        return new Claim(round.toSend().size(), round.heldBack());
    }

    /**
     * Waits until every claimed row has been sent or put back, or {@code max}; then marks what was
     * sent. True when nothing was left under way.
     */
    public boolean awaitSent(Duration max) throws InterruptedException {
        boolean idle = lanes.awaitIdle(max);
        marker.flush();
        return idle;
    }

    /**
     * The poll strategy: right after a claim that found rows, claim again half a horizon later (the
     * slots taken reach a horizon ahead); with rows held back by their pace, soon; with nothing
     * due, when the next row falls due (so a wave starts on its minute), at most a second later.
     */
    private void run() {
        while (running) {
            try {
                if (lanes.outstanding() >= MAX_OUTSTANDING) {
                    sleep(PACED_POLL);
                    continue;
                }
                Claim claim = claimDue();
                if (claim.claimed() >= Claimer.MAX_ROWS) {
                    continue; // more is due than one claim takes
                } else if (claim.claimed() > 0) {
                    sleep(pace.horizon().dividedBy(2));
                } else if (claim.heldBack()) {
                    sleep(PACED_POLL);
                } else {
                    sleep(untilNextDue());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be gone for a while: log, and try again a second later.
                log.warn("Nudge claim failed: {}", e.toString());
                try {
                    sleep(IDLE_POLL);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    private Duration untilNextDue() {
        var now = clock.instant();
        Optional<Duration> untilNext =
                jdbi.withExtension(NudgeDao.class, NudgeDao::nextDue)
                        .map(
                                next ->
                                        next.isAfter(now)
                                                ? Duration.between(now, next)
                                                : Duration.ZERO);
        return untilNext.filter(d -> d.compareTo(IDLE_POLL) < 0).orElse(IDLE_POLL);
    }

    private static void sleep(Duration d) throws InterruptedException {
        Thread.sleep(Math.max(1, d.toMillis()));
    }

    /**
     * Stops claiming; rows waiting for their slot go back to the queue at once, sends under way get
     * a few seconds, and what was sent is marked (if the database answers).
     */
    @Override
    public void close() throws InterruptedException {
        running = false;
        loop.interrupt();
        if (loop.isAlive()) {
            loop.join(15_000);
        }
        releases.giveBack(lanes.recallAll(), "shutting down");
        awaitSent(Duration.ofSeconds(5)); // sends under way finish and are marked
        lanes.close();
        marker.close();
    }
}
