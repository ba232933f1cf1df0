package com.bossreview.bench;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.SlackSamples;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The test suite's {@link FakeSlack} as a process of its own, for benchmarks against the real jar,
 * plus a control port: {@code GET /stats} (DMs delivered, distinct channels, faults, first and last
 * DM time), {@code POST /reset}, {@code POST /faults?mode=none|mixed}, {@code POST
 * /realistic?latency_ms=150&rate=10&burst=10}.
 *
 * <p>Usage: {@code FakeSlackServer <apiPort> <controlPort> [threads]}. "mixed" answers a third of
 * {@code chat.postMessage} calls, drawn at random (fixed seed), half with {@code 429 Retry-After:
 * 1} and half with {@code 500}; and the first {@value #TIMEOUTS} calls that would be the 20th,
 * 40th… hang 11 s (longer than the app's 10 s deadline for a DM) and then fail: timeouts where
 * Slack posted nothing.
 *
 * <p>"realistic" ({@link RealisticSlack}) answers every Web API call after a long-tailed latency of
 * median {@code latency_ms} (p90 ≈ 1.7×, p99 ≈ 4×), completing the answer later from a timer so
 * that thousands of calls can wait at once without a thread each; and limits {@code
 * chat.postMessage} per workspace (bot token) to {@code rate}/s with bursts of {@code burst}
 * (default: rate), answering {@code 429 Retry-After: <s>} {@code
 * {"ok":false,"error":"ratelimited"}} beyond; {@code rate=0}: no limit. {@code /reset} returns to
 * instant answers. {@code GET /stats?wave_at=<epoch ms>} adds the delivery times relative to that
 * instant.
 */
public final class FakeSlackServer {
    static final int TIMEOUTS = 30;

    public static void main(String[] args) throws IOException {
        int apiPort = Integer.parseInt(args[0]);
        int controlPort = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        // The JDK server closes keep-alive connections beyond 200 idle ones; the app's posts are
        // not
        // retried on a pooled connection that was closed (SlackApi), so with thousands of calls in
        // flight (realistic mode) those closes turned into failed calls. Keep them all.
        System.setProperty("sun.net.httpserver.maxIdleConnections", "100000");
        FakeSlack slack = new FakeSlack(apiPort, threads);
        // Slack's example answer, read once instead of on every call.
        String ok = SlackSamples.read("from-openapi-spec/chat.postMessage.ok.json");
        slack.answer("chat.postMessage", ok);
        AtomicReference<RealisticSlack> realistic = new AtomicReference<>();
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 50);
        control.createContext(
                "/stats",
                ex -> {
                    String waveAt = param(ex.getRequestURI().getQuery(), "wave_at");
                    reply(
                            ex,
                            stats(
                                    slack,
                                    waveAt == null ? 0 : Long.parseLong(waveAt),
                                    realistic.get()));
                });
        control.createContext(
                "/realistic",
                ex -> {
                    String q = ex.getRequestURI().getQuery();
                    double latency = number(q, "latency_ms", 150);
                    double rate = number(q, "rate", 10);
                    int burst = (int) number(q, "burst", Math.max(1, rate));
                    long seed = (long) number(q, "seed", RealisticSlack.SEED);
                    RealisticSlack pacing =
                            new RealisticSlack(
                                    new RealisticSlack.Latency(latency, seed),
                                    rate > 0
                                            ? new TokenBuckets(rate, burst, System::nanoTime)
                                            : null);
                    realistic.set(pacing);
                    slack.pace(pacing);
                    reply(
                            ex,
                            "realistic latency_ms="
                                    + latency
                                    + " rate="
                                    + rate
                                    + " burst="
                                    + burst
                                    + " seed="
                                    + seed);
                });
        control.createContext(
                "/reset",
                ex -> {
                    slack.pace(null);
                    realistic.set(null);
                    slack.reset();
                    slack.answer("chat.postMessage", ok);
                    reply(ex, "reset");
                });
        control.createContext(
                "/faults",
                ex -> {
                    String q = ex.getRequestURI().getQuery();
                    if (q != null && q.contains("mode=mixed")) {
                        AtomicInteger timeouts = new AtomicInteger();
                        java.util.Random random = new java.util.Random(20261127L);
                        slack.failWith(
                                "chat.postMessage",
                                n -> {
                                    if (n % 20 == 0 && timeouts.incrementAndGet() <= TIMEOUTS) {
                                        return new FakeSlack.Fault.Timeout(Duration.ofSeconds(11));
                                    }
                                    int draw;
                                    synchronized (random) {
                                        draw = random.nextInt(6);
                                    }
                                    return switch (draw) {
                                        case 0 -> new FakeSlack.Fault.RateLimited(1);
                                        case 1 -> new FakeSlack.Fault.ServerError(500);
                                        default -> null;
                                    };
                                });
                    } else {
                        slack.failWith("chat.postMessage", n -> null);
                    }
                    reply(ex, "faults " + q);
                });
        control.setExecutor(Executors.newSingleThreadExecutor());
        control.start();
        System.out.println(
                "fake slack: api on "
                        + slack.url()
                        + ", control on http://127.0.0.1:"
                        + controlPort
                        + "/");
    }

    static String stats(FakeSlack slack) {
        return stats(slack, 0, null);
    }

    /**
     * One line of key=value pairs (all whole numbers) about chat.postMessage. A DM counts as
     * delivered when it is answered. {@code ratelimited}: calls answered 429 by the realistic mode
     * ({@code ratelimited_bp}: their share of all calls in basis points, 1/100 %); {@code
     * max_rate_1s}: the most DMs any one workspace (bot token) had accepted within one second;
     * {@code latency_*}: the answers' delays (ms); {@code waiting_max}: the most answers waiting
     * for their delay at once. With {@code waveAt} (epoch ms), {@code *_ms}: delivery times from
     * then.
     */
    static String stats(FakeSlack slack, long waveAt, RealisticSlack realistic) {
        List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
        Map<String, Integer> perChannel = new HashMap<>();
        Map<String, List<Long>> perToken = new HashMap<>();
        long delivered = 0;
        long faulted = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        List<Long> times = new java.util.ArrayList<>();
        List<Long> latencies = new java.util.ArrayList<>();
        for (FakeSlack.Call c : posts) {
            latencies.add(c.answeredAt().toEpochMilli() - c.at().toEpochMilli());
            if (c.faulted()) {
                faulted++;
                continue;
            }
            delivered++;
            perChannel.merge(c.param("channel"), 1, Integer::sum);
            perToken.computeIfAbsent(String.valueOf(c.token()), t -> new java.util.ArrayList<>())
                    .add(c.at().toEpochMilli());
            long at = c.answeredAt().toEpochMilli();
            times.add(at);
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
        long ratelimited = realistic == null ? 0 : realistic.refused();
        long dupes = perChannel.values().stream().filter(v -> v > 1).mapToLong(v -> v - 1).sum();
        return "calls="
                + posts.size()
                + " delivered="
                + delivered
                + " distinct="
                + perChannel.size()
                + " duplicates="
                + dupes
                + " faulted="
                + faulted
                + " first="
                + (delivered == 0 ? 0 : first)
                + " last="
                + last
                + " p50="
                + nth(times, 0.50)
                + " p90="
                + nth(times, 0.90)
                + " p99="
                + nth(times, 0.99)
                + " other="
                + (slack.calls().size() - posts.size())
                + " ratelimited="
                + ratelimited
                + " ratelimited_bp="
                + (posts.isEmpty() ? 0 : Math.round(10_000.0 * ratelimited / posts.size()))
                + " max_rate_1s="
                + perToken.values().stream()
                        .mapToInt(FakeSlackServer::mostInOneSecond)
                        .max()
                        .orElse(0)
                + " latency_p50="
                + nth(latencies, 0.50)
                + " latency_p90="
                + nth(latencies, 0.90)
                + " latency_p99="
                + nth(latencies, 0.99)
                + " waiting_max="
                + slack.mostWaiting()
                + (waveAt > 0 && delivered > 0
                        ? " p50_ms="
                                + (nth(times, 0.50) - waveAt)
                                + " p99_ms="
                                + (nth(times, 0.99) - waveAt)
                                + " last_ms="
                                + (last - waveAt)
                        : "");
    }

    /** The most of these instants (ms) within any one second. */
    static int mostInOneSecond(List<Long> instants) {
        List<Long> sorted = instants.stream().sorted().toList();
        int most = 0;
        int from = 0;
        for (int to = 0; to < sorted.size(); to++) {
            while (sorted.get(to) - sorted.get(from) >= 1000) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String kv : query.split("&")) {
            String[] p = kv.split("=", 2);
            if (p[0].equals(name) && p.length == 2) {
                return p[1];
            }
        }
        return null;
    }

    private static double number(String query, String name, double otherwise) {
        String v = param(query, name);
        return v == null ? otherwise : Double.parseDouble(v);
    }

    /** The time by which a fraction {@code p} of the DMs had arrived (epoch ms; 0 when none). */
    static long nth(List<Long> times, double p) {
        if (times.isEmpty()) {
            return 0;
        }
        List<Long> sorted = times.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static void reply(HttpExchange ex, String body) throws IOException {
        byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
