package com.bossreview.calendar;

import com.bossreview.install.TokenCipher;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.nudge.LocalTimes;
import com.bossreview.review.AfterHeld;
import com.bossreview.review.ReviewService;
import com.bossreview.review.ReviewState;
import com.bossreview.scheduling.Fanout;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each connected calendar's review series incrementally and lets the calendar answer what
 * bossreview used to ask: a week whose occurrence stands is booked, one whose occurrence has ended
 * is held (the streak grows without a click), a cancelled one gets "pick another slot this week".
 * Manual {@code booked}/{@code held}/{@code skip} stay the manager's word: a week they marked is
 * never changed, except booked becoming held.
 *
 * <p>Each due connection is taken by one instance ({@code FOR UPDATE SKIP LOCKED}, its next sync
 * moved a lease ahead at once); a failure puts it off by the provider's {@code Retry-After} or an
 * exponential back-off, and nothing the calendar said is lost: the cursor moves only after the
 * changes it covers are stored.
 */
public final class CalendarSync {
    private static final Logger log = LoggerFactory.getLogger(CalendarSync.class);

    /** A claimed connection not synced within this is taken again by any instance. */
    static final Duration LEASE = Duration.ofMinutes(2);

    public static final int BATCH = 200;

    /** Occurrences are read from this far back (a week just over) to this far ahead. */
    static final Duration LOOK_BACK = Duration.ofDays(14);

    static final Duration LOOK_AHEAD = Duration.ofDays(90);

    static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    /** A cursor older than this is dropped for a read from scratch: well within LOOK_AHEAD. */
    static final Duration REREAD_EVERY = Duration.ofDays(30);

    /** What the manager is told: a cancelled week, a connection that stopped working. */
    public interface Notices {
        void cancelled(Manager m, IsoWeek week, Instant wasAt);

        void revoked(Manager m, CalendarProvider provider);
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final CalendarConnections connections;
    private final Function<CalendarProvider, CalendarApi> apis;
    private final ManagerService managers;
    private final ReviewService reviews;
    private final Notices notices;
    private final AfterHeld afterHeld;
    private final Duration every;
    private final int parallel;

    public CalendarSync(
            Jdbi jdbi,
            Clock clock,
            CalendarConnections connections,
            Function<CalendarProvider, CalendarApi> apis,
            ManagerService managers,
            ReviewService reviews,
            Notices notices,
            AfterHeld afterHeld,
            Duration every,
            int parallel) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.connections = connections;
        this.apis = apis;
        this.managers = managers;
        this.reviews = reviews;
        this.notices = notices;
        this.afterHeld = afterHeld;
        this.every = every;
        this.parallel = parallel;
    }

    /** Syncs the connections due now; how many were read. */
    public int runOnce() {
        Instant now = clock.instant();
        List<CalendarDao.Row> due =
                jdbi.withExtension(
                        CalendarDao.class, dao -> dao.claimDue(now, now.plus(LEASE), BATCH));
        Fanout.each("calendar sync", due, parallel, this::sync);
        return due.size();
    }

    private void sync(CalendarDao.Row row) {
        Optional<Manager> manager = managers.find(row.teamId(), row.userId());
        if (manager.isEmpty()) {
            return; // forgotten meanwhile: the connection went with them
        }
        Manager m = manager.get();
        Instant now = clock.instant();
        try {
            Read read = read(m, row, now);
            CalendarApi.Changes changes = read.changes();
            changes.occurrences().forEach(o -> record(m, o, now));
            jdbi.useExtension(
                    CalendarDao.class,
                    dao ->
                            dao.synced(
                                    m.teamId(),
                                    m.userId(),
                                    row.seriesId(),
                                    changes.nextCursor(),
                                    read.full(),
                                    now,
                                    now.plus(every)));
            settle(m, row, now);
        } catch (CalendarConnections.RevokedNow e) {
            notices.revoked(m, CalendarProvider.byId(row.provider()).orElseThrow());
        } catch (CalendarException e) {
            failed(row, e, now);
        } catch (TokenCipher.UndecryptableException e) {
            // sealed with a key this instance lacks (a rotation's re-seal step ran early): put off
            // like any failure, and the connections after it in the batch are still read
            failed(
                    row,
                    new CalendarException(
                            CalendarException.Kind.FAILED, "token not opened: " + e.getMessage()),
                    now);
        }
    }

    /**
     * The changes since the stored cursor. A cursor the provider refuses (Google 410, Graph {@code
     * syncStateNotFound}) is dropped and the series read again from scratch at once, not a sync
     * interval later, as Google's "Synchronize resources efficiently" (calendar/api/guides/sync,
     * "Full sync required by server": 410) and Graph's delta query (a {@code syncStateNotFound}
     * delta link is started over without a token) say. Our stored weeks are kept, unlike their
     * "wipe the client store": weeks already told about are not told again ({@link #record}
     * compares with what is stored). A refused access token is refreshed once ({@link
     * CalendarConnections#withAccess}).
     */
    private Read read(Manager m, CalendarDao.Row row, Instant now) {
        // A cursor's window was fixed by its full read (Graph's delta link keeps the first read's
        // start and end): read from scratch well before that window runs out.
        Optional<String> cursor =
                Optional.ofNullable(row.syncCursor())
                        .filter(
                                c ->
                                        row.cursorAt() != null
                                                && row.cursorAt().isAfter(now.minus(REREAD_EVERY)));
        try {
            return new Read(changes(m, row, cursor, now), cursor.isEmpty());
        } catch (CalendarException e) {
            if (e.kind() != CalendarException.Kind.CURSOR_EXPIRED || cursor.isEmpty()) {
                throw e;
            }
            log.info("Calendar cursor of {}/{} refused: reading again", m.teamId(), m.userId());
            return new Read(changes(m, row, Optional.empty(), now), true);
        }
    }

    /** What a sync read, and whether it was a read from scratch (its cursor starts a window). */
    private record Read(CalendarApi.Changes changes, boolean full) {}

    private CalendarApi.Changes changes(
            Manager m, CalendarDao.Row row, Optional<String> cursor, Instant now) {
        return connections.withAccess(
                m.teamId(),
                m.userId(),
                access ->
                        apis.apply(access.provider())
                                .changes(
                                        access.token(),
                                        row.seriesId(),
                                        cursor,
                                        now.minus(LOOK_BACK),
                                        now.plus(LOOK_AHEAD)));
    }

    /** One occurrence as the calendar has it now; a newly cancelled one is told about. */
    private void record(Manager m, CalendarApi.Occurrence o, Instant now) {
        IsoWeek week = IsoWeek.of(o.originalStart().atZone(m.zone()).toLocalDate());
        Optional<CalendarDao.Week> before =
                jdbi.withExtension(
                        CalendarDao.class,
                        dao -> dao.weekOf(m.teamId(), m.userId(), week.year(), week.week()));
        boolean rebooked = before.filter(b -> b.onceEventId() != null).isPresent();
        if (o.cancelled() && rebooked) {
            return; // the week was booked again at another time (rebook_review): that stands
        }
        jdbi.useExtension(
                CalendarDao.class,
                dao ->
                        dao.week(
                                m.teamId(),
                                m.userId(),
                                week.year(),
                                week.week(),
                                o.start(),
                                o.cancelled(),
                                null,
                                now));
        boolean newlyCancelled =
                o.cancelled() && before.filter(CalendarDao.Week::cancelled).isEmpty();
        // BOOKED too: the sync itself marks the week booked at its first read of the week, so a
        // cancellation later that week would otherwise never be told (a rebooked week returned
        // above). A week held or skipped is over.
        if (newlyCancelled
                && o.originalStart().isAfter(now.minus(PrimeHours.REVIEW_LENGTH))
                && week.compareTo(reviews.currentWeek(m)) == 0
                && reviews.stateOf(m, week).filter(s -> s != ReviewState.BOOKED).isEmpty()) {
            notices.cancelled(m, week, o.originalStart());
        }
    }

    /**
     * This week and last: booked while the occurrence stands, held once it has ended (and the
     * manager asked, once, what the boss said). Weeks before the connection, cancelled weeks and
     * weeks the manager marked themselves are left alone.
     */
    void settle(Manager m, CalendarDao.Row row, Instant now) {
        IsoWeek current = reviews.currentWeek(m);
        for (IsoWeek week : List.of(current.previous(), current)) {
            Optional<Instant> start = startOf(m, week);
            if (start.isEmpty() || start.get().isBefore(row.connectedAt())) {
                continue;
            }
            Optional<ReviewState> state = reviews.stateOf(m, week);
            boolean ended = !start.get().plus(PrimeHours.REVIEW_LENGTH).isAfter(now);
            if (ended && (state.isEmpty() || state.get() == ReviewState.BOOKED)) {
                // No click opened the feedback modal: the feature asks in a nudge, once.
                if (reviews.markHeldByCalendar(m, week)) {
                    afterHeld.heldWithoutClick(m, week);
                }
            } else if (!ended && state.isEmpty() && week.equals(current)) {
                reviews.mark(m, week, ReviewState.BOOKED);
            }
        }
    }

    /** Where the week's occurrence is: as the calendar said, else as the slot plans it. */
    private Optional<Instant> startOf(Manager m, IsoWeek week) {
        Optional<CalendarDao.Week> said =
                jdbi.withExtension(
                        CalendarDao.class,
                        dao -> dao.weekOf(m.teamId(), m.userId(), week.year(), week.week()));
        if (said.isPresent()) {
            return said.get().cancelled() ? Optional.empty() : Optional.of(said.get().startsAt());
        }
        return m.reviewSlot().map(s -> LocalTimes.at(week.day(s.day()), s.time(), m.zone()));
    }

    private void failed(CalendarDao.Row row, CalendarException e, Instant now) {
        boolean reset = e.kind() == CalendarException.Kind.CURSOR_EXPIRED;
        Duration wait =
                switch (e.kind()) {
                    case CURSOR_EXPIRED -> Duration.ZERO;
                    case RATE_LIMITED -> e.retryAfter().orElse(backOff(row.syncFailures()));
                    case REVOKED, NOT_FOUND -> MAX_BACK_OFF;
                    default -> backOff(row.syncFailures());
                };
        log.warn(
                "Calendar sync of {}/{} failed ({}): again in {} s",
                row.teamId(),
                row.userId(),
                e.getMessage(),
                wait.toSeconds());
        jdbi.useExtension(
                CalendarDao.class,
                dao -> dao.syncFailed(row.teamId(), row.userId(), now.plus(wait), reset));
    }

    /** 2^failures × a sync interval's tenth, from 30 s, at most an hour. */
    Duration backOff(int failures) {
        Duration base = every.dividedBy(10);
        if (base.compareTo(Duration.ofSeconds(30)) < 0) {
            base = Duration.ofSeconds(Math.min(30, every.toSeconds()));
        }
        Duration d = base.multipliedBy(1L << Math.min(failures, 10));
        return d.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : d;
    }
}
