package com.bossreview.nudge;

import com.bossreview.agenda.AgendaService;
import com.bossreview.forecast.ForecastService;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerMapper;
import com.bossreview.manager.ManagerService;
import com.bossreview.news.NewsService;
import com.bossreview.review.ReviewState;
import com.bossreview.time.IsoWeek;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Claims due nudges ({@code FOR UPDATE SKIP LOCKED}), checks each is still relevant, sends it and
 * marks it sent, fenced on this dispatcher's claim. Several dispatchers, in one or several
 * processes, share the work without sending anything twice.
 *
 * <p>Slack's pace: workspaces are served in parallel, each workspace's nudges one after the other
 * (every nudge goes to a different DM channel, so Slack's one-message-per-second-per-channel rule is
 * not the limit); a {@code 429} pauses only that workspace for {@code Retry-After}.
 */
public final class Dispatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** A claim older than this belongs to a dispatcher that died: its rows go back to the queue. */
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Transient failures are retried with a backoff capped at {@link #MAX_BACKOFF}: about two hours in all. */
    static final int MAX_ATTEMPTS = 12;
    static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    /** A rejected token (rotation, reinstall) pauses the workspace instead of failing its nudges. */
    static final Set<String> TOKEN_TROUBLE = Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired");
    static final Duration TOKEN_PAUSE = Duration.ofMinutes(5);
    static final Duration SOCIAL_TIP_EVERY = Duration.ofDays(30);
    /** Slack errors meaning this person can no longer get our DMs: stop their nudges instead of retrying. */
    static final Set<String> USER_GONE = Set.of("user_not_found", "account_inactive", "user_disabled",
            "cannot_dm_bot", "channel_not_found", "is_archived", "user_is_restricted");

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
    private final ExecutorService senders;
    private final Map<String, Instant> pausedTeams = new ConcurrentHashMap<>();

    public Dispatcher(String instanceId, Jdbi jdbi, Clock clock, ManagerService managers, Relevance relevance,
                      Messenger messenger, NewsService news, ForecastService forecasts, AgendaService agendas,
                      NudgeMetrics metrics, int batchSize, int senderThreads) {
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
        this.senders = Executors.newFixedThreadPool(senderThreads, r -> {
            Thread t = new Thread(r, "nudge-sender");
            t.setDaemon(true);
            return t;
        });
    }

    /** One round: recover expired claims, claim a batch, send it. Returns how many rows were claimed. */
    public int dispatchDue() {
        Instant now = clock.instant();
        pausedTeams.values().removeIf(until -> !until.isAfter(now));
        String[] paused = pausedTeams.keySet().toArray(String[]::new);
        List<Nudge> batch = jdbi.inTransaction(h -> {
            NudgeDao dao = h.attach(NudgeDao.class);
            int recovered = dao.recoverExpired(now.minus(LEASE), MAX_ATTEMPTS);
            if (recovered > 0) {
                log.warn("{} nudges claimed by a vanished dispatcher were put back in the queue", recovered);
            }
            dao.heartbeat(instanceId, now);
            return dao.claim(instanceId, now, batchSize, paused);
        });
        if (batch.isEmpty()) {
            return 0;
        }
        // Everything the batch needs from the database, in a few statements for the whole batch rather
        // than several round trips per nudge (measured: that was the wave's bottleneck, BENCHMARKS.md).
        Batch b = prefetch(batch);
        List<Nudge> toSend = new ArrayList<>();
        List<Long> skippedIds = new ArrayList<>();
        List<String> skippedWhy = new ArrayList<>();
        for (Nudge n : batch) {
            Optional<Manager> m = Optional.ofNullable(b.managers.get(key(n.teamId(), n.userId())));
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
            jdbi.useExtension(NudgeDao.class, dao -> dao.markAllSkipped(
                    skippedIds.stream().mapToLong(Long::longValue).toArray(), skippedWhy.toArray(String[]::new), instanceId));
        }
        Set<String> tips = socialTipsDue(toSend, now);
        Map<String, List<Nudge>> byTeam = new LinkedHashMap<>();
        toSend.forEach(n -> byTeam.computeIfAbsent(n.teamId(), t -> new ArrayList<>()).add(n));
        List<Callable<Void>> work = new ArrayList<>();
        byTeam.values().forEach(nudges -> work.add(() -> {
            sendInOrder(nudges, b, tips);
            return null;
        }));
        try {
            for (Future<Void> f : senders.invokeAll(work)) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            log.error("A nudge sender failed; its rows go back to the queue when the lease expires", e.getCause());
        }
        return batch.size();
    }

    private static String key(String team, String user) {
        return team + '\u0000' + user;
    }

    /** A claimed batch's managers and this week's review states, read in one query each. */
    private static final class Batch {
        final Map<String, Manager> managers = new HashMap<>();
        final Map<String, ReviewState> weeks = new HashMap<>();

        Optional<ReviewState> week(Nudge n, Manager m) {
            IsoWeek w = NudgePeriods.week(n.basePeriod());
            return Optional.ofNullable(weeks.get(key(m.teamId(), m.userId()) + '\u0000' + w.year() + '-' + w.week()));
        }
    }

    private static boolean weekly(NudgeKind kind) {
        return kind == NudgeKind.BOOK_REVIEW || kind == NudgeKind.BOOK_REVIEW_FOLLOWUP
                || kind == NudgeKind.REVIEW_PREP || kind == NudgeKind.DID_IT_HAPPEN;
    }

    private Batch prefetch(List<Nudge> batch) {
        Batch b = new Batch();
        String[] teams = batch.stream().map(Nudge::teamId).toArray(String[]::new);
        String[] users = batch.stream().map(Nudge::userId).toArray(String[]::new);
        List<Nudge> weekly = batch.stream().filter(n -> weekly(n.kind())).toList();
        jdbi.useHandle(h -> {
            h.createQuery("""
                            SELECT m.* FROM manager m JOIN unnest(:teams, :users) AS k(t, u)
                            ON m.team_id = k.t AND m.user_id = k.u""")
                    .bind("teams", teams).bind("users", users).map(new ManagerMapper())
                    .forEach(m -> b.managers.put(key(m.teamId(), m.userId()), m));
            if (weekly.isEmpty()) {
                return;
            }
            int[] years = new int[weekly.size()];
            int[] weeks = new int[weekly.size()];
            for (int i = 0; i < weekly.size(); i++) {
                IsoWeek w = NudgePeriods.week(weekly.get(i).basePeriod());
                years[i] = w.year();
                weeks[i] = w.week();
            }
            h.createQuery("""
                            SELECT w.team_id, w.user_id, w.iso_year, w.iso_week, w.state FROM weekly_review w
                            JOIN unnest(:teams, :users, :years, :weeks) AS k(t, u, y, wk)
                            ON w.team_id = k.t AND w.user_id = k.u AND w.iso_year = k.y AND w.iso_week = k.wk""")
                    .bind("teams", weekly.stream().map(Nudge::teamId).toArray(String[]::new))
                    .bind("users", weekly.stream().map(Nudge::userId).toArray(String[]::new))
                    .bind("years", years).bind("weeks", weeks)
                    .map((rs, ctx) -> Map.entry(key(rs.getString(1), rs.getString(2)) + '\u0000' + rs.getInt(3) + '-'
                            + rs.getInt(4), ReviewState.valueOf(rs.getString(5))))
                    .forEach(e -> b.weeks.put(e.getKey(), e.getValue()));
        });
        return b;
    }

    /**
     * Takes this month's socialising tip, in one statement, for every manager of the batch about to
     * get a booking nudge who has not had one for a month; returns their keys.
     */
    private Set<String> socialTipsDue(List<Nudge> toSend, Instant now) {
        List<Nudge> booking = toSend.stream().filter(n -> n.kind() == NudgeKind.BOOK_REVIEW).toList();
        if (booking.isEmpty()) {
            return Set.of();
        }
        Set<String> due = new HashSet<>();
        jdbi.useHandle(h -> h.createQuery("""
                        UPDATE manager SET social_tip_at = :now FROM unnest(:teams, :users) AS k(t, u)
                        WHERE team_id = k.t AND user_id = k.u
                        AND (social_tip_at IS NULL OR social_tip_at < :monthAgo)
                        RETURNING team_id, user_id""")
                .bind("now", now).bind("monthAgo", now.minus(SOCIAL_TIP_EVERY))
                .bind("teams", booking.stream().map(Nudge::teamId).toArray(String[]::new))
                .bind("users", booking.stream().map(Nudge::userId).toArray(String[]::new))
                .map((rs, ctx) -> key(rs.getString(1), rs.getString(2))).forEach(due::add));
        return due;
    }

    /** Dispatches until nothing is due (for tests and catch-up); returns the rows handled. */
    public int drain() {
        int total = 0;
        int n;
        while ((n = dispatchDue()) > 0) {
            total += n;
        }
        return total;
    }

    /**
     * One workspace's nudges, one after the other; when Slack rate-limits the workspace, the rest go
     * back to the queue in one statement, due when Slack said to come back. Sent rows are marked in
     * small groups ({@link #MARK_EVERY}): a crash between Slack's answer and that commit re-sends at most
     * those (counted as possible duplicates).
     */
    private void sendInOrder(List<Nudge> claimed, Batch b, Set<String> tips) {
        List<Nudge> nudges = claimed;
        Instant claimedAt = clock.instant();
        Sent sent = new Sent();
        try {
            for (int i = 0; i < nudges.size(); i++) {
                Instant pausedUntil = pausedTeams.get(nudges.get(i).teamId());
                if (pausedUntil != null && pausedUntil.isAfter(clock.instant())) {
                    long[] rest = nudges.subList(i, nudges.size()).stream().mapToLong(Nudge::id).toArray();
                    jdbi.onDemand(NudgeDao.class).releaseAll(rest, instanceId, pausedUntil);
                    for (int k = i; k < nudges.size(); k++) {
                        metrics.retried();
                    }
                    return;
                }
                if (Duration.between(claimedAt, clock.instant()).compareTo(LEASE.dividedBy(2)) > 0) {
                    // A slow Slack: renew the claim on what is left, and drop rows another dispatcher took over.
                    sent.flush();
                    claimedAt = clock.instant();
                    nudges = renew(nudges.subList(i, nudges.size()), claimedAt);
                    i = -1;
                    continue;
                }
                Nudge n = nudges.get(i);
                try {
                    process(n, b.managers.get(key(n.teamId(), n.userId())), tips.contains(key(n.teamId(), n.userId())), sent);
                } catch (RuntimeException e) {
                    // A database hiccup or an unreadable answer: this row goes back to the queue, the others go on.
                    log.warn("Nudge {} for {}/{} could not be processed: {}", n.id(), n.teamId(), n.userId(), e.toString());
                    releaseQuietly(n, e);
                }
                if (sent.ids.size() >= MARK_EVERY) {
                    sent.flush();
                }
            }
        } finally {
            sent.flush();
        }
    }

    /** Keeps the rows still this dispatcher's, with a fresh claim time. */
    private List<Nudge> renew(List<Nudge> rest, Instant now) {
        long[] ids = rest.stream().mapToLong(Nudge::id).toArray();
        Set<Long> kept = new HashSet<>(jdbi.withExtension(NudgeDao.class, dao -> dao.renewAll(ids, instanceId, now)));
        List<Nudge> mine = rest.stream().filter(n -> kept.contains(n.id())).toList();
        if (mine.size() < rest.size()) {
            log.warn("{} nudges were taken over by another dispatcher after a slow batch; not sent from here",
                    rest.size() - mine.size());
        }
        return mine;
    }

    private void releaseQuietly(Nudge n, RuntimeException cause) {
        try {
            jdbi.onDemand(NudgeDao.class).release(n.id(), instanceId, clock.instant().plus(backoff(n)),
                    cause.getClass().getSimpleName(), true);
            metrics.retried();
        } catch (RuntimeException again) {
            log.warn("Nudge {} stays claimed until its lease expires: {}", n.id(), again.toString());
        }
    }

    private static Duration backoff(Nudge n) {
        Duration d = Duration.ofSeconds(5L << Math.min(Math.max(n.attempts() - 1, 0), 8)); // 5 s, 10 s, 20 s…
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** How many sent rows a sender marks in one statement. */
    static final int MARK_EVERY = 10;

    /** Sent but not yet marked. */
    private final class Sent {
        final List<Nudge> ids = new ArrayList<>();
        final List<String> ts = new ArrayList<>();
        final List<Instant> at = new ArrayList<>();

        void add(Nudge n, String messageTs, Instant sentAt) {
            ids.add(n);
            ts.add(messageTs);
            at.add(sentAt);
        }

        void flush() {
            if (ids.isEmpty()) {
                return;
            }
            long[] idArray = ids.stream().mapToLong(Nudge::id).toArray();
            List<Long> marked = jdbi.withExtension(NudgeDao.class, dao -> dao.markAllSent(idArray,
                    ts.toArray(String[]::new), at.stream().mapToLong(Instant::toEpochMilli).toArray(), instanceId));
            Set<Long> markedIds = new HashSet<>(marked);
            for (int i = 0; i < ids.size(); i++) {
                Nudge n = ids.get(i);
                if (!markedIds.contains(n.id())) {
                    log.warn("Nudge {} was sent but its claim had expired: counted as a possible duplicate", n.id());
                    metrics.possibleDuplicate();
                }
                metrics.sent(Duration.between(n.dueAt(), at.get(i)));
            }
            ids.clear();
            ts.clear();
            at.clear();
        }
    }

    private void process(Nudge n, Manager manager, boolean socialTip, Sent sent) {
        Instant now = clock.instant();
        NudgeDao dao = jdbi.onDemand(NudgeDao.class);
        NudgeViews.Message message = NudgeViews.render(n, manager, extras(n, manager, now, socialTip), now);
        try {
            String ts = messenger.dm(n.teamId(), n.userId(), message.text(), message.blocks());
            sent.add(n, ts, clock.instant());
        } catch (SlackCallException e) {
            failed(dao, n, e, now);
        }
    }

    private void failed(NudgeDao dao, Nudge n, SlackCallException e, Instant now) {
        if (e.rateLimited()) {
            Instant until = now.plus(e.retryAfter().orElse(Duration.ofSeconds(30)));
            pausedTeams.merge(n.teamId(), until, (a, b) -> a.isAfter(b) ? a : b);
            dao.release(n.id(), instanceId, until, "ratelimited", false);
            metrics.retried();
        } else if (TOKEN_TROUBLE.contains(e.error())) {
            Instant until = now.plus(TOKEN_PAUSE);
            pausedTeams.merge(n.teamId(), until, (a, b) -> a.isAfter(b) ? a : b);
            dao.release(n.id(), instanceId, until, e.error(), false);
            metrics.retried();
            log.error("Slack rejects the bot token of workspace {} ({}): its nudges wait {} min", n.teamId(), e.error(),
                    TOKEN_PAUSE.toMinutes());
        } else if (e.transientFailure() && n.attempts() < MAX_ATTEMPTS) {
            Duration backoff = backoff(n);
            dao.release(n.id(), instanceId, now.plus(backoff), e.error(), true);
            metrics.retried();
            log.info("Nudge {} for {}/{}: Slack answered {}; retrying in {}s", n.id(), n.teamId(), n.userId(),
                    e.error(), backoff.toSeconds());
        } else if (USER_GONE.contains(e.error())) {
            dao.markFailed(n.id(), instanceId, e.error());
            int stopped = dao.skipAllPending(n.teamId(), n.userId(), "slack account gone: " + e.error());
            managers.update(n.teamId(), n.userId(), d -> d.setNudgesEnabled(n.teamId(), n.userId(), false));
            metrics.failed();
            log.warn("Stopped nudges for {}/{}: Slack says {} ({} pending skipped)", n.teamId(), n.userId(), e.error(), stopped);
        } else {
            dao.markFailed(n.id(), instanceId, e.error());
            metrics.failed();
            log.warn("Nudge {} for {}/{} failed for good after {} attempts: {}", n.id(), n.teamId(), n.userId(),
                    n.attempts(), e.error());
        }
    }

    private NudgeViews.Extras extras(Nudge n, Manager m, Instant now, boolean socialTip) {
        var quarter = forecasts.currentQuarter(m);
        return new NudgeViews.Extras(
                n.refId().flatMap(id -> news.find(n.teamId(), n.userId(), id)),
                n.kind() == NudgeKind.REVIEW_PREP ? Optional.of(agendas.build(m)) : Optional.empty(),
                quarter, quarter.daysLeft(m.today(now)), socialTip);
    }

    public String instanceId() {
        return instanceId;
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
