package com.bossreview.forecast;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerDao;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.workspace.WorkspaceDefaults;
import com.bossreview.workspace.WorkspaceDefaultsDao;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forecasts per fiscal quarter, each compared with the last figure the boss was <em>told</em>
 * ({@link Recorded}): a figure below it is a downgrade, and one that stays untold gets reminders
 * like bad news.
 */
public final class ForecastService {
    private static final Logger log = LoggerFactory.getLogger(ForecastService.class);

    /**
     * Plans the reminders of an untold downgrade in the transaction that stores it: called inside
     * that transaction, on its thread, so that statements made through the same {@link Jdbi} join
     * it.
     */
    @FunctionalInterface
    public interface Reminders {
        void plan(String team, String user, long forecastId, Instant recordedAt);

        Reminders NONE = (team, user, forecastId, recordedAt) -> {};
    }

    /**
     * Sends a claimed figure to the boss (a Slack DM in production); throwing means it was not
     * sent.
     */
    @FunctionalInterface
    public interface Delivery<X extends Exception> {
        void deliver(Recorded recorded, String boss) throws X;
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Reminders reminders;

    public ForecastService(Jdbi jdbi, Clock clock, Reminders reminders) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.reminders = reminders;
    }

    public FiscalQuarter currentQuarter(Manager m) {
        return FiscalQuarter.containing(m.today(clock.instant()), m.fiscalStartMonth());
    }

    /** The latest figure of the current fiscal quarter. */
    public Optional<Forecast> latest(Manager m) {
        return current(m).map(Recorded::forecast);
    }

    /** The latest figure of the current fiscal quarter with what the boss was told before it. */
    public Optional<Recorded> current(Manager m) {
        FiscalQuarter q = currentQuarter(m);
        List<Forecast> figures =
                jdbi.withExtension(
                        ForecastDao.class,
                        dao -> dao.inQuarter(m.teamId(), m.userId(), q.fiscalYear(), q.quarter()));
        return figures.stream()
                .findFirst()
                .map(f -> Recorded.of(f, figures, q, q.daysLeft(m.today(clock.instant()))));
    }

    /** The last figure of the current fiscal quarter the boss was told, for the status card. */
    public Optional<Forecast> lastTold(Manager m) {
        FiscalQuarter q = currentQuarter(m);
        return jdbi
                .withExtension(
                        ForecastDao.class,
                        dao -> dao.inQuarter(m.teamId(), m.userId(), q.fiscalYear(), q.quarter()))
                .stream()
                .filter(Forecast::told)
                .findFirst();
    }

    public Optional<Forecast> find(Manager m, long id) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.find(m.teamId(), m.userId(), id));
    }

    /** A forecast as the boss it was shared with sees it. */
    public Optional<Forecast> findSharedWith(String team, String boss, long id) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.findSharedWith(team, boss, id));
    }

    /** The forecasts DMed to {@code boss} in [{@code since}, {@code until}), newest first. */
    public List<Forecast> sentTo(
            String team, String boss, Instant since, Instant until, int limit) {
        return jdbi.withExtension(
                ForecastDao.class, dao -> dao.sentTo(team, boss, since, until, limit));
    }

    /**
     * For each fiscal quarter of these forecasts told to {@code boss} (by label, e.g. {@code Q4
     * FY2026}, oldest first): each manager's last figure told to them for it.
     */
    public Map<String, List<Forecast>> lastToldPerQuarter(
            String team, String boss, List<Long> ids) {
        Map<String, List<Forecast>> out = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbi.useHandle(
                h -> {
                    ForecastDao dao = h.attach(ForecastDao.class);
                    dao.toldToAmong(team, boss, ids).stream()
                            .sorted(
                                    java.util.Comparator.comparingInt(Forecast::fiscalYear)
                                            .thenComparingInt(Forecast::quarter))
                            .forEach(
                                    f ->
                                            out.computeIfAbsent(
                                                    "Q" + f.quarter() + " FY" + f.fiscalYear(),
                                                    k ->
                                                            dao.lastToldTo(
                                                                    team,
                                                                    boss,
                                                                    f.fiscalYear(),
                                                                    f.quarter())));
                });
        return out;
    }

    public List<Forecast> recordedSince(String team, String user, Instant since) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.recordedSince(team, user, since));
    }

    /** Each figure of {@code figures} with its baseline, for the agenda (in the given order). */
    public List<Recorded> withBaselines(Manager m, List<Forecast> figures) {
        LocalDate today = m.today(clock.instant());
        Map<FiscalQuarter, List<Forecast>> quarters = new HashMap<>();
        return jdbi.withExtension(
                ForecastDao.class,
                dao ->
                        figures.stream()
                                .map(
                                        f -> {
                                            FiscalQuarter q =
                                                    new FiscalQuarter(
                                                            f.fiscalYear(),
                                                            f.quarter(),
                                                            m.fiscalStartMonth());
                                            List<Forecast> all =
                                                    quarters.computeIfAbsent(
                                                            q,
                                                            k ->
                                                                    dao.inQuarter(
                                                                            m.teamId(),
                                                                            m.userId(),
                                                                            k.fiscalYear(),
                                                                            k.quarter()));
                                            return Recorded.of(f, all, q, q.daysLeft(today));
                                        })
                                .toList());
    }

    public List<Forecast> all(String team, String user) {
        return jdbi.withExtension(ForecastDao.class, dao -> dao.all(team, user));
    }

    /**
     * Stores {@code amount} as the manager's figure for the current fiscal quarter (in their zone,
     * from their fiscal-year start), in the currency typed, else their own ({@code settings
     * currency}), else that of their previous figure, else their workspace's default currency
     * ({@code settings workspace currency}), and compares it with the last figure the boss was
     * told. A downgrade gets its reminders planned in the same transaction.
     */
    public Recorded record(
            Manager m, BigDecimal amount, Optional<Currency> typed, Optional<String> note) {
        // Zero only comes from a CRM whose commit emptied (a typed zero is refused by Amounts).
        if (amount.signum() < 0 || amount.compareTo(Amounts.MAX) > 0) {
            throw new IllegalArgumentException("amount out of range");
        }
        if (note.map(n -> n.codePointCount(0, n.length()) > ForecastInput.NOTE_MAX_LENGTH)
                .orElse(false)) {
            throw new IllegalArgumentException("note too long");
        }
        Instant now = now();
        FiscalQuarter q = FiscalQuarter.containing(m.today(now), m.fiscalStartMonth());
        return jdbi.inTransaction(
                h -> {
                    ForecastDao dao = h.attach(ForecastDao.class);
                    Optional<Currency> currency =
                            typed.or(
                                            () ->
                                                    h.attach(ManagerDao.class)
                                                            .own(m.teamId(), m.userId())
                                                            .flatMap(ManagerDao.Own::currency))
                                    .or(
                                            () ->
                                                    dao.newest(m.teamId(), m.userId())
                                                            .flatMap(Forecast::currency))
                                    .or(
                                            () ->
                                                    h.attach(WorkspaceDefaultsDao.class)
                                                            .find(m.teamId())
                                                            .flatMap(WorkspaceDefaults::currency));
                    List<Forecast> before =
                            dao.inQuarter(m.teamId(), m.userId(), q.fiscalYear(), q.quarter());
                    long id =
                            dao.insert(
                                    m.teamId(),
                                    m.userId(),
                                    q.fiscalYear(),
                                    q.quarter(),
                                    amount,
                                    currency.map(Enum::name).orElse(null),
                                    note.orElse(null),
                                    now);
                    Forecast stored = dao.find(m.teamId(), m.userId(), id).orElseThrow();
                    Recorded recorded = Recorded.of(stored, before, q, q.daysLeft(m.today(now)));
                    if (recorded.isDowngrade()) {
                        reminders.plan(m.teamId(), m.userId(), id, now);
                    }
                    return recorded;
                });
    }

    /**
     * Shares the manager's forecast {@code id} with their boss: claims it (marks it told right
     * away, so that a double click sends one message), delivers, and releases the claim again if
     * delivery throws (the exception is then rethrown), so the manager can click again. Only the
     * latest figure of its quarter is sent, and only if it differs from what the boss was told.
     */
    public <X extends Exception> ShareOutcome share(Manager m, long id, Delivery<X> delivery)
            throws X {
        ShareOutcome outcome = claimShare(m, id);
        if (outcome instanceof ShareOutcome.Shared claimed) {
            try {
                delivery.deliver(claimed.recorded(), claimed.boss());
            } catch (Exception e) {
                releaseShare(m.teamId(), m.userId(), id, claimed.at());
                throw e;
            }
        }
        return outcome;
    }

    /**
     * Whether this click may send forecast {@code id}, marked told in the same transaction if so.
     */
    private ShareOutcome claimShare(Manager m, long id) {
        return jdbi.inTransaction(
                h -> {
                    ForecastDao dao = h.attach(ForecastDao.class);
                    Optional<Forecast> found = dao.find(m.teamId(), m.userId(), id);
                    if (found.isEmpty()) {
                        return new ShareOutcome.NotFound();
                    }
                    if (m.bossUserId().isEmpty()) {
                        return new ShareOutcome.NoBoss();
                    }
                    String boss = m.bossUserId().get();
                    Forecast f = found.get();
                    if (f.told()) {
                        return alreadyShared(f, boss);
                    }
                    Instant now = now();
                    FiscalQuarter q =
                            new FiscalQuarter(f.fiscalYear(), f.quarter(), m.fiscalStartMonth());
                    long daysLeft = q.daysLeft(m.today(now));
                    List<Forecast> figures =
                            dao.inQuarter(m.teamId(), m.userId(), f.fiscalYear(), f.quarter());
                    Forecast latest = figures.get(0);
                    if (latest.id() != f.id()) {
                        return new ShareOutcome.NotLatest(
                                Recorded.of(latest, figures, q, daysLeft), boss);
                    }
                    Recorded recorded = Recorded.of(f, figures, q, daysLeft);
                    if (recorded.bossKnows()) {
                        return new ShareOutcome.AlreadyKnown(recorded, boss);
                    }
                    if (dao.claimShare(m.teamId(), m.userId(), id, boss, now) == 0) {
                        return alreadyShared(
                                dao.find(m.teamId(), m.userId(), id).orElseThrow(), boss);
                    }
                    return new ShareOutcome.Shared(recorded, boss, now);
                });
    }

    private ShareOutcome alreadyShared(Forecast f, String boss) {
        return new ShareOutcome.AlreadyShared(
                f.sharedWith().orElse(boss),
                f.sharedAt().orElse(now()),
                f.toldVia().orElse(ToldVia.DM));
    }

    /** The message could not be sent: the forecast is untold again, so the manager can retry. */
    private void releaseShare(String team, String user, long id, Instant claimedAt) {
        jdbi.useExtension(ForecastDao.class, dao -> dao.releaseShare(team, user, id, claimedAt));
    }

    /**
     * An agenda showing {@code shown} reached the boss: the latest of them in the current quarter,
     * the figure the boss now reads as the forecast, is marked told. The agenda is delivered
     * whatever happens here, so a failure is logged rather than thrown (the figure then stays
     * untold and its reminders go on).
     */
    public void markToldByAgenda(Manager m, List<Recorded> shown, String boss, Instant at) {
        FiscalQuarter q = currentQuarter(m);
        Optional<Forecast> latest =
                shown.stream()
                        .map(Recorded::forecast)
                        .filter(f -> f.isIn(q))
                        .max(Recorded.RECORDED);
        try {
            latest.ifPresent(
                    f ->
                            jdbi.useExtension(
                                    ForecastDao.class,
                                    dao ->
                                            dao.markToldByAgenda(
                                                    m.teamId(),
                                                    m.userId(),
                                                    f.id(),
                                                    boss,
                                                    at.truncatedTo(ChronoUnit.MICROS))));
        } catch (RuntimeException e) {
            log.warn(
                    "The agenda of {}/{} was sent, but its forecast {} could not be marked told: {}",
                    m.teamId(),
                    m.userId(),
                    latest.map(Forecast::id).orElse(0L),
                    e.toString());
        }
    }

    /** Truncated to what PostgreSQL stores, so a stored instant compares equal to this one. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
