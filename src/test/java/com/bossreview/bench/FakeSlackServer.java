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

/**
 * The test suite's {@link FakeSlack} as a process of its own, for benchmarks against the real jar,
 * plus a control port: {@code GET /stats} (DMs delivered, distinct channels, faults, first and last
 * DM time), {@code POST /reset}, {@code POST /faults?mode=none|mixed}.
 *
 * <p>Usage: {@code FakeSlackServer <apiPort> <controlPort> [threads]}. "mixed" answers a third of
 * {@code chat.postMessage} calls, drawn at random (fixed seed), half with {@code 429 Retry-After:
 * 1} and half with {@code 500}; and the first {@value #TIMEOUTS} calls that would be the 20th,
 * 40th… hang 11 s (longer than the app's 4 s deadline for a DM) and then fail: timeouts where Slack
 * posted nothing.
 */
public final class FakeSlackServer {
    static final int TIMEOUTS = 30;

    public static void main(String[] args) throws IOException {
        int apiPort = Integer.parseInt(args[0]);
        int controlPort = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        FakeSlack slack = new FakeSlack(apiPort, threads);
        // Slack's example answer, read once instead of on every call.
        String ok = SlackSamples.read("from-openapi-spec/chat.postMessage.ok.json");
        slack.answer("chat.postMessage", ok);
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 50);
        control.createContext("/stats", ex -> reply(ex, stats(slack)));
        control.createContext(
                "/reset",
                ex -> {
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

    /** One line of key=value pairs about chat.postMessage. */
    static String stats(FakeSlack slack) {
        List<FakeSlack.Call> posts = slack.calls("chat.postMessage");
        Map<String, Integer> perChannel = new HashMap<>();
        long delivered = 0;
        long faulted = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        List<Long> times = new java.util.ArrayList<>();
        for (FakeSlack.Call c : posts) {
            if (c.faulted()) {
                faulted++;
                continue;
            }
            delivered++;
            perChannel.merge(c.param("channel"), 1, Integer::sum);
            long at = c.at().toEpochMilli();
            times.add(at);
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
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
                + (slack.calls().size() - posts.size());
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
