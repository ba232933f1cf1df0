package com.bossreview.nudge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lock-and-fetch step: in one transaction, gives expired claims back (at most every {@link
 * #HOUSEKEEPING_EVERY}), takes each due workspace's free slots from its shared {@link Pace}, and
 * claims that many of its oldest due rows ({@code FOR UPDATE SKIP LOCKED}); then drops the rows
 * that no longer need sending. Several instances claim side by side without taking a row or a slot
 * twice.
 */
final class Claimer {
    private static final Logger log = LoggerFactory.getLogger(Claimer.class);

    /** A claim older than this belongs to an instance that died: its rows go back to the queue. */
    static final Duration LEASE = Duration.ofMinutes(2);

    static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(1);

    /** Workspaces served in one claim, most overdue first. */
    static final int MAX_TEAMS = 10_000;

    /**
     * Rows taken in one claim at most: a claim stays a short transaction, and instances claiming
     * side by side each get a share. A full claim is followed by the next at once.
     */
    static final int MAX_ROWS = 1_000;

    /**
     * A claimed row, the moment its workspace's pace lets it go out, and the least time between two
     * of its workspace's sends at the workspace's rate.
     */
    record Claimed(Nudge nudge, Instant slot, Duration gap) {}

    /**
     * One claim: the rows to send (with what rendering them needs), and whether rows were left due
     * because their workspace's pace had no slot for them yet.
     */
    record Round(Instant at, List<Claimed> toSend, NudgeContent.Batch batch, boolean heldBack) {}

    private final Jdbi jdbi;
    private final Clock clock;
    private final String instanceId;
    private final Pace.Config pace;
    private final NudgeContent content;
    private final SentMarker marker;
    private final Stranded stranded;
    private final NudgeMetrics metrics;
    private volatile Instant lastHousekeeping = Instant.MIN;

    Claimer(
            Jdbi jdbi,
            Clock clock,
            String instanceId,
            Pace.Config pace,
            NudgeContent content,
            SentMarker marker,
            Stranded stranded,
            NudgeMetrics metrics) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.instanceId = instanceId;
        this.pace = pace;
        this.content = content;
        this.marker = marker;
        this.stranded = stranded;
        this.metrics = metrics;
    }

    /** Claims what is due now, leaving out {@code paused} workspaces. */
    Round claim(Set<String> paused) {
        // Microseconds, as PostgreSQL stores it: a failed claim's rows are found again by this
        // exact time.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        boolean housekeeping =
                !now.isBefore(lastHousekeeping.plus(HOUSEKEEPING_EVERY))
                        || now.isBefore(lastHousekeeping);
        if (housekeeping) {
            // Marks first: a row sent but not yet marked must not be taken for an expired claim.
            marker.flush();
            stranded.release();
        }
        Taken taken;
        try {
            taken = jdbi.inTransaction(h -> take(h, now, housekeeping, paused));
        } catch (RuntimeException e) {
            // The commit may have reached the server before the connection broke (seen with
            // pg_ctl stop): what this claim took is handed to nobody; free it later.
            stranded.failedClaim(now);
            throw e;
        }
        if (housekeeping) {
            lastHousekeeping = now;
        }
        if (taken.claimed().isEmpty()) {
            return new Round(now, List.of(), null, taken.heldBack());
        }
        try {
            return checked(taken, now);
        } catch (RuntimeException e) {
            // The database went away between the claim and the check: nothing was sent. Give the
            // rows back as soon as it answers again instead of leaving them to the lease.
            taken.claimed().forEach(c -> stranded.orphan(c.nudge().id(), now, false));
            throw e;
        }
    }

    private record Taken(List<Claimed> claimed, boolean heldBack) {}

    private Taken take(Handle h, Instant now, boolean housekeeping, Set<String> paused) {
        NudgeDao nudges = h.attach(NudgeDao.class);
        if (housekeeping) {
            int recovered = nudges.recoverExpired(now.minus(LEASE), FailurePolicy.MAX_ATTEMPTS);
            if (recovered > 0) {
                log.warn(
                        "{} nudges claimed by a vanished instance were put back in the queue",
                        recovered);
            }
            nudges.heartbeat(instanceId, now);
        }
        List<NudgeDao.DueTeam> due = nudges.dueTeams(now, paused.toArray(String[]::new), MAX_TEAMS);
        if (due.isEmpty()) {
            return new Taken(List.of(), false);
        }
        Map<String, Integer> dueBy = new LinkedHashMap<>();
        due.forEach(d -> dueBy.put(d.teamId(), d.due()));
        String[] teams = dueBy.keySet().toArray(String[]::new);
        PaceDao paces = h.attach(PaceDao.class);
        paces.add(teams, Pace.firstSlot(now, pace), pace.rate());
        List<Pace.Grant> grants = new ArrayList<>();
        List<PaceDao.Row> locked = paces.lock(teams);
        // Held back: rows due that get a slot soon (their pace spaces them out, or another
        // instance holds the workspace's pace row right now); not those Slack asked to wait.
        boolean heldBack = locked.size() < teams.length;
        Instant soon = now.plus(pace.horizon().multipliedBy(2));
        Map<String, PaceDao.Row> byTeamRow = new LinkedHashMap<>();
        locked.forEach(r -> byTeamRow.put(r.teamId(), r));
        int room = MAX_ROWS;
        for (String team : teams) { // most overdue first
            PaceDao.Row row = byTeamRow.get(team);
            if (row == null) {
                continue;
            }
            int rows = dueBy.get(team);
            Pace.Grant g = Pace.grant(row, Math.min(rows, room), now, pace);
            if (g.count() > 0) {
                grants.add(g);
                room -= g.count();
            }
            heldBack |= g.count() < rows && !row.nextSlot().isAfter(soon);
        }
        if (grants.isEmpty()) {
            return new Taken(List.of(), heldBack);
        }
        Map<String, List<Nudge>> byTeam = new LinkedHashMap<>();
        nudges.claimPaced(
                        instanceId,
                        now,
                        grants.stream().map(Pace.Grant::teamId).toArray(String[]::new),
                        grants.stream().mapToInt(Pace.Grant::count).toArray())
                .forEach(n -> byTeam.computeIfAbsent(n.teamId(), t -> new ArrayList<>()).add(n));
        List<Claimed> claimed = new ArrayList<>();
        long[] nextSlots = new long[grants.size()];
        for (int i = 0; i < grants.size(); i++) {
            Pace.Grant g = grants.get(i);
            // RETURNING has no order: oldest first, so each workspace starts with its most overdue.
            List<Nudge> mine = byTeam.getOrDefault(g.teamId(), new ArrayList<>());
            mine.sort(Comparator.comparing(Nudge::dueAt).thenComparingLong(Nudge::id));
            Duration gap = Duration.ofNanos(Math.round(1e9 / g.rate()));
            for (int k = 0; k < mine.size(); k++) {
                claimed.add(new Claimed(mine.get(k), g.slot(k), gap));
            }
            // Slots a skipped-locked row left unused are not spent.
            nextSlots[i] = Stranded.micros(g.nextSlot(mine.size()));
        }
        paces.took(
                grants.stream().map(Pace.Grant::teamId).toArray(String[]::new),
                nextSlots,
                grants.stream().mapToDouble(Pace.Grant::rate).toArray());
        return new Taken(claimed, heldBack);
    }

    /** Drops (marks skipped) the claimed rows that no longer need sending. */
    private Round checked(Taken taken, Instant now) {
        List<Nudge> all = taken.claimed().stream().map(Claimed::nudge).toList();
        NudgeContent.Batch batch = content.prefetch(all);
        List<Claimed> toSend = new ArrayList<>();
        List<Long> skippedIds = new ArrayList<>();
        List<String> skippedWhy = new ArrayList<>();
        for (Claimed c : taken.claimed()) {
            var skip = content.skip(c.nudge(), batch, now);
            if (skip.isPresent()) {
                skippedIds.add(c.nudge().id());
                skippedWhy.add(skip.get().reason());
                metrics.skipped(skip.get().reason());
            } else {
                toSend.add(c);
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
        content.takeSocialTips(toSend.stream().map(Claimed::nudge).toList(), batch, now);
        return new Round(now, toSend, batch, taken.heldBack());
    }
}
