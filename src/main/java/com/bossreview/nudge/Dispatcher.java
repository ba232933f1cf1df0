package com.bossreview.nudge;

import com.bossreview.agenda.AgendaService;
import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.manager.ManagerKey;
import com.bossreview.manager.ManagerService;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewDao;
import com.bossreview.review.ReviewState;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import com.bossreview.slack.SlackError;
import com.bossreview.time.IsoWeek;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due nudges ({@code FOR UPDATE SKIP LOCKED}), checks each is still relevant, sends it and
 * marks it sent, fenced on this dispatcher's claim. Several dispatchers, in one or several
 * processes, share the work without sending anything twice.
 *
 * <p>Slack's pace: workspaces are served in parallel, each workspace's nudges one after the other
 * (every nudge goes to a different DM channel, so Slack's one-message-per-second-per-channel rule
 * is not the limit); a {@code 429} pauses only that workspace for {@code Retry-After}, on every
 * instance.
 *
 * <p>Claiming does not wait for a batch to finish: a workspace whose nudges are being sent is left
 * out of the next claim, and the claim loop runs again whenever a sender frees up, so one slow or
 * hanging workspace holds back only itself. Sent rows are marked by a background marker every
 * {@link #MARK_WITHIN}: a crash re-sends at most what was sent in that window (counted, see {@link
 * Nudge#maybeSent()}); if the database is away, the marks wait in memory and are retried.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** A claim older than this belongs to a dispatcher that died: its rows go back to the queue. */
    static final Duration LEASE = Duration.ofMinutes(2);

    /**
     * Transient failures (5xx, timeouts, Slack unreachable) are retried after 1 s, 2 s, 4 s… capped
     * at {@link #MAX_BACKOFF}: 30 attempts cover about two hours of Slack trouble.
     */
    static final int MAX_ATTEMPTS = 30;

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    static final Duration TOKEN_PAUSE = Duration.ofMinutes(5);
    static final Duration SOCIAL_TIP_EVERY = Duration.ofDays(30);

    /**
     * Expired claims are looked for, and the heartbeat written, at most this often (not on every
     * claim).
     */
    static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(1);

    /**
     * Sent rows are marked within this time: the window in which a crash makes a nudge go out
     * twice.
     */
    static final Duration MARK_WITHIN = Duration.ofMillis(100);

    private final String instanceId;
    private final Jdbi jdbi;
    private final Clock clock;
    private final ManagerService managers;
    private final Relevance relevance;
    private final Messenger messenger;
    private final NewsService news;
    private final ForecastService forecasts;
    private final AgendaService agendas;
    private final NudgeMetrics metrics;
    private final int batchSize;
    private final int senderThreads;
    private final ExecutorService senders;
    private final Map<String, Instant> pausedTeams = new ConcurrentHashMap<>();

    /** Workspaces with a sender working on them: left out of claims until it is done. */
    private final Set<String> busyTeams = ConcurrentHashMap.newKeySet();

    /** Transient failures in a row per workspace since its last successful send. */
    private final Map<String, Integer> teamFailures = new ConcurrentHashMap<>();

    private final AtomicInteger inFlight = new AtomicInteger();

    /** Released whenever a workspace's sender finishes: the claim loop may have work again. */
    private final Semaphore changed = new Semaphore(0);

    private final Marker marker = new Marker();
    private final ScheduledExecutorService markerTimer;
    private volatile Instant lastHousekeeping = Instant.MIN;

    public Dispatcher(
            String instanceId,
            Jdbi jdbi,
            Clock clock,
            ManagerService managers,
            Relevance relevance,
            Messenger messenger,
            NewsService news,
            ForecastService forecasts,
            AgendaService agendas,
            NudgeMetrics metrics,
            int batchSize,
            int senderThreads) {
        this.instanceId = instanceId;
        this.jdbi = jdbi;
        this.clock = clock;
        this.managers = managers;
        this.relevance = relevance;
        this.messenger = messenger;
        this.news = news;
        this.forecasts = forecasts;
        this.agendas = agendas;
        this.metrics = metrics;
        this.batchSize = batchSize;
        this.senderThreads = senderThreads;
        this.senders = Executors.newFixedThreadPool(senderThreads, daemon("nudge-sender"));
        this.markerTimer = Executors.newSingleThreadScheduledExecutor(daemon("nudge-marker"));
        markerTimer.scheduleWithFixedDelay(
                marker::flushQuietly,
                MARK_WITHIN.toMillis(),
                MARK_WITHIN.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /**
     * Threads whose queries use the background pool, never the connections Slack's requests wait
     * for.
     */
    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(com.bossreview.db.BackgroundWork.wrap(r), name);
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * One claim: recover expired claims (at most every {@link #HOUSEKEEPING_EVERY}), claim due rows
     * of workspaces no sender is busy with, check them, and hand each workspace's rows to a sender.
     * Returns at once with how many rows were claimed; the sending goes on in the background.
     */
    public int dispatchDue() {
        // Microseconds, as PostgreSQL stores it: a failed claim's rows are found again by this
        // exact time.
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        pausedTeams.values().removeIf(until -> !until.isAfter(now));
        Set<String> blocked = new HashSet<>(pausedTeams.keySet());
        blocked.addAll(busyTeams);
        boolean housekeeping =
                !now.isBefore(lastHousekeeping.plus(HOUSEKEEPING_EVERY))
                        || now.isBefore(lastHousekeeping);
        if (housekeeping) {
            // Marks first: a row sent but not yet marked must not be taken for an expired claim
            // below.
            marker.flush();
            releaseStranded();
        }
        List<Nudge> batch;
        try {
            batch = claim(now, housekeeping, blocked);
        } catch (RuntimeException e) {
            // The commit may have reached the server before the connection broke (seen with pg_ctl
            // stop):
            // rows this claim took are handed to nobody. They carry this claim's time; free them
            // later.
            failedClaims.add(now);
            throw e;
        }
        if (housekeeping) {
            lastHousekeeping = now;
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            return handOut(batch, now);
        } catch (RuntimeException e) {
            // The database went away between the claim and the hand-out: nothing of this batch was
            // sent.
            // Give the rows back as soon as it answers again instead of leaving them to the lease.
            batch.forEach(n -> orphan(n.id(), now, false));
            throw e;
        }
    }

    private List<Nudge> claim(Instant now, boolean housekeeping, Set<String> blocked) {
        return jdbi.inTransaction(
                h -> {
                    NudgeDao dao = h.attach(NudgeDao.class);
                    if (housekeeping) {
                        int recovered = dao.recoverExpired(now.minus(LEASE), MAX_ATTEMPTS);
                        if (recovered > 0) {
                            log.warn(
                                    "{} nudges claimed by a vanished dispatcher were put back in the queue",
                                    recovered);
                        }
                        dao.heartbeat(instanceId, now);
                    }
                    // RETURNING has no order: oldest first, so each workspace's sender starts with
                    // its most overdue.
                    List<Nudge> claimed =
                            new ArrayList<>(
                                    dao.claim(
                                            instanceId,
                                            now,
                                            batchSize,
                                            blocked.toArray(String[]::new)));
                    claimed.sort(
                            java.util.Comparator.comparing(Nudge::dueAt)
                                    .thenComparingLong(Nudge::id));
                    return claimed;
                });
    }

    /**
     * Checks a claimed batch and gives each workspace's rows to a sender; returns the batch size.
     */
    private int handOut(List<Nudge> batch, Instant now) {
        // Everything the batch needs from the database, in a few statements for the whole batch
        // rather
        // than several round trips per nudge (measured: that was the wave's bottleneck,
        // BENCHMARKS.md).
        Batch b = prefetch(batch);
        List<Nudge> toSend = new ArrayList<>();
        List<Long> skippedIds = new ArrayList<>();
        List<String> skippedWhy = new ArrayList<>();
        for (Nudge n : batch) {
            Optional<Manager> m = Optional.ofNullable(b.managers.get(n.manager()));
            Optional<Relevance.Skip> skip = relevance.check(n, m, now, b::week);
            if (skip.isPresent()) {
                skippedIds.add(n.id());
                skippedWhy.add(skip.get().reason());
                metrics.skipped(skip.get().reason());
            } else {
                toSend.add(n);
            }
        }
        if (!skippedIds.isEmpty()) {
            jdbi.useExtension(
                    NudgeDao.class,
                    dao ->
                            dao.markAllSkipped(
                                    skippedIds.stream().mapToLong(Long::longValue).toArray(),
                                    skippedWhy.toArray(String[]::new),
                                    instanceId));
        }
        Set<ManagerKey> tips = socialTipsDue(toSend, now);
        Map<String, List<Nudge>> byTeam = new LinkedHashMap<>();
        toSend.forEach(n -> byTeam.computeIfAbsent(n.teamId(), t -> new ArrayList<>()).add(n));
        byTeam.forEach(
                (team, nudges) -> {
                    busyTeams.add(team);
                    inFlight.incrementAndGet();
                    try {
                        senders.execute(
                                () -> {
                                    try {
                                        sendInOrder(nudges, b, tips, now);
                                    } catch (RuntimeException e) {
                                        log.error(
                                                "A nudge sender failed; its rows go back to the queue when the lease expires",
                                                e);
                                    } finally {
                                        done(team);
                                    }
                                });
                    } catch (RejectedExecutionException e) {
                        done(team); // closing: the rows go back to the queue when the lease expires
                    }
                });
        return batch.size();
    }

    /**
     * Rows this instance claimed and is sure it did not send, but could not give back because the
     * database was away; released on the next housekeeping that reaches the database.
     */
    private final Map<Long, Instant> orphans =
            new ConcurrentHashMap<>(); // id → the claim time it was taken with

    /** Those of {@link #orphans} whose failed call may have reached Slack (a timeout). */
    private final Set<Long> maybeSentOrphans = ConcurrentHashMap.newKeySet();

    private volatile boolean closing;

    /**
     * A row to give back once the database answers. Released only if it still carries the claim it
     * was orphaned with: if its release did reach the database after all and this instance has
     * claimed it again since, that newer claim is left alone.
     */
    private void orphan(long id, Instant claimedAt, boolean maybeSent) {
        if (maybeSent) {
            maybeSentOrphans.add(id);
        }
        orphans.put(id, claimedAt);
    }

    private static long micros(Instant t) {
        return java.time.temporal.ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    /**
     * The times of claims whose transaction failed: what they took, if anything, was handed to
     * nobody.
     */
    private final Set<Instant> failedClaims = ConcurrentHashMap.newKeySet();

    private void releaseStranded() {
        if (orphans.isEmpty() && failedClaims.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Instant>> taken = List.copyOf(orphans.entrySet());
        long[] ids = taken.stream().mapToLong(Map.Entry::getKey).toArray();
        long[] at = taken.stream().mapToLong(e -> micros(e.getValue())).toArray();
        long[] maybe = maybeSentOrphans.stream().mapToLong(Long::longValue).toArray();
        List<Instant> claimTimes = List.copyOf(failedClaims);
        int released =
                jdbi.withExtension(
                        NudgeDao.class,
                        dao ->
                                dao.releaseUnsent(ids, at, maybe, instanceId)
                                        + dao.releaseClaimedAt(
                                                claimTimes.stream()
                                                        .mapToLong(Dispatcher::micros)
                                                        .toArray(),
                                                instanceId));
        taken.forEach(e -> orphans.remove(e.getKey(), e.getValue()));
        maybeSentOrphans.removeAll(java.util.Arrays.stream(maybe).boxed().toList());
        claimTimes.forEach(failedClaims::remove);
        if (released > 0) {
            log.info(
                    "{} claimed nudges not sent while the database was away went back to the queue",
                    released);
        }
    }

    private void done(String team) {
        busyTeams.remove(team);
        inFlight.decrementAndGet();
        changed.release();
    }

    /** Whether every sender has work (no point claiming more now). */
    boolean saturated() {
        return inFlight.get() >= senderThreads;
    }

    /**
     * After a claim found nothing: waits until the next row falls due (so a wave starts on its
     * minute, not up to a poll later), a workspace's sender finishes, or {@code max}.
     */
    void awaitWork(Duration max) throws InterruptedException {
        Instant now = clock.instant();
        Duration wait =
                jdbi.withExtension(NudgeDao.class, NudgeDao::nextDue)
                        .filter(next -> next.isAfter(now))
                        .map(next -> Duration.between(now, next))
                        .filter(untilNext -> untilNext.compareTo(max) < 0)
                        .orElse(max);
        awaitChange(wait);
    }

    /** Waits until a workspace's sender finishes, or {@code max}. */
    void awaitChange(Duration max) throws InterruptedException {
        if (changed.tryAcquire(max.toMillis(), TimeUnit.MILLISECONDS)) {
            changed.drainPermits();
        }
    }

    /** A claimed batch's managers and this week's review states, read in one query each. */
    private static final class Batch {
        final Map<ManagerKey, Manager> managers = new HashMap<>();
        final Map<ManagerWeek, ReviewState> weeks = new HashMap<>();

        Optional<ReviewState> week(Nudge n, Manager m) {
            return Optional.ofNullable(weeks.get(new ManagerWeek(ManagerKey.of(m), n.week())));
        }
    }

    private record ManagerWeek(ManagerKey manager, IsoWeek week) {}

    private Batch prefetch(List<Nudge> batch) {
        Batch b = new Batch();
        String[] teams = batch.stream().map(Nudge::teamId).toArray(String[]::new);
        String[] users = batch.stream().map(Nudge::userId).toArray(String[]::new);
        List<Nudge> weekly = batch.stream().filter(n -> n.kind().weekly()).toList();
        jdbi.useHandle(
                h -> {
                    h.attach(ManagerDao.class)
                            .findAll(teams, users)
                            .forEach(m -> b.managers.put(ManagerKey.of(m), m));
                    if (weekly.isEmpty()) {
                        return;
                    }
                    int[] years = new int[weekly.size()];
                    int[] weeks = new int[weekly.size()];
                    for (int i = 0; i < weekly.size(); i++) {
                        IsoWeek w = weekly.get(i).week();
                        years[i] = w.year();
                        weeks[i] = w.week();
                    }
                    h.attach(ReviewDao.class)
                            .states(
                                    weekly.stream().map(Nudge::teamId).toArray(String[]::new),
                                    weekly.stream().map(Nudge::userId).toArray(String[]::new),
                                    years,
                                    weeks)
                            .forEach(
                                    w ->
                                            b.weeks.put(
                                                    new ManagerWeek(
                                                            new ManagerKey(w.teamId(), w.userId()),
                                                            new IsoWeek(w.isoYear(), w.isoWeek())),
                                                    w.state()));
                });
        return b;
    }

    /**
     * Takes this month's socialising tip, in one statement, for every manager of the batch about to
     * get a booking nudge who has not had one for a month; returns their keys.
     */
    private Set<ManagerKey> socialTipsDue(List<Nudge> toSend, Instant now) {
        List<Nudge> booking =
                toSend.stream().filter(n -> n.kind() == NudgeKind.BOOK_REVIEW).toList();
        if (booking.isEmpty()) {
            return Set.of();
        }
        Set<ManagerKey> due = new HashSet<>();
        jdbi.withExtension(
                        ManagerDao.class,
                        dao ->
                                dao.takeSocialTips(
                                        booking.stream().map(Nudge::teamId).toArray(String[]::new),
                                        booking.stream().map(Nudge::userId).toArray(String[]::new),
                                        now,
                                        now.minus(SOCIAL_TIP_EVERY)))
                .forEach(k -> due.add(new ManagerKey(k.teamId(), k.userId())));
        return due;
    }

    /**
     * Dispatches until nothing is due and every sender is done, then marks what was sent; returns
     * the rows handled (for tests and catch-up).
     */
    public int drain() {
        int total = 0;
        while (true) {
            boolean idleBefore = inFlight.get() == 0;
            int n = dispatchDue();
            total += n;
            if (n == 0 && idleBefore) {
                break; // nobody busy, so the claim looked at every due row: nothing is left
            }
            if (n == 0) {
                try {
                    awaitChange(Duration.ofMillis(50));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        marker.flush();
        return total;
    }

    /**
     * One workspace's nudges, one after the other; when Slack rate-limits the workspace, the rest
     * go back to the queue in one statement, due when Slack said to come back.
     */
    private void sendInOrder(
            List<Nudge> claimed, Batch b, Set<ManagerKey> tips, Instant claimedAt) {
        List<Nudge> nudges = claimed;
        for (int i = 0; i < nudges.size(); i++) {
            if (closing) {
                // Shutting down: what this sender has not sent goes back to the queue at once.
                long[] rest =
                        nudges.subList(i, nudges.size()).stream().mapToLong(Nudge::id).toArray();
                long[] restAt = new long[rest.length];
                java.util.Arrays.fill(restAt, micros(claimedAt));
                try {
                    jdbi.useExtension(
                            NudgeDao.class,
                            dao -> dao.releaseUnsent(rest, restAt, new long[0], instanceId));
                } catch (RuntimeException e) {
                    log.warn(
                            "{} claimed nudges wait for the lease after shutdown: {}",
                            rest.length,
                            e.toString());
                }
                return;
            }
            Instant pausedUntil = pausedTeams.get(nudges.get(i).teamId());
            if (pausedUntil != null && pausedUntil.isAfter(clock.instant())) {
                long[] rest =
                        nudges.subList(i, nudges.size()).stream().mapToLong(Nudge::id).toArray();
                try {
                    jdbi.onDemand(NudgeDao.class).releaseAll(rest, instanceId, pausedUntil);
                } catch (RuntimeException e) {
                    Instant at = claimedAt;
                    java.util.Arrays.stream(rest).forEach(id -> orphan(id, at, false));
                    throw e;
                }
                for (int k = i; k < nudges.size(); k++) {
                    metrics.retried();
                }
                return;
            }
            if (Duration.between(claimedAt, clock.instant()).compareTo(LEASE.dividedBy(2)) > 0) {
                // A slow Slack: renew the claim on what is left, and drop rows another dispatcher
                // took over.
                claimedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
                nudges = renew(nudges.subList(i, nudges.size()), claimedAt);
                i = -1;
                continue;
            }
            Nudge n = nudges.get(i);
            try {
                process(n, b.managers.get(n.manager()), tips.contains(n.manager()), claimedAt);
            } catch (RuntimeException e) {
                // A database hiccup or an unreadable answer: this row goes back to the queue, the
                // others go on.
                log.warn(
                        "Nudge {} for {}/{} could not be processed: {}",
                        n.id(),
                        n.teamId(),
                        n.userId(),
                        e.toString());
                releaseQuietly(n, e, claimedAt);
            }
        }
    }

    /** Keeps the rows still this dispatcher's, with a fresh claim time. */
    private List<Nudge> renew(List<Nudge> rest, Instant now) {
        long[] ids = rest.stream().mapToLong(Nudge::id).toArray();
        Set<Long> kept =
                new HashSet<>(
                        jdbi.withExtension(
                                NudgeDao.class, dao -> dao.renewAll(ids, instanceId, now)));
        List<Nudge> mine = rest.stream().filter(n -> kept.contains(n.id())).toList();
        if (mine.size() < rest.size()) {
            log.warn(
                    "{} nudges were taken over by another dispatcher after a slow batch; not sent from here",
                    rest.size() - mine.size());
        }
        return mine;
    }

    private void releaseQuietly(Nudge n, RuntimeException cause, Instant claimedAt) {
        try {
            jdbi.onDemand(NudgeDao.class)
                    .release(
                            n.id(),
                            instanceId,
                            clock.instant().plus(backoff(n.attempts())),
                            cause.getClass().getSimpleName(),
                            true,
                            false);
            metrics.retried();
        } catch (RuntimeException again) {
            orphan(n.id(), claimedAt, false);
            log.warn(
                    "Nudge {} goes back to the queue when the database answers again: {}",
                    n.id(),
                    again.toString());
        }
    }

    /**
     * 1 s, 2 s, 4 s… after the first, second, third failure, capped at {@link #MAX_BACKOFF}, less
     * up to 20 % at random so that the rows a Slack outage failed together do not all come back in
     * the same second.
     */
    static Duration backoff(int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 20);
        long millis = Math.min(FIRST_RETRY.toMillis() << doublings, MAX_BACKOFF.toMillis());
        double jitter = 0.8 + 0.2 * java.util.concurrent.ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (millis * jitter));
    }

    /** A sent row waiting to be marked. */
    private record SentRow(Nudge nudge, String ts, Instant at) {}

    /**
     * Marks sent rows in one fenced statement every {@link #MARK_WITHIN}, for all senders. When the
     * database is away the rows stay here and the next flush tries again, so a PostgreSQL restart
     * that ends before the row's claim expires (2 min from the claim, renewed past half of it)
     * loses no mark; this process flushes before it looks for expired claims. Past that, another
     * instance may send the row again: counted as a possible duplicate.
     */
    private final class Marker {
        private final ConcurrentLinkedQueue<SentRow> queue = new ConcurrentLinkedQueue<>();
        private final List<SentRow> waiting = new ArrayList<>(); // guarded by this
        private volatile Instant lastFailureLogged = Instant.MIN;

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
         * Marks everything sent so far; throws (keeping the rows) when the database does not
         * answer.
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
                                    NudgeDao.class,
                                    dao -> dao.markAllSent(ids, ts, at, instanceId)));
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
    }

    private void process(Nudge n, Manager manager, boolean socialTip, Instant claimedAt) {
        Instant now = clock.instant();
        NudgeViews.Message message =
                NudgeViews.render(n, manager, extras(n, manager, now, socialTip), now);
        try {
            String ts = messenger.dm(n.teamId(), n.userId(), message.text(), message.blocks());
            marker.add(n, ts, clock.instant());
            teamFailures.remove(n.teamId());
        } catch (SlackCallException e) {
            try {
                failed(jdbi.onDemand(NudgeDao.class), n, e, now);
            } catch (RuntimeException databaseAway) {
                orphan(n.id(), claimedAt, e.mayHaveReachedSlack());
                log.warn(
                        "Nudge {} ({}) goes back to the queue when the database answers again: {}",
                        n.id(),
                        e.error(),
                        databaseAway.toString());
            }
        }
    }

    /**
     * Pauses a workspace here; for a {@code 429} ({@code everywhere}) also defers its pending rows
     * in the database so that every instance waits. Only for Slack's short Retry-After: moving
     * {@code due_at} by minutes would hide how late a nudge is from {@link Relevance}.
     */
    private void pause(String team, Instant until, boolean everywhere) {
        pausedTeams.merge(team, until, (a, b) -> a.isAfter(b) ? a : b);
        if (everywhere) {
            jdbi.useExtension(NudgeDao.class, dao -> dao.deferTeam(team, until));
        }
    }

    private void failed(NudgeDao dao, Nudge n, SlackCallException e, Instant now) {
        if (e.rateLimited()) {
            Instant until = now.plus(e.retryAfter().orElse(Duration.ofSeconds(30)));
            dao.release(n.id(), instanceId, until, "ratelimited", false, false);
            pause(
                    n.teamId(),
                    until,
                    e.retryAfter().map(d -> d.compareTo(Duration.ofMinutes(1)) <= 0).orElse(false));
            metrics.retried();
        } else if (e.slackError().kind() == SlackError.Kind.TOKEN) {
            // A rejected token (rotation, reinstall), or one this instance cannot open (a key
            // rotation rolling
            // out): the workspace pauses instead of failing its nudges.
            Instant until = now.plus(TOKEN_PAUSE);
            dao.release(n.id(), instanceId, until, e.error(), false, false);
            pause(n.teamId(), until, false);
            metrics.retried();
            log.error(
                    "Slack rejects the bot token of workspace {} ({}): its nudges wait {} min",
                    n.teamId(),
                    e.error(),
                    TOKEN_PAUSE.toMinutes());
        } else if (e.transientFailure() && n.attempts() < MAX_ATTEMPTS) {
            // Backs off as the workspace keeps failing, not as this row does: when Slack answers
            // the
            // workspace's other calls, a row that drew an odd 500 is retried within seconds; in an
            // outage every call fails and the waits grow to the cap.
            int streak = teamFailures.merge(n.teamId(), 1, Integer::sum);
            Duration backoff = backoff(Math.min(streak, n.attempts()));
            dao.release(
                    n.id(),
                    instanceId,
                    now.plus(backoff),
                    e.error(),
                    true,
                    e.mayHaveReachedSlack());
            metrics.retried();
            log.info(
                    "Nudge {} for {}/{}: Slack answered {}; retrying in {} ms",
                    n.id(),
                    n.teamId(),
                    n.userId(),
                    e.error(),
                    backoff.toMillis());
        } else if (e.slackError().kind() == SlackError.Kind.USER_GONE) {
            dao.markFailed(n.id(), instanceId, e.error());
            int stopped =
                    dao.skipAllPending(n.teamId(), n.userId(), "slack account gone: " + e.error());
            managers.update(
                    n.teamId(), n.userId(), d -> d.setNudgesEnabled(n.teamId(), n.userId(), false));
            metrics.failed();
            log.warn(
                    "Stopped nudges for {}/{}: Slack says {} ({} pending skipped)",
                    n.teamId(),
                    n.userId(),
                    e.error(),
                    stopped);
        } else {
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

    private NudgeViews.Extras extras(Nudge n, Manager m, Instant now, boolean socialTip) {
        var quarter = forecasts.currentQuarter(m);
        boolean aboutNews = n.kind() == NudgeKind.BAD_NEWS || n.kind() == NudgeKind.GOOD_NEWS;
        boolean aboutForecast =
                n.kind() == NudgeKind.FORECAST || n.kind() == NudgeKind.FORECAST_DOWNGRADE;
        return new NudgeViews.Extras(
                aboutNews
                        ? n.refId().flatMap(id -> news.find(n.teamId(), n.userId(), id))
                        : Optional.empty(),
                n.kind() == NudgeKind.REVIEW_PREP
                        ? Optional.of(agendas.build(m))
                        : Optional.empty(),
                aboutForecast ? forecasts.current(m) : Optional.empty(),
                quarter,
                quarter.daysLeft(m.today(now)),
                socialTip);
    }

    public String instanceId() {
        return instanceId;
    }

    /** Stops sending; what was sent is marked before returning (if the database answers). */
    @Override
    public void close() {
        closing = true;
        senders.shutdown();
        try {
            if (!senders.awaitTermination(5, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (InterruptedException e) {
            senders.shutdownNow();
            Thread.currentThread().interrupt();
        }
        markerTimer.shutdownNow();
        marker.flushQuietly();
    }
}
