package com.bossreview;

import com.bossreview.config.AppConfig;
import com.bossreview.config.ConfigException;
import com.bossreview.db.BackgroundWork;
import com.bossreview.db.Database;
import com.bossreview.db.EmbeddedDatabase;
import com.bossreview.health.Health;
import com.bossreview.health.Metrics;
import com.bossreview.health.Readiness;
import com.bossreview.install.PurgeUninstalledJob;
import com.bossreview.install.Distribution;
import com.bossreview.scheduling.Scheduling;
import com.bossreview.slack.*;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Composition root: config → database → Slack → features → scheduler and dispatcher → HTTP. */
public final class Main {
    public static void main(String[] args) {
        boolean reseal = List.of(args).equals(List.of(ResealTokens.FLAG));
        if (args.length > 0 && !reseal) {
            System.exit(CommandLine.run(args, System.out, System.err));
        }
        // Before the first logger exists: LOG_FORMAT=json picks the JSON configuration (checked again in AppConfig).
        try {
            if (AppConfig.jsonLogs(Optional.ofNullable(System.getenv("LOG_FORMAT")).map(String::trim)
                    .filter(v -> !v.isEmpty()))) {
                System.setProperty("logback.configurationFile", "logback-json.xml");
            }
        } catch (ConfigException e) {
            System.err.println("bossreview: " + e.getMessage());
            System.exit(2);
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger(); // route java.util.logging (Tyrus, JDK) through logback
        SLF4JBridgeHandler.install();
        try {
            if (reseal) {
                System.exit(ResealTokens.run(AppConfig.fromEnv(System.getenv()), System.out));
            }
            RunningApp app = start(AppConfig.fromEnv(System.getenv()), Clock.systemUTC(), StartOptions.DEFAULT);
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

    public static RunningApp start(AppConfig config, Clock clock, StartOptions options) {
        LoggerFactory.getLogger(Main.class).info("Starting bossreview: {}", config);
        RunningApp running = new RunningApp();
        try {
            Metrics metrics = running.started(new Metrics());
            var dbUrl = config.databaseUrl().orElseGet(() -> running.started(EmbeddedDatabase.start(config.dataDir())).url());
            Database db = running.started(Database.connect(dbUrl, metrics.registry(), config.databasePoolSize()));
            running.database(db);
            db.migrate();
            Slack slack = running.started(SlackClients.create(config.slackApiUrl(), metrics.registry()));
            BotIdentity identity = new BotIdentity();
            Distribution distribution = Distribution.of(config, db.jdbi(), clock);
            if (config.botToken().isPresent()) {
                running.started(new SlackAuthCheck(slack, config.botToken().get(), identity, options.slackRetryDelay())).checkAtStartup();
            }
            AfterAck afterAck = running.started(new AfterAck(8));
            Features features = new Features(Deps.create(db, clock, new SlackApi(slack, distribution.botTokens()), afterAck, metrics.registry()));
            running.nudges(features.nudges());
            var plans = features.nudges().materializer(); // a whole workspace to plan again: bulk work, background pool
            distribution.whenReinstalled(teams -> BackgroundWork.run(() -> plans.resume(teams)), identity);
            Scheduling scheduling = running.started(Scheduling.create(db.backgroundPool(), features.jobFactory(Map.of(
                    PurgeUninstalledJob.class, () -> new PurgeUninstalledJob(distribution.uninstalls(), clock))), "AUTO", 4));
            if (options.backgroundNudges()) {
                scheduling.start();
                running.started(features.nudges().start(scheduling));
                PurgeUninstalledJob.schedule(scheduling.scheduler());
            }
            App bolt = distribution.bolt(slack, identity, afterAck, List.of(features));
            bolt.start();
            running.started(bolt::stop);
            SignatureCheck signatures = config.mode() == AppConfig.Mode.HTTP
                    ? new SignatureCheck(config.signingSecret().orElseThrow(), clock) : null;
            SeenRequests seen = signatures == null ? null : running.started(new SeenRequests(db.jdbi(), clock, metrics.registry()));
            SlackEventsEndpoint events = signatures == null ? null : new SlackEventsEndpoint(bolt, signatures, seen);
            if (config.mode() == AppConfig.Mode.SOCKET_MODE) {
                running.started(new SocketModeConnector(config.appToken().orElseThrow(), bolt)).start();
            }
            Health health = new Health(db::isReachable, () -> !options.backgroundNudges() || scheduling.isRunning(),
                    () -> distribution.multiWorkspace() ? "per_workspace" : identity.state().name().toLowerCase(),
                    features.nudges()::lastDispatcherRun);
            Readiness readiness = new Readiness(db::isReachable, () -> !options.backgroundNudges() || scheduling.isRunning());
            HttpServer http = running.started(HttpServer.start(config.bindHost(), config.port(), events,
                    distribution.multiWorkspace() ? new SlackOAuthEndpoint(bolt) : null, health, readiness, metrics,
                    metrics.registry()));
            running.started(() -> readiness.stopping(options.drainNotice())); // closed first: unready, then drain
            running.listeningOn(http.port());
            (events == null ? Warmup.inProcess(db.jdbi(), clock, bolt)
                    : Warmup.overHttp(db.jdbi(), clock, loopback(config.bindHost(), http.port()), signatures, seen))
                    .run(options.warmup());
            readiness.warmedUp();
            LoggerFactory.getLogger(Main.class).info("bossreview is up on port {} ({} mode, {})", http.port(), config.mode(),
                    distribution.multiWorkspace() ? "multi-workspace" : "single workspace");
            return running;
        } catch (Exception e) {
            running.close();
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Our own {@code /slack/events}: on loopback when listening on every address, else on the bound one. */
    static java.net.URI loopback(String bindHost, int port) {
        String host = bindHost.isBlank() || bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1"
                : bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
        return java.net.URI.create("http://" + host + ":" + port + "/slack/events");
    }
}
