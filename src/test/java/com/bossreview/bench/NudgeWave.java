package com.bossreview.bench;

import com.bossreview.config.DatabaseUrl;
import com.bossreview.config.Secret;
import com.bossreview.db.Database;
import com.bossreview.install.Installation;
import com.bossreview.install.Installations;
import com.bossreview.install.TokenCipher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The nudge-wave benchmark's two halves around the app processes (see {@code bench/run-wave.sh}).
 *
 * <ul>
 *   <li>{@code prepare <jdbcUrl> <managers> <teams> <leadSeconds> [spreadSeconds=0]}: migrates an
 *       empty database with the app's own migrations and inserts managers (boss set, one of several
 *       time zones) whose booking nudge falls, in their own zone, on the first whole minute at
 *       least {@code leadSeconds} from now, or, with {@code spreadSeconds}, evenly over that many
 *       seconds from that minute (manager {@code i} at {@code i * spread / managers} s). Nothing
 *       else: the app's real materializer plans the nudges when it starts. Prints {@code
 *       WAVE_AT=<epoch ms>} and {@code WAVE_END=<epoch ms>} (the last due time).
 *   <li>{@code await <jdbcUrl> <controlUrl> <waveAtMillis> <expected> <timeoutSeconds>
 *       [lastDueMillis] [settle]}: polls the fake Slack until {@code expected} distinct managers
 *       have their DM, then prints the figures and checks the database (booking rows due up to
 *       {@code lastDueMillis}, default the wave minute: SENT, nothing claimed or pending). With
 *       {@code settle} it also waits, within the timeout, until no such row is PENDING or CLAIMED,
 *       so that rows coming back after a lease expiry (and their re-sends) are seen; database
 *       errors while polling count as "not settled yet". Ends with a {@code RESULT} line of
 *       key=value figures for scripts.
 *   <li>{@code install <jdbcUrl> <teams> <encryptionKey> [moreTeamIds…]}: for multi-workspace mode,
 *       one installation per workspace of {@code prepare} ({@code TB0000}…) and per further team id
 *       given (the warm-up's {@code T0WARMUP}), each with its own bot token {@code
 *       xoxb-bench-TB0000}…, sealed with {@code encryptionKey} by the app's own {@link
 *       Installations} as an OAuth install would store it. A realistic fake Slack limits each token
 *       on its own.
 * </ul>
 */
public final class NudgeWave {
    static final List<String> ZONES =
            List.of(
                    "UTC",
                    "Europe/Paris",
                    "America/New_York",
                    "Asia/Tokyo",
                    "America/Los_Angeles",
                    "Australia/Sydney",
                    "Asia/Kolkata",
                    "America/Sao_Paulo");

    public static void main(String[] args) throws Exception {
        // Bulk set-up and polling, not a Slack request: the background pool's timeouts.
        Exception[] failed = new Exception[1];
        com.bossreview.db.BackgroundWork.run(
                () -> {
                    try {
                        run(args);
                    } catch (Exception e) {
                        failed[0] = e;
                    }
                });
        if (failed[0] != null) {
            throw failed[0];
        }
    }

    private static void run(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" ->
                    prepare(
                            args[1],
                            Integer.parseInt(args[2]),
                            Integer.parseInt(args[3]),
                            Integer.parseInt(args[4]),
                            args.length > 5 ? Integer.parseInt(args[5]) : 0);
            case "await" ->
                    await(
                            args[1],
                            args[2],
                            Long.parseLong(args[3]),
                            Integer.parseInt(args[4]),
                            Integer.parseInt(args[5]),
                            args.length > 6 ? Long.parseLong(args[6]) : Long.parseLong(args[3]),
                            args.length > 7 && "settle".equals(args[7]));
            case "install" ->
                    install(
                            args[1],
                            Integer.parseInt(args[2]),
                            args[3],
                            List.of(args).subList(4, args.length));
            default -> throw new IllegalArgumentException("prepare | await | install");
        }
    }

    static Database connect(String url) {
        return Database.connect(DatabaseUrl.parse(url), new SimpleMeterRegistry(), 4);
    }

    static void prepare(String url, int managers, int teams, int leadSeconds, int spreadSeconds) {
        Instant waveAt =
                Instant.now().plusSeconds(leadSeconds + 59).truncatedTo(ChronoUnit.MINUTES);
        Instant[] last = {waveAt};
        try (Database db = connect(url)) {
            db.migrate();
            Jdbi jdbi = db.jdbi();
            jdbi.useTransaction(
                    h -> {
                        var batch =
                                h.prepareBatch(
                                        """
                        INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at,
                                             booking_nudge_day, booking_nudge_time, created_at)
                        VALUES (:team, :user, :boss, :zone, :now, :day, :time, :now)""");
                        Instant now = Instant.now();
                        for (int i = 0; i < managers; i++) {
                            String zone = ZONES.get(i % ZONES.size());
                            Instant due = waveAt.plusSeconds((long) spreadSeconds * i / managers);
                            last[0] = due.isAfter(last[0]) ? due : last[0];
                            ZonedDateTime local = due.atZone(ZoneId.of(zone));
                            batch.bind("team", team(i % teams))
                                    .bind("user", user(i))
                                    .bind("boss", "UBOSS" + (i % teams))
                                    .bind("zone", zone)
                                    .bind("now", now)
                                    .bind("day", (short) local.getDayOfWeek().getValue())
                                    .bind("time", local.toLocalTime())
                                    .add();
                        }
                        batch.execute();
                    });
        }
        System.out.println("WAVE_AT=" + waveAt.toEpochMilli());
        System.out.println("WAVE_END=" + last[0].toEpochMilli());
        System.err.println(
                "prepared "
                        + managers
                        + " managers over "
                        + teams
                        + " workspaces; booking nudge at "
                        + waveAt
                        + (spreadSeconds > 0 ? " to " + last[0] : ""));
    }

    static void install(String url, int teams, String encryptionKey, List<String> more) {
        try (Database db = connect(url)) {
            Installations installations =
                    new Installations(
                            db.jdbi(),
                            new TokenCipher(new Secret(encryptionKey), Optional.empty()),
                            Clock.systemUTC());
            List<String> all = new java.util.ArrayList<>();
            for (int i = 0; i < teams; i++) {
                all.add(team(i));
            }
            all.addAll(more);
            for (String team : all) {
                installations.save(
                        new Installation(
                                Optional.empty(),
                                Optional.of(team),
                                false,
                                Optional.of("A0BOSSREVIEW"),
                                Optional.empty(),
                                Optional.of("Bench " + team),
                                Optional.of("UBOT" + team),
                                Optional.of("BBOT" + team),
                                Optional.of(
                                        "commands,chat:write,im:write,users:read,users:read.email,files:write"),
                                new Secret(botToken(team)),
                                Optional.of("UADMIN" + team),
                                Instant.now()));
            }
        }
        System.err.println(
                "installed in "
                        + teams
                        + " workspaces"
                        + (more.isEmpty() ? "" : " and " + more)
                        + ", each with its own bot token");
    }

    /** The bot token of a benchmark workspace in multi-workspace mode. */
    static String botToken(String team) {
        return "xoxb-bench-" + team;
    }

    static String team(int i) {
        return String.format("TB%04d", i);
    }

    static String user(int i) {
        return String.format("UM%06d", i);
    }

    static void await(
            String url,
            String control,
            long waveAt,
            int expected,
            int timeoutSeconds,
            long lastDue,
            boolean settle)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        Map<String, Long> stats = Map.of();
        try (Database db = settle ? connect(url) : null) {
            long nextDbCheck = 0;
            while (System.currentTimeMillis() < deadline) {
                stats = stats(http, control);
                if (stats.get("distinct") >= expected) {
                    if (!settle) {
                        break;
                    }
                    if (System.currentTimeMillis() >= nextDbCheck) {
                        nextDbCheck = System.currentTimeMillis() + 1000;
                        if (unfinished(db, lastDue) == 0) {
                            break;
                        }
                    }
                }
                Thread.sleep(100); // polling another process; bounded by the deadline
            }
        }
        Thread.sleep(1500); // let in-flight marks commit before reading the database
        stats = stats(http, control);
        long first = stats.get("first");
        long last = stats.get("last");
        double seconds = (last - waveAt) / 1000.0;
        System.out.printf(
                "wave: %d DMs to %d managers (%d duplicates, %d faulted calls)%n",
                stats.get("delivered"),
                stats.get("distinct"),
                stats.get("duplicates"),
                stats.get("faulted"));
        System.out.printf(
                "wave: half of the DMs by %+d ms, 90 %% by %+d ms, 99 %% by %+d ms after the minute%n",
                stats.get("p50") - waveAt, stats.get("p90") - waveAt, stats.get("p99") - waveAt);
        System.out.printf(
                "wave: first DM %+d ms after the minute, last DM %+d ms; %.0f nudges/s from the minute, %.0f nudges/s first-to-last%n",
                first - waveAt,
                last - waveAt,
                stats.get("distinct") / seconds,
                stats.get("distinct") / Math.max(0.001, (last - first) / 1000.0));
        System.out.printf(
                "wave: %d of %d chat.postMessage calls answered 429 (%.2f %%); most DMs one workspace had accepted within 1 s: %d; Slack's latency p50 %d ms, p90 %d ms, p99 %d ms; at most %d answers waiting at once%n",
                stats.getOrDefault("ratelimited", 0L),
                stats.get("calls"),
                stats.getOrDefault("ratelimited_bp", 0L) / 100.0,
                stats.getOrDefault("max_rate_1s", 0L),
                stats.getOrDefault("latency_p50", 0L),
                stats.getOrDefault("latency_p90", 0L),
                stats.getOrDefault("latency_p99", 0L),
                stats.getOrDefault("waiting_max", 0L));
        try (Database db = connect(url)) {
            Map<String, Long> states = new HashMap<>();
            db.jdbi()
                    .useHandle(
                            h ->
                                    h.createQuery(
                                                    "SELECT state, count(*) FROM nudge WHERE kind = 'BOOK_REVIEW' "
                                                            // due_at moves when a row is retried or
                                                            // its workspace deferred; next week's
                                                            // are 7 days on
                                                            + "AND due_at < CAST(:at AS timestamptz) + interval '1 day' GROUP BY state")
                                            .bind("at", Instant.ofEpochMilli(lastDue))
                                            .map(
                                                    (rs, ctx) ->
                                                            Map.entry(
                                                                    rs.getString(1), rs.getLong(2)))
                                            .forEach(e -> states.put(e.getKey(), e.getValue())));
            System.out.println("wave: booking nudge rows by state " + states);
            boolean ok =
                    stats.get("distinct") == expected
                            && stats.get("duplicates") == 0
                            && states.getOrDefault("SENT", 0L) == expected;
            System.out.println(
                    "wave: "
                            + (ok ? "OK" : "NOT OK")
                            + " (expected "
                            + expected
                            + " DMs, one each)");
            System.out.printf(
                    "RESULT delivered=%d distinct=%d duplicates=%d faulted=%d sent_rows=%d claimed_rows=%d pending_rows=%d last_dm_ms=%d calls=%d ratelimited=%d ratelimited_bp=%d max_rate_1s=%d%n",
                    stats.get("delivered"),
                    stats.get("distinct"),
                    stats.get("duplicates"),
                    stats.get("faulted"),
                    states.getOrDefault("SENT", 0L),
                    states.getOrDefault("CLAIMED", 0L),
                    states.getOrDefault("PENDING", 0L),
                    last,
                    stats.get("calls"),
                    stats.getOrDefault("ratelimited", 0L),
                    stats.getOrDefault("ratelimited_bp", 0L),
                    stats.getOrDefault("max_rate_1s", 0L));
        }
    }

    /**
     * Booking rows due up to {@code lastDue} still PENDING or CLAIMED; -1 when the database does
     * not answer.
     */
    static long unfinished(Database db, long lastDue) {
        try {
            return db.jdbi()
                    .withHandle(
                            h ->
                                    h.createQuery(
                                                    """
                            SELECT count(*) FROM nudge WHERE kind = 'BOOK_REVIEW' AND due_at <= :at
                            AND state IN ('PENDING', 'CLAIMED')""")
                                            .bind("at", Instant.ofEpochMilli(lastDue))
                                            .mapTo(Long.class)
                                            .one());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    static Map<String, Long> stats(HttpClient http, String control)
            throws IOException, InterruptedException {
        String body =
                http.send(
                                HttpRequest.newBuilder(URI.create(control + "stats"))
                                        .timeout(Duration.ofSeconds(10))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body()
                        .trim();
        Map<String, Long> out = new HashMap<>();
        for (String kv : body.split(" ")) {
            String[] p = kv.split("=");
            out.put(p[0], Long.parseLong(p[1]));
        }
        return out;
    }
}
