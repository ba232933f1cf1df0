package com.bossreview.bench;

import com.bossreview.crm.CrmApi;
import com.bossreview.crm.CrmSync;
import com.bossreview.support.FakeOAuthServer;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Issue 16's benchmark, in one JVM: N managers, each with their own CRM org (Salesforce or HubSpot,
 * half each) of themselves and 4 reps with D deals, connected through the real OAuth flow; the
 * baseline sync; then every deal of every org changes (per org 1 slip, 1 loss and 1 win above the
 * threshold are news, the rest not) and ONE sync over all connections runs with the providers
 * answering after 100–300 ms and Slack after a realistic ~150 ms. A sync is {@code runOnce()}
 * repeated until it takes fewer than {@link CrmSync#BATCH}, as {@code scheduling/SyncLoop} does.
 * Reports wall time, API calls by kind, news DMs and duplicates, change-to-DM latency, memory and
 * the load average. Setup runs without latency.
 *
 * <p>Usage: {@code CrmSyncWave [connections=5000] [deals=200] [latencyMs=100-300] [maxMinutes=20]
 * [slackMedianMs=150]}; the measured sync stops after {@code maxMinutes} (between rounds) and says
 * how far it got.
 */
public final class CrmSyncWave {
    private CrmSyncWave() {}

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the app's and fakes' threads would keep the JVM up
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String[] lat = (args.length > 2 ? args[2] : "100-300").split("-");
        Duration min = Duration.ofMillis(Long.parseLong(lat[0]));
        Duration max = Duration.ofMillis(Long.parseLong(lat[lat.length - 1]));
        Duration budget = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 20);
        double slackMedian = args.length > 4 ? Double.parseDouble(args[4]) : 150;
        if (d < 3) {
            throw new IllegalArgumentException("deals: at least 3 (the news deals)");
        }
        System.out.printf(
                "CRM sync wave: %d connections x %d deals, CRM latency %d-%d ms, Slack median %.0f"
                        + " ms; load average %s%n",
                n, d, min.toMillis(), max.toMillis(), slackMedian, loadAverage());
        System.out.println("DB=" + TestDatabase.url().jdbcUrl().replaceAll(".*/([^?]*).*", "$1"));
        try (CrmWaveWorld w = new CrmWaveWorld(n, d)) {
            long t = System.nanoTime();
            w.seed();
            System.out.printf("seeded in %.1f s%n", seconds(t));
            t = System.nanoTime();
            int connected = w.connectAll(8);
            w.slack.awaitCalls("chat.postMessage", connected, Duration.ofMinutes(10));
            System.out.printf(
                    "connected %d of %d through OAuth in %.1f s%n", connected, n, seconds(t));
            CrmSync sync = w.app.crmSync().orElseThrow();
            t = System.nanoTime();
            int base = rounds(sync, Duration.ofHours(2));
            System.out.printf(
                    "baseline (no latency): %d connections in %.1f s; %d deals stored%n",
                    base, seconds(t), count("crm_deal"));

            Instant changes = w.clock.instant();
            w.changeAll(changes);
            w.clock.advance(Duration.ofMinutes(10)); // past SETTLE and the sync interval
            Instant syncClock = w.clock.instant();
            w.salesforce.latency(min, max);
            w.hubspot.latency(min, max);
            w.slack.pace(
                    new RealisticSlack(
                            new RealisticSlack.Latency(slackMedian, RealisticSlack.SEED), null));
            w.salesforce.clearRequests();
            w.hubspot.clearRequests();
            int slackBefore = w.slack.calls().size();
            heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
            System.out.printf("load average before the sync: %s%n", loadAverage());

            Instant wallStart = Instant.now();
            t = System.nanoTime();
            int taken = rounds(sync, budget);
            double took = seconds(t);
            long heapPeak = heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            int synced =
                    count(
                            "crm_connection WHERE next_sync_at > '"
                                    + syncClock.plus(CrmApi.SETTLE)
                                    + "' AND sync_failures = 0");
            System.out.printf(
                    "%nONE SYNC: %d connections taken, %d synced, %d failing, in %.1f s (%.0f ms"
                            + " per connection)%n",
                    taken,
                    synced,
                    count("crm_connection WHERE sync_failures > 0"),
                    took,
                    took * 1000 / Math.max(1, taken));
            report(w, slackBefore, syncClock, wallStart);
            System.out.printf(
                    "memory: heap peak during the sync %d MiB; RSS now %s, peak %s%n",
                    heapPeak >> 20, status("VmRSS"), status("VmHWM"));
            System.out.printf(
                    "RESULT connections=%d deals=%d taken=%d synced=%d sync_ms=%.0f%n",
                    n, d, taken, synced, took * 1000);
        }
    }

    /** {@code runOnce()} until it takes fewer than a batch, or the budget is spent. */
    private static int rounds(CrmSync sync, Duration budget) {
        long start = System.nanoTime();
        int taken = 0;
        int round;
        do {
            round = sync.runOnce();
            taken += round;
            System.out.printf("  %d connections synced, %.1f s%n", taken, seconds(start));
        } while (round >= CrmSync.BATCH && System.nanoTime() - start < budget.toNanos());
        if (round >= CrmSync.BATCH) {
            System.out.printf("  STOPPED at the %d min budget%n", budget.toMinutes());
        }
        return taken;
    }

    private static void report(
            CrmWaveWorld w, int slackBefore, Instant syncClock, Instant wallStart)
            throws Exception {
        System.out.println(
                "Salesforce calls: "
                        + kinds(
                                w.salesforce,
                                Map.of(
                                        "token refresh",
                                        r -> "refresh_token".equals(form(r, "grant_type")),
                                        "users read",
                                        r -> q(r).startsWith("SELECT Id, Email"),
                                        "deal query",
                                        r -> q(r).contains("FROM Opportunity"),
                                        "deal next batch",
                                        r -> r.path().contains("/query/"))));
        System.out.println(
                "HubSpot calls: "
                        + kinds(
                                w.hubspot,
                                Map.of(
                                        "token refresh",
                                        r -> "refresh_token".equals(form(r, "grant_type")),
                                        "owners read",
                                        r -> r.path().equals("/crm/v3/owners"),
                                        "deal search",
                                        r -> r.path().endsWith("/deals/search"))));
        List<FakeSlack.Call> calls = w.slack.calls();
        calls = calls.subList(slackBefore, calls.size());
        Map<String, Integer> byMethod = new TreeMap<>();
        calls.forEach(c -> byMethod.merge(c.method(), 1, Integer::sum));
        System.out.println("Slack calls: " + byMethod);
        List<Double> latency = new ArrayList<>();
        List<Double> wall = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        int news = 0;
        for (FakeSlack.Call c : calls) {
            String text = c.param("text");
            if (!c.method().equals("chat.postMessage") || text == null || !text.contains(" — ")) {
                continue;
            }
            Instant changed = w.newsChangedAt.get(text.substring(0, text.indexOf(" — ")));
            if (changed == null) {
                continue;
            }
            news++;
            distinct.add(c.param("channel") + " " + text);
            double inSync = Duration.between(wallStart, c.answeredAt()).toMillis() / 1000.0;
            wall.add(inSync);
            latency.add(Duration.between(changed, syncClock).toSeconds() + inSync);
        }
        System.out.printf(
                "news DMs: %d (expected %d), duplicate DMs %d; news rows %d, duplicate news rows"
                        + " %d, deals with more than one news row %d%n",
                news,
                3 * w.managers,
                news - distinct.size(),
                count("news"),
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT count(*) - count(DISTINCT (user_id,"
                                                                + " body)) FROM news")
                                                .mapTo(Integer.class)
                                                .one()),
                count(
                        "(SELECT 1 FROM crm_deal_news GROUP BY connection_id, user_id, deal_id"
                                + " HAVING count(*) > 1) d"));
        System.out.printf(
                "news DM after the sync started: p50 %.1f s, p95 %.1f s, max %.1f s; change to"
                        + " DM (clock gap + that): p50 %.0f s, p95 %.0f s%n",
                pct(wall, 50), pct(wall, 95), pct(wall, 100), pct(latency, 50), pct(latency, 95));
        String metrics = w.app.get("/metrics").body();
        System.out.println(
                "app crm.news.latency (on the benchmark's frozen clock): "
                        + metrics.lines()
                                .filter(l -> l.startsWith("crm_news_latency_seconds"))
                                .toList());
    }

    private static String kinds(
            FakeOAuthServer fake, Map<String, Predicate<FakeOAuthServer.Request>> kinds) {
        List<FakeOAuthServer.Request> requests = fake.requests();
        Map<String, Long> counts = new TreeMap<>();
        kinds.forEach((k, p) -> counts.put(k, requests.stream().filter(p).count()));
        return counts + " of " + requests.size();
    }

    private static String q(FakeOAuthServer.Request r) {
        String q = r.query("q");
        return q == null ? "" : q;
    }

    private static String form(FakeOAuthServer.Request r, String name) {
        return r.method().equals("POST") && r.path().contains("token") ? r.form(name) : null;
    }

    private static double pct(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static int count(String tableAndWhere) {
        return TestDatabase.rows(tableAndWhere);
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .toList();
    }

    private static String status(String key) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith(key + ":"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MiB")
                .findFirst()
                .orElse("?");
    }

    private static String loadAverage() throws Exception {
        String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return f[0] + " " + f[1] + " " + f[2];
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
