package com.bossreview.crm;

import com.bossreview.install.TokenCipher;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.news.NewsService;
import com.bossreview.news.NewsViews;
import com.bossreview.scheduling.Fanout;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import com.bossreview.slack.UserDirectory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each CRM connection's changed deals and drafts what is news for the manager the deal
 * belongs to (issue 16, SPEC §9): lost, slipped out of the quarter, cut, won, as news items with
 * the usual buttons in a DM ("Tell @boss now?"). Modelled on {@code calendar/CalendarSync}: each
 * due connection is taken by one instance ({@code FOR UPDATE SKIP LOCKED}, a lease); a failure puts
 * it off by the provider's {@code Retry-After} or an exponential back-off; the watermark moves only
 * after the deals it covers and the news they carry are stored, so a crash re-reads them, and the
 * news, stored once per (deal, kind, modified-at), is drafted once.
 *
 * <p>Whose deals: for each manager the connection serves (its own manager, or the workspace's
 * managers without a connection of their own), the CRM user with the manager's Slack e-mail and the
 * users they manage (Salesforce {@code User.ManagerId}; HubSpot: owners in a team of theirs).
 */
public final class CrmSync {
    private static final Logger log = LoggerFactory.getLogger(CrmSync.class);

    /** A claimed connection not synced within this is taken again by any instance. */
    static final Duration LEASE = Duration.ofMinutes(2);

    public static final int BATCH = 100;

    /** Reads of one connection in one sync, at most (each up to the API's page cap). */
    static final int MAX_READS = 10;

    /**
     * Reads of a connection's first sync, which reads the watched deals as they stand: a change is
     * news only compared with what the deal was. A baseline larger than this is cut short (the
     * deals it did not reach count as first seen when they change: only lost and won are told).
     */
    static final int MAX_BASELINE_READS = 50;

    static final Duration MAX_BACK_OFF = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final CrmConnections connections;
    private final Function<CrmConnections.Access, CrmApi> apis;
    private final ManagerService managers;
    private final WatchedOwners teams;
    private final NewsService news;
    private final CrmForecast forecast;
    private final Messenger messenger;
    private final Duration every;
    private final int parallel;
    private final io.micrometer.core.instrument.Timer latency;

    public CrmSync(
            Jdbi jdbi,
            Clock clock,
            CrmConnections connections,
            Function<CrmConnections.Access, CrmApi> apis,
            ManagerService managers,
            UserDirectory users,
            NewsService news,
            com.bossreview.forecast.ForecastService forecasts,
            Messenger messenger,
            Duration every,
            int parallel,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.connections = connections;
        this.apis = apis;
        this.managers = managers;
        this.teams = new WatchedOwners(clock, users);
        this.news = news;
        this.forecast = new CrmForecast(jdbi, forecasts, messenger);
        this.messenger = messenger;
        this.every = every;
        this.parallel = parallel;
        this.latency =
                io.micrometer.core.instrument.Timer.builder("crm.news.latency")
                        .description(
                                "from a deal's change in the CRM (its modified-at) to the manager's"
                                        + " DM")
                        .register(registry);
    }

    /**
     * The sync with the providers' real APIs: Salesforce at the connection's org ({@code
     * instance_url}), HubSpot at {@code HUBSPOT_API_URL}.
     */
    public static CrmSync of(
            com.bossreview.config.CrmSettings settings,
            Jdbi jdbi,
            Clock clock,
            CrmConnections connections,
            ManagerService managers,
            UserDirectory users,
            NewsService news,
            com.bossreview.forecast.ForecastService forecasts,
            Messenger messenger,
            Duration timeout,
            int parallel,
            io.micrometer.core.instrument.MeterRegistry registry) {
        okhttp3.OkHttpClient http = com.bossreview.calendar.ProviderHttp.client(timeout);
        HubSpotApi hubspot = new HubSpotApi(settings.hubspotApiUrl(), http, clock);
        Function<CrmConnections.Access, CrmApi> apis =
                access ->
                        switch (access.provider()) {
                            case SALESFORCE ->
                                    new SalesforceApi(
                                            access.instanceUrl()
                                                    .orElseThrow(
                                                            () ->
                                                                    new CrmException(
                                                                            CrmException.Kind
                                                                                    .FAILED,
                                                                            "no Salesforce"
                                                                                    + " instance")),
                                            http,
                                            clock);
                            case HUBSPOT -> hubspot;
                        };
        return new CrmSync(
                jdbi,
                clock,
                connections,
                apis,
                managers,
                users,
                news,
                forecasts,
                messenger,
                settings.syncEvery(),
                parallel,
                registry);
    }

    /** Syncs the connections due now; how many were taken. */
    public int runOnce() {
        Instant now = clock.instant();
        List<CrmSyncDao.Due> due =
                jdbi.withExtension(
                        CrmSyncDao.class, dao -> dao.claimDue(now, now.plus(LEASE), BATCH));
        Fanout.each("CRM sync", due, parallel, this::sync);
        return due.size();
    }

    private void sync(CrmSyncDao.Due row) {
        Instant now = clock.instant();
        try {
            tell(row); // news stored by a sync that stopped before telling it
            Map<String, Set<String>> managersOf = watched(row);
            Watermark mark = row.watermark();
            if (managersOf.isEmpty()) {
                // nobody to watch yet: what changes meanwhile is not news when they come
                mark = Watermark.after(now.minus(CrmApi.SETTLE));
                move(row.id(), mark);
            }
            List<String> owners = List.copyOf(managersOf.keySet());
            boolean baseline = row.baselineAt() == null && !owners.isEmpty();
            if (baseline) {
                // the deals as they stand, to compare the next changes with: no news in them
                mark = Watermark.after(Instant.EPOCH);
            } else {
                baselineOf(row, joined(row, owners), managersOf);
            }
            for (int read = 0;
                    !owners.isEmpty() && read < (baseline ? MAX_BASELINE_READS : MAX_READS);
                    read++) {
                Watermark since = mark;
                DealChanges changes =
                        connections.withAccess(
                                row.id(),
                                access ->
                                        apis.apply(access)
                                                .changedDeals(access.token(), owners, since));
                record(row, changes.deals(), managersOf, !baseline);
                tell(row);
                mark = changes.next();
                move(row.id(), mark);
                if (!changes.more()) {
                    break;
                }
            }
            String watching = String.join(",", new java.util.TreeSet<>(owners));
            if (!owners.isEmpty() && !watching.equals(row.watchedOwners())) {
                jdbi.useExtension(CrmSyncDao.class, dao -> dao.watching(row.id(), watching));
            }
            if (baseline) {
                jdbi.useExtension(CrmSyncDao.class, dao -> dao.baselined(row.id(), now));
            } else {
                forecasts(row, managersOf);
            }
            jdbi.useExtension(CrmSyncDao.class, dao -> dao.synced(row.id(), now.plus(every)));
        } catch (CrmConnections.RevokedNow e) {
            teams.forget(row.id());
            revoked(row, e);
        } catch (CrmException e) {
            teams.forget(row.id());
            failed(row, e, now);
        } catch (TokenCipher.UndecryptableException e) {
            failed(
                    row,
                    new CrmException(
                            CrmException.Kind.FAILED, "token not opened: " + e.getMessage()),
                    now);
        }
    }

    /**
     * The owners watched now whose deals were not read as they stand yet (a rep who joined the
     * team, a name added to {@code crm-owners}); none when the connection has not recorded whom it
     * read (synced before it did: what it watches now counts as read).
     */
    private static List<String> joined(CrmSyncDao.Due row, List<String> owners) {
        if (row.watchedOwners() == null) {
            return List.of();
        }
        Set<String> read = Set.of(row.watchedOwners().split(","));
        return owners.stream().filter(o -> !read.contains(o)).toList();
    }

    /**
     * The deals of {@code owners} read as they stand, silently, so that their next change is
     * compared with what they were. The connection's watermark stays: the read after this one finds
     * those changed since it again, stored already, and tells nothing twice.
     */
    private void baselineOf(
            CrmSyncDao.Due row, List<String> owners, Map<String, Set<String>> managersOf) {
        Watermark mark = Watermark.after(Instant.EPOCH);
        for (int read = 0; !owners.isEmpty() && read < MAX_BASELINE_READS; read++) {
            Watermark since = mark;
            DealChanges changes =
                    connections.withAccess(
                            row.id(),
                            access ->
                                    apis.apply(access).changedDeals(access.token(), owners, since));
            record(row, changes.deals(), managersOf, false);
            mark = changes.next();
            if (!changes.more()) {
                break;
            }
        }
    }

    /**
     * Each watched manager's forecast follows their commit ({@link CrmForecast}), from the first
     * sync after the baseline on. A failure is logged, not thrown: the deals are stored, and the
     * next sync computes the figure again.
     */
    private void forecasts(CrmSyncDao.Due row, Map<String, Set<String>> managersOf) {
        Optional<CrmProvider> provider = CrmProvider.byId(row.provider());
        if (provider.isEmpty()) {
            return;
        }
        Set<String> users = new LinkedHashSet<>();
        managersOf.values().forEach(users::addAll);
        for (String user : users) {
            try {
                managers.find(row.teamId(), user)
                        .ifPresent(
                                m ->
                                        forecast.update(
                                                m,
                                                provider.get(),
                                                managers.crmSettings(m.teamId(), m.userId())
                                                        .commitStages()));
            } catch (RuntimeException e) {
                log.warn(
                        "CRM forecast of {}/{} not recorded: {}", row.teamId(), user, e.toString());
            }
        }
    }

    private void move(long id, Watermark mark) {
        jdbi.useExtension(CrmSyncDao.class, dao -> dao.moved(id, mark.modifiedAt(), mark.lastId()));
    }

    /** CRM owner id → the managers (Slack user ids) whose deals the owner's are. */
    private Map<String, Set<String>> watched(CrmSyncDao.Due row) {
        List<CrmSyncDao.Served> served =
                jdbi.withExtension(CrmSyncDao.class, dao -> dao.served(row.teamId(), row.userId()));
        return teams.of(
                row.id(),
                row.teamId(),
                served,
                () ->
                        connections.withAccess(
                                row.id(), access -> apis.apply(access).users(access.token())));
    }

    /** A page of deals, stored for the managers whose deals they are. */
    private void record(
            CrmSyncDao.Due row,
            List<Deal> deals,
            Map<String, Set<String>> managersOf,
            boolean news) {
        Map<String, Map<String, Deal>> byManager = new LinkedHashMap<>();
        for (Deal d : deals) {
            for (String manager : managersOf.getOrDefault(d.ownerId(), Set.of())) {
                // a deal twice in one page (it changed while being paged): its later state
                byManager
                        .computeIfAbsent(manager, m -> new LinkedHashMap<>())
                        .merge(
                                d.id(),
                                d,
                                (a, b) -> b.modifiedAt().isBefore(a.modifiedAt()) ? a : b);
            }
        }
        byManager.forEach((manager, ds) -> record(row, manager, List.copyOf(ds.values()), news));
    }

    /**
     * {@code deals} stored for the manager, and the news in their changes, in one transaction:
     * their stored states are locked, the newer ones written in one batch.
     */
    private void record(CrmSyncDao.Due row, String user, List<Deal> deals, boolean news) {
        Optional<Manager> manager = managers.find(row.teamId(), user);
        if (manager.isEmpty()) {
            return;
        }
        Manager m = manager.get();
        java.math.BigDecimal threshold = managers.crmThreshold(row.teamId(), user);
        java.time.LocalDate today = clock.instant().atZone(m.zone()).toLocalDate();
        jdbi.useTransaction(
                h -> {
                    CrmSyncDao dao = h.attach(CrmSyncDao.class);
                    Map<String, CrmSyncDao.Snapshot> before = new java.util.HashMap<>();
                    dao.snapshots(row.id(), user, deals.stream().map(Deal::id).toList())
                            .forEach(b -> before.put(b.dealId(), b));
                    // read again after a crash: stored already, its news with it
                    List<Deal> newer =
                            deals.stream()
                                    .filter(
                                            d ->
                                                    before.get(d.id()) == null
                                                            || before.get(d.id())
                                                                    .modifiedAt()
                                                                    .isBefore(d.modifiedAt()))
                                    .toList();
                    if (newer.isEmpty()) {
                        return;
                    }
                    dao.store(row.id(), row.teamId(), user, newer);
                    if (!news) {
                        return;
                    }
                    for (Deal d : newer) {
                        for (DealNews.Change c :
                                DealNews.of(
                                        Optional.ofNullable(before.get(d.id())),
                                        d,
                                        today,
                                        m.fiscalStartMonth(),
                                        threshold)) {
                            dao.noticed(
                                    row.id(),
                                    row.teamId(),
                                    user,
                                    d.id(),
                                    c.kind(),
                                    d.modifiedAt(),
                                    c.headline());
                        }
                    }
                });
    }

    /**
     * Drafts and sends the connection's news not told yet: the news item first (remembered), then
     * the DM (remembered). A crash between the two steps and their marks repeats at most one step
     * for one item.
     */
    private void tell(CrmSyncDao.Due row) {
        for (CrmSyncDao.Untold u :
                jdbi.withExtension(CrmSyncDao.class, dao -> dao.untold(row.id()))) {
            Optional<Manager> manager = managers.find(u.teamId(), u.userId());
            if (manager.isEmpty()) {
                continue;
            }
            NewsKind kind = "won".equals(u.kind()) ? NewsKind.GOOD : NewsKind.BAD;
            NewsItem item;
            if (u.newsId() == null) {
                item = news.log(u.teamId(), u.userId(), kind, u.headline());
                jdbi.useExtension(
                        CrmSyncDao.class,
                        dao ->
                                dao.drafted(
                                        row.id(),
                                        u.userId(),
                                        u.dealId(),
                                        u.kind(),
                                        u.modifiedAt(),
                                        item.id()));
            } else {
                Optional<NewsItem> found = news.find(u.teamId(), u.userId(), u.newsId());
                if (found.isEmpty()) {
                    continue;
                }
                item = found.get();
            }
            String text = u.headline() + ". " + ask(manager.get(), kind);
            try {
                messenger.dm(u.teamId(), u.userId(), text, NewsViews.drafted(item, text));
            } catch (SlackCallException e) {
                log.warn("CRM news for {}/{} not sent: {}", u.teamId(), u.userId(), e.getMessage());
                continue; // told at the next sync
            }
            Instant now = clock.instant();
            jdbi.useExtension(
                    CrmSyncDao.class,
                    dao ->
                            dao.told(
                                    row.id(),
                                    u.userId(),
                                    u.dealId(),
                                    u.kind(),
                                    u.modifiedAt(),
                                    now));
            Duration took = Duration.between(u.modifiedAt(), now);
            latency.record(took.isNegative() ? Duration.ZERO : took);
            log.info(
                    "CRM {} news for {}/{}: {} s from the CRM's change to the DM",
                    u.kind(),
                    u.teamId(),
                    u.userId(),
                    took.toSeconds());
        }
    }

    private static String ask(Manager m, NewsKind kind) {
        String boss = m.bossUserId().map(b -> "<@" + b + ">").orElse("your boss");
        return kind == NewsKind.GOOD ? "Share it with " + boss + "?" : "Tell " + boss + " now?";
    }

    /** The provider refused the refresh token: whoever connected it is told, once. */
    private void revoked(CrmSyncDao.Due row, CrmException e) {
        String who = row.userId() != null ? row.userId() : row.connectedBy();
        String label = CrmProvider.byId(row.provider()).map(CrmProvider::label).orElse("CRM");
        try {
            messenger.dm(
                    row.teamId(),
                    who,
                    "Your "
                            + label
                            + (row.userId() == null
                                    ? " connection for the workspace"
                                    : " connection")
                            + " stopped working: access was withdrawn in "
                            + label
                            + ". Connect it again with `/bossreview connect crm`.",
                    List.of());
        } catch (SlackCallException s) {
            log.warn("CRM revocation for {}/{} not told: {}", row.teamId(), who, s.getMessage());
        }
    }

    private void failed(CrmSyncDao.Due row, CrmException e, Instant now) {
        Duration wait =
                switch (e.kind()) {
                    case RATE_LIMITED -> e.retryAfter().orElse(backOff(row.syncFailures()));
                    case REVOKED, NOT_FOUND -> MAX_BACK_OFF;
                    default -> backOff(row.syncFailures());
                };
        log.warn(
                "CRM sync of {}/{} failed ({}, {}): again in {} s",
                row.teamId(),
                CrmConnections.owner(row.userId()),
                e.kind().name().toLowerCase(Locale.ROOT),
                e.getMessage(),
                wait.toSeconds());
        jdbi.useExtension(CrmSyncDao.class, dao -> dao.failed(row.id(), now.plus(wait)));
    }

    /** 2^failures × a sync interval's tenth, from 30 s, at most an hour (as the calendar's). */
    Duration backOff(int failures) {
        Duration base = every.dividedBy(10);
        if (base.compareTo(Duration.ofSeconds(30)) < 0) {
            base = Duration.ofSeconds(Math.min(30, every.toSeconds()));
        }
        Duration d = base.multipliedBy(1L << Math.min(failures, 10));
        return d.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : d;
    }
}
