package com.bossreview.manager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Managers and their settings. A manager record is created on first use, with the defaults of SPEC
 * §2.
 */
public final class ManagerService {
    /** How long a time zone read from the Slack profile is trusted before it is read again. */
    public static final Duration ZONE_FRESHNESS = Duration.ofDays(7);

    /** Told after a manager's settings changed, so that their nudges are planned again at once. */
    @FunctionalInterface
    public interface SettingsListener {
        void changed(String team, String user);
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final SettingsListener listener;
    private final List<PersonalData> held;

    public ManagerService(Jdbi jdbi, Clock clock, SettingsListener listener) {
        this(jdbi, clock, listener, List.of());
    }

    /** {@code held}: what features keep about a manager elsewhere, let go of on {@link #forget}. */
    public ManagerService(
            Jdbi jdbi, Clock clock, SettingsListener listener, List<PersonalData> held) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.listener = listener;
        this.held = List.copyOf(held);
    }

    /** For changes made outside this service (the review slot). */
    public void settingsChanged(String team, String user) {
        listener.changed(team, user);
    }

    public Manager getOrCreate(String team, String user) {
        return jdbi.withExtension(
                ManagerDao.class,
                dao -> {
                    dao.insertIfMissing(team, user, clock.instant());
                    return dao.find(team, user).orElseThrow();
                });
    }

    public Optional<Manager> find(String team, String user) {
        return jdbi.withExtension(ManagerDao.class, dao -> dao.find(team, user));
    }

    /**
     * {@code settings crm-threshold} (issue 16): kept out of {@link Manager}, read only by the CRM
     * sync and the settings view; the default for a manager not stored yet.
     */
    public java.math.BigDecimal crmThreshold(String team, String user) {
        return crmSettings(team, user).threshold();
    }

    public static final java.math.BigDecimal DEFAULT_CRM_THRESHOLD =
            new java.math.BigDecimal(50_000);

    /**
     * A manager's CRM settings (issue 16): the least deal amount that is news ({@code
     * crm-threshold}), CRM users whose deals are theirs beyond their team ({@code crm-owners}:
     * e-mails or CRM ids), and the deal stages that make their commit instead of the forecast
     * category Commit ({@code crm-commit-stages}; empty: the category).
     */
    public record CrmSettings(
            java.math.BigDecimal threshold, List<String> owners, List<String> commitStages) {
        public CrmSettings {
            owners = List.copyOf(owners);
            commitStages = List.copyOf(commitStages);
        }
    }

    /** The manager's CRM settings, the defaults for one not stored. */
    public CrmSettings crmSettings(String team, String user) {
        return jdbi.withExtension(ManagerDao.class, dao -> dao.crmSettings(team, user))
                .map(
                        r ->
                                new CrmSettings(
                                        r.crmThreshold() == null
                                                ? DEFAULT_CRM_THRESHOLD
                                                : r.crmThreshold(),
                                        list(r.crmOwners()),
                                        list(r.crmCommitStages())))
                .orElse(new CrmSettings(DEFAULT_CRM_THRESHOLD, List.of(), List.of()));
    }

    /** A stored comma-separated list: its items, trimmed, none for null. */
    public static List<String> list(String stored) {
        return stored == null
                ? List.of()
                : java.util.Arrays.stream(stored.split(","))
                        .map(String::strip)
                        .filter(x -> !x.isEmpty())
                        .toList();
    }

    public boolean zoneIsStale(Manager m) {
        return !m.zoneExplicit()
                && m.zoneCheckedAt()
                        .map(at -> at.plus(ZONE_FRESHNESS).isBefore(clock.instant()))
                        .orElse(true);
    }

    /**
     * The zone and locale of the manager's Slack profile, as read now; the zone only if they did
     * not choose one.
     */
    public void zoneChecked(String team, String user, ZoneId zone, Optional<String> locale) {
        boolean changed =
                jdbi.inTransaction(
                        h -> {
                            ManagerDao dao = h.attach(ManagerDao.class);
                            boolean moved =
                                    dao.find(team, user)
                                            .map(m -> !m.zoneExplicit() && !m.zone().equals(zone))
                                            .orElse(false);
                            dao.setZoneFromProfile(team, user, zone.getId(), clock.instant());
                            locale.ifPresent(l -> dao.setLocale(team, user, l));
                            return moved;
                        });
        if (changed) { // only a real move re-plans: the weekly re-read must not disturb snoozes
            listener.changed(team, user);
        }
    }

    /**
     * Which of the manager's values are their own rather than their workspace's; none for someone
     * who is not a manager yet.
     */
    public ManagerDao.Own own(String team, String user) {
        return jdbi.withExtension(ManagerDao.class, dao -> dao.own(team, user))
                .orElse(ManagerDao.Own.NONE);
    }

    /**
     * The workspace's prime hours or fiscal-year start changed: the managers who follow it (no
     * value of their own) get their nudges planned again, as after a change of their own.
     *
     * @return the managers who follow the changed values
     */
    public List<String> workspaceChanged(String team, boolean primeHours, boolean fiscalStart) {
        List<String> following =
                jdbi.withExtension(
                        ManagerDao.class, dao -> dao.following(team, primeHours, fiscalStart));
        following.forEach(user -> listener.changed(team, user));
        return following;
    }

    public void setBoss(String team, String user, String boss) {
        jdbi.useExtension(ManagerDao.class, dao -> dao.setBoss(team, user, boss));
        listener.changed(team, user);
    }

    /** Whether bossreview stores anything about {@code user}: their manager row or else. */
    public boolean storesAnything(String team, String user) {
        return find(team, user).isPresent() || held.stream().anyMatch(h -> h.holds(team, user));
    }

    /**
     * Deletes the manager and, by cascade, every row of theirs; what features hold elsewhere first.
     */
    public int forget(String team, String user) {
        held.forEach(h -> h.forgetManager(team, user));
        return jdbi.withExtension(ManagerDao.class, dao -> dao.delete(team, user));
    }

    public Instant now() {
        return clock.instant();
    }

    /** For the feature services that update settings: one DAO, one transaction. */
    public <X extends Exception> void update(String team, String user, DaoAction<X> action)
            throws X {
        jdbi.useTransaction(
                h -> {
                    ManagerDao dao = h.attach(ManagerDao.class);
                    dao.insertIfMissing(team, user, clock.instant());
                    action.apply(dao);
                });
        listener.changed(team, user);
    }

    @FunctionalInterface
    public interface DaoAction<X extends Exception> {
        void apply(ManagerDao dao) throws X;
    }
}
