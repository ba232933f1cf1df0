package com.bossreview.forecast;

import com.bossreview.manager.Manager;
import com.bossreview.time.FiscalQuarter;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Forecasts per fiscal quarter; a lower figure than the last one in the same quarter is a downgrade. */
public final class ForecastService {
    private final Jdbi jdbi;
    private final Clock clock;

    public ForecastService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public FiscalQuarter currentQuarter(Manager m) {
        return FiscalQuarter.containing(m.today(clock.instant()), m.fiscalStartMonth());
    }

    /** The latest figure of the current fiscal quarter. */
    public Optional<Forecast> latest(Manager m) {
        FiscalQuarter q = currentQuarter(m);
        return jdbi.withExtension(ForecastDao.class,
                dao -> dao.inQuarter(m.teamId(), m.userId(), q.fiscalYear(), q.quarter()).stream().findFirst());
    }

    /** A forecast as the boss it was shared with sees it. */
    public Optional<Forecast> findSharedWith(String team, String boss, long id) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.findSharedWith(team, boss, id));
    }

    public List<Forecast> recordedSince(String team, String user, Instant since) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.recordedSince(team, user, since));
    }

    public List<Forecast> all(String team, String user) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.all(team, user));
    }

    /**
     * Stores {@code amount} as the manager's figure for the current fiscal quarter (in their zone, from their
     * fiscal-year start) and compares it with the previous figure of that quarter.
     */
    public Recorded record(Manager m, BigDecimal amount, Optional<String> note) {
        if (amount.signum() <= 0 || amount.compareTo(Amounts.MAX) > 0) {
            throw new IllegalArgumentException("amount out of range");
        }
        if (note.map(n -> n.codePointCount(0, n.length()) > ForecastInput.NOTE_MAX_LENGTH).orElse(false)) {
            throw new IllegalArgumentException("note too long");
        }
        Instant now = now();
        FiscalQuarter q = FiscalQuarter.containing(m.today(now), m.fiscalStartMonth());
        return jdbi.inTransaction(h -> {
            ForecastDao dao = h.attach(ForecastDao.class);
            Optional<Forecast> previous = dao.inQuarter(m.teamId(), m.userId(), q.fiscalYear(), q.quarter())
                    .stream().findFirst();
            long id = dao.insert(m.teamId(), m.userId(), q.fiscalYear(), q.quarter(), amount, note.orElse(null), now);
            Forecast stored = dao.find(m.teamId(), m.userId(), id).orElseThrow();
            return new Recorded(stored, previous, q, q.daysLeft(m.today(now)));
        });
    }

    /**
     * Decides whether this click may send forecast {@code id} to the manager's boss, and if so marks it shared
     * right away, so that a double click sends one message.
     */
    public ShareClaim claimShare(Manager m, long id) {
        return jdbi.inTransaction(h -> {
            ForecastDao dao = h.attach(ForecastDao.class);
            Optional<Forecast> found = dao.find(m.teamId(), m.userId(), id);
            if (found.isEmpty()) {
                return new ShareClaim.NotFound();
            }
            if (m.bossUserId().isEmpty()) {
                return new ShareClaim.NoBoss();
            }
            Instant now = now();
            if (dao.claimShare(m.teamId(), m.userId(), id, m.bossUserId().get(), now) == 0) {
                Forecast shared = dao.find(m.teamId(), m.userId(), id).orElseThrow();
                return new ShareClaim.AlreadyShared(shared.sharedWith().orElse(m.bossUserId().get()),
                        shared.sharedAt().orElse(now));
            }
            return new ShareClaim.Claimed(recorded(dao, m, found.get()), m.bossUserId().get(), now);
        });
    }

    /** The message could not be sent: the forecast is unshared again, so the manager can retry. */
    public boolean releaseShare(String team, String user, long id, Instant claimedAt) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.releaseShare(team, user, id, claimedAt)) == 1;
    }

    private Recorded recorded(ForecastDao dao, Manager m, Forecast f) {
        FiscalQuarter q = new FiscalQuarter(f.fiscalYear(), f.quarter(), m.fiscalStartMonth());
        Optional<Forecast> previous = dao.previousInQuarter(m.teamId(), m.userId(), f.fiscalYear(), f.quarter(),
                f.recordedAt(), f.id());
        return new Recorded(f, previous, q, q.daysLeft(m.today(now())));
    }

    /** Truncated to what PostgreSQL stores, so a stored instant compares equal to this one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
