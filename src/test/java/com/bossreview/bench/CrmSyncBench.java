package com.bossreview.bench;

import com.bossreview.calendar.ProviderHttp;
import com.bossreview.crm.CrmApi;
import com.bossreview.crm.DealChanges;
import com.bossreview.crm.HubSpotApi;
import com.bossreview.crm.SalesforceApi;
import com.bossreview.crm.Watermark;
import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeOAuthServer;
import com.bossreview.support.FakeSalesforce;
import com.bossreview.support.MutableClock;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * One CRM read per connection, as the sync loop will make it every few minutes: N connections, each
 * with a team of 5 owners and {@code deals} deals changed since its watermark, read against {@link
 * FakeSalesforce} and {@link FakeHubSpot} answering after 100–300 ms (the providers' usual round
 * trip from a cloud host). Reports, per provider and N: wall time for all N, each connection's read
 * time (median, p95, max), and API calls made. Connections run {@code concurrency} at a time on one
 * shared OkHttp client, as the loop's executor would.
 *
 * <p>Usage: {@code CrmSyncBench [connections=1,10,50] [concurrency=8] [deals=200]
 * [latencyMs=100-300]}. A plain harness, not JMH: it measures waiting on the network, which is what
 * a read is made of.
 */
public final class CrmSyncBench {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final Instant SINCE = NOW.minus(Duration.ofMinutes(10));

    private CrmSyncBench() {}

    public static void main(String[] args) throws Exception {
        List<Integer> ns =
                Arrays.stream((args.length > 0 ? args[0] : "1,10,50").split(","))
                        .map(String::trim)
                        .map(Integer::parseInt)
                        .toList();
        int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int deals = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        String[] lat = (args.length > 3 ? args[3] : "100-300").split("-");
        Duration min = Duration.ofMillis(Long.parseLong(lat[0]));
        Duration max = Duration.ofMillis(Long.parseLong(lat[lat.length - 1]));
        OkHttpClient http =
                ProviderHttp.client().newBuilder().dispatcher(dispatcher(concurrency)).build();
        System.out.printf(
                "deals/connection=%d concurrency=%d latency=%d-%d ms%n",
                deals, concurrency, min.toMillis(), max.toMillis());
        for (int n : ns) {
            try (FakeSalesforce sf = new FakeSalesforce()) {
                List<String> tokens = seedSalesforce(sf, n, deals);
                sf.latency(min, max);
                run(
                        "salesforce",
                        sf,
                        tokens,
                        concurrency,
                        i ->
                                new SalesforceApi(
                                        URI.create(sf.instanceUrl()), http, new MutableClock(NOW)),
                        n);
            }
            try (FakeHubSpot hs = new FakeHubSpot()) {
                List<String> tokens = seedHubSpot(hs, n, deals);
                hs.latency(min, max);
                run(
                        "hubspot",
                        hs,
                        tokens,
                        concurrency,
                        i -> new HubSpotApi(URI.create(hs.url()), http, new MutableClock(NOW)),
                        n);
            }
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static okhttp3.Dispatcher dispatcher(int concurrency) {
        okhttp3.Dispatcher d = new okhttp3.Dispatcher();
        d.setMaxRequests(Math.max(64, concurrency));
        d.setMaxRequestsPerHost(Math.max(64, concurrency));
        return d;
    }

    private static List<String> owners(int connection) {
        List<String> o = new ArrayList<>();
        for (int k = 0; k < 5; k++) {
            o.add(String.format("005C%05dO%dAAA", connection, k));
        }
        return o;
    }

    private static List<String> seedSalesforce(FakeSalesforce sf, int n, int deals) {
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            tokens.add(sf.accessToken("manager" + c + "@example.com"));
            List<String> owners = owners(c);
            for (int d = 0; d < deals; d++) {
                sf.put(
                        new FakeSalesforce.Opportunity(
                                String.format("006C%05dD%05d", c, d),
                                "Deal " + d,
                                owners.get(d % owners.size()),
                                BigDecimal.valueOf(1000L * (d + 1)),
                                "USD",
                                LocalDate.of(2026, 12, 31),
                                "Negotiation/Review",
                                false,
                                false,
                                "Pipeline",
                                SINCE.plusSeconds(1 + d % 240)));
            }
        }
        return tokens;
    }

    private static List<String> seedHubSpot(FakeHubSpot hs, int n, int deals) {
        List<String> tokens = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            tokens.add(hs.accessToken("manager" + c + "@example.com"));
            List<String> owners = owners(c);
            for (int d = 0; d < deals; d++) {
                hs.putDeal(
                        Long.toString(1_000_000L * (c + 1) + d),
                        "Deal " + d,
                        owners.get(d % owners.size()),
                        Long.toString(1000L * (d + 1)),
                        SINCE.plusMillis(1000L + 997L * d));
            }
        }
        return tokens;
    }

    private static void run(
            String name,
            FakeOAuthServer fake,
            List<String> tokens,
            int concurrency,
            Function<Integer, CrmApi> api,
            int n)
            throws Exception {
        fake.clearRequests();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        long t0 = System.nanoTime();
        List<Future<long[]>> reads = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            int conn = c;
            reads.add(
                    pool.submit(
                            () -> {
                                long start = System.nanoTime();
                                CrmApi a = api.apply(conn);
                                Watermark w = Watermark.after(SINCE);
                                long seen = 0;
                                DealChanges changes;
                                do {
                                    changes = a.changedDeals(tokens.get(conn), owners(conn), w);
                                    seen += changes.deals().size();
                                    w = changes.next();
                                } while (changes.more());
                                return new long[] {System.nanoTime() - start, seen};
                            }));
        }
        List<Long> times = new ArrayList<>();
        long seen = 0;
        for (Future<long[]> f : reads) {
            long[] r = f.get();
            times.add(r[0]);
            seen += r[1];
        }
        long wall = System.nanoTime() - t0;
        pool.shutdown();
        Collections.sort(times);
        System.out.printf(
                "%-10s N=%-4d wall=%6d ms  read p50=%5d p95=%5d max=%5d ms  deals=%d  api calls=%d"
                        + " (%.2f/connection)%n",
                name,
                n,
                wall / 1_000_000,
                times.get(times.size() / 2) / 1_000_000,
                times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1))
                        / 1_000_000,
                times.get(times.size() - 1) / 1_000_000,
                seen,
                fake.requests().size(),
                fake.requests().size() / (double) n);
    }
}
