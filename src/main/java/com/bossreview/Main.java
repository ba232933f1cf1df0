package com.bossreview;

import com.bossreview.account.AccountCommands;
import com.bossreview.account.ExportService;
import com.bossreview.agenda.AgendaCommands;
import com.bossreview.agenda.AgendaForBoss;
import com.bossreview.agenda.AgendaItemCommands;
import com.bossreview.agenda.AgendaItems;
import com.bossreview.agenda.AgendaService;
import com.bossreview.agenda.PrepNudges;
import com.bossreview.agenda.ReviewEvent;
import com.bossreview.boss.BossDigests;
import com.bossreview.boss.BossDms;
import com.bossreview.boss.BossGuard;
import com.bossreview.boss.BossHome;
import com.bossreview.boss.BossInbox;
import com.bossreview.boss.BossReplies;
import com.bossreview.boss.BossReplyActions;
import com.bossreview.boss.DigestActions;
import com.bossreview.boss.DigestNudges;
import com.bossreview.boss.Subject;
import com.bossreview.calendar.CalendarCallback;
import com.bossreview.calendar.CalendarCommands;
import com.bossreview.calendar.CalendarConnections;
import com.bossreview.calendar.CalendarFeature;
import com.bossreview.calendar.CalendarFeedButton;
import com.bossreview.calendar.CalendarFeedPage;
import com.bossreview.calendar.CalendarFeeds;
import com.bossreview.calendar.CalendarSync;
import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.config.AppConfig;
import com.bossreview.config.ConfigException;
import com.bossreview.config.DatabaseUrl;
import com.bossreview.crm.CrmCallback;
import com.bossreview.crm.CrmCommands;
import com.bossreview.crm.CrmConnections;
import com.bossreview.crm.CrmSync;
import com.bossreview.db.BackgroundWork;
import com.bossreview.db.Database;
import com.bossreview.db.EmbeddedDatabase;
import com.bossreview.feedback.FeedbackModal;
import com.bossreview.feedback.FeedbackNudges;
import com.bossreview.feedback.FeedbackService;
import com.bossreview.forecast.ForecastForBoss;
import com.bossreview.forecast.ForecastListeners;
import com.bossreview.forecast.ForecastNudges;
import com.bossreview.forecast.ForecastService;
import com.bossreview.health.Health;
import com.bossreview.health.Metrics;
import com.bossreview.health.Readiness;
import com.bossreview.install.Distribution;
import com.bossreview.install.PurgeUninstalledJob;
import com.bossreview.manager.BossCommand;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.PersonalData;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.news.NewsForBoss;
import com.bossreview.news.NewsListeners;
import com.bossreview.news.NewsNudges;
import com.bossreview.news.NewsService;
import com.bossreview.nudge.MaterializeJob;
import com.bossreview.nudge.Materializer;
import com.bossreview.nudge.NudgeMetrics;
import com.bossreview.nudge.NudgeRetention;
import com.bossreview.nudge.NudgeTypes;
import com.bossreview.nudge.Nudges;
import com.bossreview.nudge.Occurrences;
import com.bossreview.nudge.Pace;
import com.bossreview.nudge.SnoozeAction;
import com.bossreview.review.ReviewListeners;
import com.bossreview.review.ReviewNudges;
import com.bossreview.review.ReviewService;
import com.bossreview.review.SlotBooker;
import com.bossreview.scheduling.Fanout;
import com.bossreview.scheduling.InjectingJobFactory;
import com.bossreview.scheduling.Scheduling;
import com.bossreview.scheduling.SyncLoop;
import com.bossreview.scorecard.MonthlyNudges;
import com.bossreview.scorecard.Pulses;
import com.bossreview.scorecard.ScorecardListeners;
import com.bossreview.scorecard.ScorecardMetrics;
import com.bossreview.scorecard.ScorecardViews;
import com.bossreview.scorecard.Scorecards;
import com.bossreview.scorecard.SocialTime;
import com.bossreview.settings.SettingsCommands;
import com.bossreview.setup.SetupCommands;
import com.bossreview.slack.*;
import com.bossreview.status.HomePage;
import com.bossreview.status.StatusCommands;
import com.bossreview.status.StatusService;
import com.bossreview.workspace.WorkspaceDefaultsService;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The entry point ({@link #main}: flags, logging, exit codes) and the composition root ({@link
 * #start}).
 */
public final class Main {
    public static void main(String[] args) {
        boolean reseal = List.of(args).equals(List.of(ResealTokens.FLAG));
        if (args.length > 0 && !reseal) {
            System.exit(CommandLine.run(args, System.out, System.err));
        }
        // Before the first logger exists: LOG_FORMAT=json picks the JSON configuration (checked
        // again in AppConfig).
        try {
            if (AppConfig.jsonLogs(
                    Optional.ofNullable(System.getenv("LOG_FORMAT"))
                            .map(String::trim)
                            .filter(v -> !v.isEmpty()))) {
                System.setProperty("logback.configurationFile", "logback-json.xml");
            }
        } catch (ConfigException e) {
            System.err.println("bossreview: " + e.getMessage());
            System.exit(2);
        }
        SLF4JBridgeHandler
                .removeHandlersForRootLogger(); // route java.util.logging (Tyrus, JDK) through
        // logback
        SLF4JBridgeHandler.install();
        try {
            if (reseal) {
                System.exit(ResealTokens.run(AppConfig.fromEnv(System.getenv()), System.out));
            }
            RunningApp app =
                    start(
                            AppConfig.fromEnv(System.getenv()),
                            Clock.systemUTC(),
                            StartOptions.DEFAULT);
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
        } catch (ConfigException | SlackTokenRejectedException e) {
            System.err.println("bossreview: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            // The database or the port: one line for the operator, the details in the log above.
            System.err.println("bossreview: could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * The composition root: every part is built here, by constructor, in the order it depends on
     * the others — infrastructure, the services of each habit, their Slack listeners, the nudge
     * engine, then the edges.
     */
    public static RunningApp start(AppConfig config, Clock clock, StartOptions options) {
        LoggerFactory.getLogger(Main.class).info("Starting bossreview: {}", config);
        RunningApp running = new RunningApp();
        try {
            // Infrastructure: metrics, PostgreSQL, Slack's Web API, the way workspaces are served.
            Metrics metrics = running.started(new Metrics());
            MeterRegistry registry = metrics.registry();
            DatabaseUrl dbUrl =
                    config.databaseUrl()
                            .orElseGet(
                                    () ->
                                            running.started(
                                                            EmbeddedDatabase.start(
                                                                    config.dataDir()))
                                                    .url());
            Database db =
                    running.database(
                            running.started(
                                    Database.connect(dbUrl, registry, config.databasePoolSize())));
            db.migrate();
            Jdbi jdbi = db.jdbi();
            Slack slack = running.started(SlackClients.create(config.slackApiUrl(), registry));
            BotIdentity identity = new BotIdentity();
            Optional<CalendarConnections> calendars =
                    CalendarConnections.of(config.calendar(), jdbi, clock);
            Optional<CrmConnections> crms = CrmConnections.of(config.crm(), jdbi, clock);
            running.crm(crms);
            BossDigests digests = new BossDigests(jdbi, clock);
            List<PersonalData> heldElsewhere =
                    java.util.stream.Stream.of(
                                    calendars.stream(), crms.stream(), Stream.of(digests))
                            .<PersonalData>flatMap(p -> p)
                            .toList();
            Distribution distribution = Distribution.of(config, jdbi, clock, heldElsewhere);
            if (config.botToken().isPresent()) {
                running.started(
                                new SlackAuthCheck(
                                        slack,
                                        config.botToken().get(),
                                        identity,
                                        options.slackRetryDelay()))
                        .checkAtStartup();
            }
            AfterAck afterAck = running.started(new AfterAck(8));
            SlackApi api = new SlackApi(slack, distribution.botTokens());
            Messenger messenger = new Messenger(api);
            UserDirectory users = new UserDirectory(api);

            // The habits' services.
            NudgeMetrics nudgeMetrics = new NudgeMetrics(registry);
            Occurrences occurrences = new Occurrences(jdbi, nudgeMetrics);
            ReviewService reviews = new ReviewService(jdbi, clock);
            NewsService news = new NewsService(jdbi, clock, NewsNudges.reminders(occurrences));
            ForecastService forecasts =
                    new ForecastService(jdbi, clock, ForecastNudges.reminders(occurrences));
            FeedbackService feedback = new FeedbackService(jdbi, clock);
            AgendaItems agendaItems = new AgendaItems(jdbi, clock);
            AgendaService agendas =
                    new AgendaService(jdbi, clock, news, forecasts, reviews, feedback, agendaItems);
            // What each feature sent to bosses: for their answers, their App Home and digest.
            NewsForBoss newsForBoss = new NewsForBoss(news);
            ForecastForBoss forecastForBoss = new ForecastForBoss(forecasts);
            AgendaForBoss agendaForBoss = new AgendaForBoss(agendas);
            BossInbox inbox =
                    new BossInbox(jdbi, List.of(newsForBoss, forecastForBoss, agendaForBoss));
            Scorecards scorecards = new Scorecards(jdbi, clock);
            new ScorecardMetrics(jdbi, clock, registry);
            // Each feature's nudges: what the engine plans, checks and says.
            NudgeTypes nudgeTypes =
                    NudgeTypes.of(
                            new ReviewNudges(jdbi),
                            new PrepNudges(jdbi, agendas),
                            new NewsNudges(jdbi, news),
                            new ForecastNudges(jdbi, forecasts),
                            new DigestNudges(jdbi, inbox, forecastForBoss),
                            new MonthlyNudges(jdbi, scorecards),
                            new FeedbackNudges(jdbi, reviews));
            Materializer plans = new Materializer(jdbi, clock, occurrences, nudgeTypes);
            ManagerService managers = new ManagerService(jdbi, clock, plans::replan, heldElsewhere);
            ZoneRefresher zones = new ZoneRefresher(managers, users, afterAck);
            CalendarFeeds feeds = CalendarFeeds.of(config.calendar(), jdbi, clock);
            BossDms bossDms = new BossDms(jdbi, clock, messenger);
            BossReplies bossReplies =
                    new BossReplies(
                            jdbi,
                            clock,
                            Map.of(
                                    Subject.Kind.NEWS,
                                    newsForBoss,
                                    Subject.Kind.FORECAST,
                                    forecastForBoss,
                                    Subject.Kind.AGENDA,
                                    agendaForBoss));
            HomePage home =
                    new HomePage(
                            new StatusService(db.dataSource(), clock),
                            agendas,
                            managers,
                            zones,
                            api,
                            homeSections(calendars, crms),
                            List.of(new BossHome(inbox, digests)::blocks),
                            List.of(
                                    card ->
                                            ScorecardViews.card(
                                                    scorecards.card(card.manager()),
                                                    card.streak(),
                                                    card.manager()
                                                            .bossUserId()
                                                            .map(b -> "<@" + b + ">")
                                                            .orElse("your boss"))));
            Clicks clicks = new Clicks(home, messenger);
            // provider syncs read this many connections at once, sized to the background pool
            int syncWidth = Fanout.widthFor(db.backgroundPool().getMaximumPoolSize());
            FeedbackModal feedbackModal =
                    new FeedbackModal(feedback, managers, reviews, api, occurrences, clock);
            Optional<CalendarFeature> calendar =
                    calendars.map(
                            c ->
                                    running.calendar(
                                            CalendarFeature.of(
                                                    config.calendar(),
                                                    c,
                                                    jdbi,
                                                    clock,
                                                    users,
                                                    managers,
                                                    reviews,
                                                    clicks,
                                                    messenger,
                                                    afterAck,
                                                    feedbackModal,
                                                    options.calendarTimeout(),
                                                    syncWidth)));

            Optional<CrmSync> crmSync =
                    crms.map(
                            c ->
                                    running.crmSync(
                                            CrmSync.of(
                                                    config.crm(),
                                                    jdbi,
                                                    clock,
                                                    c,
                                                    managers,
                                                    users,
                                                    news,
                                                    forecasts,
                                                    messenger,
                                                    options.calendarTimeout(),
                                                    syncWidth,
                                                    registry)));
            // Their listeners: the words of /bossreview, buttons, modals and events.
            List<Listeners> features =
                    List.of(
                            (commands, app) ->
                                    commands.register(
                                            Subcommand.BOSS,
                                            new BossCommand(managers, zones, users, afterAck)),
                            new SettingsCommands(
                                    managers,
                                    zones,
                                    new WorkspaceDefaultsService(jdbi, clock, managers),
                                    new AdminCheck(users, afterAck),
                                    messenger,
                                    clock),
                            new SetupCommands(
                                    managers,
                                    zones,
                                    users,
                                    messenger,
                                    api,
                                    afterAck,
                                    clicks,
                                    home,
                                    feeds,
                                    calendar.<SlotBooker>map(CalendarFeature::slots)),
                            new StatusCommands(home, afterAck),
                            new ScorecardListeners(
                                    new SocialTime(jdbi, clock),
                                    new Pulses(jdbi, clock),
                                    managers,
                                    zones,
                                    clicks,
                                    afterAck),
                            new AgendaCommands(
                                    agendas,
                                    managers,
                                    zones,
                                    bossDms,
                                    afterAck,
                                    clock,
                                    clicks,
                                    api,
                                    calendar.<ReviewEvent>map(CalendarFeature::agenda)),
                            new AgendaItemCommands(
                                    agendaItems, agendas, managers, zones, clicks, afterAck, clock),
                            new CalendarCommands(calendars, managers),
                            new CrmCommands(crms, managers, users, afterAck),
                            (commands, app) ->
                                    calendar.ifPresent(c -> c.actions().register(commands, app)),
                            new AccountCommands(
                                    new ExportService(jdbi, clock), managers, api, afterAck, clock),
                            new ReviewListeners(
                                    reviews,
                                    managers,
                                    zones,
                                    users,
                                    clicks,
                                    afterAck,
                                    feeds::link,
                                    calendar.map(CalendarFeature::slots),
                                    feedbackModal),
                            feedbackModal,
                            CalendarFeedButton.listeners(),
                            new NewsListeners(
                                    news, managers, zones, bossDms, api, messenger, clicks, home,
                                    afterAck),
                            new ForecastListeners(
                                    forecasts, managers, zones, bossDms, api, messenger, clicks,
                                    home, afterAck),
                            new BossReplyActions(
                                    bossReplies,
                                    new BossGuard(jdbi),
                                    clock,
                                    messenger,
                                    api,
                                    clicks,
                                    afterAck),
                            new DigestActions(digests, inbox, users, clicks, afterAck),
                            (commands, app) ->
                                    app.blockAction(
                                            SnoozeAction.SNOOZE,
                                            new SnoozeAction(
                                                    jdbi, clock, afterAck, clicks, nudgeTypes)));
            CommandRouter commands = new CommandRouter();
            App bolt =
                    distribution.bolt(
                            slack,
                            identity,
                            afterAck,
                            List.of(
                                    app -> features.forEach(f -> f.register(commands, app)),
                                    commands));

            // The nudge engine: planning (one Quartz job for the cluster) and this instance's
            // dispatcher.
            Nudges nudges =
                    running.nudges(
                            new Nudges(
                                    jdbi,
                                    clock,
                                    nudgeMetrics,
                                    plans,
                                    managers,
                                    messenger,
                                    nudgeTypes,
                                    Pace.Config.of(config.slackRate())));
            distribution.whenReinstalled(
                    teams -> BackgroundWork.run(() -> plans.resume(teams)),
                    identity); // bulk: background pool
            Scheduling scheduling =
                    running.started(
                            Scheduling.create(
                                    db.backgroundPool(),
                                    new InjectingJobFactory(
                                            Map.of(
                                                    MaterializeJob.class,
                                                            () ->
                                                                    new MaterializeJob(
                                                                            plans,
                                                                            new NudgeRetention(
                                                                                    jdbi,
                                                                                    clock,
                                                                                    config
                                                                                            .nudgeRetentionDays())),
                                                    PurgeUninstalledJob.class,
                                                            () ->
                                                                    new PurgeUninstalledJob(
                                                                            distribution
                                                                                    .uninstalls(),
                                                                            clock))),
                                    "AUTO",
                                    4));
            if (options.backgroundNudges()) {
                scheduling.start();
                running.started(nudges.start(scheduling));
                calendar.ifPresent(
                        c ->
                                running.started(
                                        new SyncLoop(
                                                "calendar-sync",
                                                config.calendar().syncEvery(),
                                                c.sync()::runOnce,
                                                CalendarSync.BATCH,
                                                c.connections()::purgeStates)));
                crmSync.ifPresent(
                        c ->
                                running.started(
                                        new SyncLoop(
                                                "crm-sync",
                                                config.crm().syncEvery(),
                                                c::runOnce,
                                                CrmSync.BATCH,
                                                crms.orElseThrow()::purgeStates)));
                PurgeUninstalledJob.schedule(scheduling.scheduler());
            }

            // The edges: Bolt, Slack's way in (HTTP or Socket Mode), the probes, then the warm-up
            // before ready.
            bolt.start();
            running.started(bolt::stop);
            Optional<SignatureCheck> signatures =
                    config.mode() == AppConfig.Mode.HTTP
                            ? Optional.of(
                                    new SignatureCheck(config.signingSecret().orElseThrow(), clock))
                            : Optional.empty();
            Optional<SeenRequests> seen =
                    signatures.map(s -> running.started(new SeenRequests(jdbi, clock, registry)));
            Optional<SlackEventsEndpoint> events =
                    signatures.map(s -> new SlackEventsEndpoint(bolt, s, seen.orElseThrow()));
            if (config.mode() == AppConfig.Mode.SOCKET_MODE) {
                running.started(new SocketModeConnector(config.appToken().orElseThrow(), bolt))
                        .start();
            }
            BooleanSupplier schedulerUp =
                    () -> !options.backgroundNudges() || scheduling.isRunning();
            Health health =
                    new Health(
                            db::isReachable,
                            schedulerUp,
                            () -> distribution.slackState(identity),
                            nudges::lastDispatcherRun);
            Readiness readiness = new Readiness(db::isReachable, schedulerUp);
            HttpServer http =
                    running.started(
                            HttpServer.start(
                                    config.bindHost(),
                                    config.port(),
                                    events,
                                    distribution.installPages(bolt),
                                    java.util.stream.Stream.of(
                                                    calendars.stream()
                                                            .map(
                                                                    c ->
                                                                            new CalendarCallback(
                                                                                            c,
                                                                                            done ->
                                                                                                    CalendarCommands
                                                                                                            .tellConnected(
                                                                                                                    done,
                                                                                                                    messenger,
                                                                                                                    afterAck))
                                                                                    .route()),
                                                    crms.stream()
                                                            .map(
                                                                    c ->
                                                                            new CrmCallback(
                                                                                            c,
                                                                                            done ->
                                                                                                    CrmCommands
                                                                                                            .tellConnected(
                                                                                                                    done,
                                                                                                                    messenger,
                                                                                                                    afterAck))
                                                                                    .route()),
                                                    new CalendarFeedPage(
                                                                    feeds,
                                                                    managers,
                                                                    CalendarFeedPage.fromSlack(api))
                                                            .route().stream())
                                            .flatMap(r -> r)
                                            .toList(),
                                    health,
                                    readiness,
                                    metrics,
                                    registry));
            running.started(
                    () ->
                            readiness.stopping(
                                    options.drainNotice())); // closed first: unready, then drain
            running.listeningOn(http.port());
            (events.isPresent()
                            ? Warmup.overHttp(
                                    jdbi,
                                    clock,
                                    loopback(config.bindHost(), http.port()),
                                    signatures.get(),
                                    seen.get())
                            : Warmup.inProcess(jdbi, clock, bolt))
                    .run(options.warmup());
            readiness.warmedUp();
            LoggerFactory.getLogger(Main.class)
                    .info(
                            "bossreview is up on port {} ({} mode, {})",
                            http.port(),
                            config.mode(),
                            distribution.describe());
            return running;
        } catch (Exception e) {
            running.close();
            throw e instanceof RuntimeException re
                    ? re
                    : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** App Home's lines of the connected calendar and CRM, when configured. */
    private static List<HomePage.Section> homeSections(
            Optional<CalendarConnections> calendars, Optional<CrmConnections> crms) {
        List<HomePage.Section> sections = new java.util.ArrayList<>();
        calendars.ifPresent(
                c -> sections.add(m -> CalendarCommands.home(c.find(m.teamId(), m.userId()))));
        crms.ifPresent(
                c ->
                        sections.add(
                                m ->
                                        CrmCommands.home(
                                                c.ofManager(m.teamId(), m.userId()),
                                                c.ofWorkspace(m.teamId()))));
        return sections;
    }

    /**
     * Our own {@code /slack/events}: on loopback when listening on every address, else on the bound
     * one.
     */
    static java.net.URI loopback(String bindHost, int port) {
        String host =
                bindHost.isBlank() || bindHost.equals("0.0.0.0") || bindHost.equals("::")
                        ? "127.0.0.1"
                        : bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
        return java.net.URI.create("http://" + host + ":" + port + "/slack/events");
    }
}
