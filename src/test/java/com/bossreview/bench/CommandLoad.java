package com.bossreview.bench;

import com.bossreview.config.Secret;
import com.bossreview.slack.SignatureCheck;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Load on one slash command, in one JVM so that the generator's own JIT warm-up and connection
 * set-up stay out of the measured runs. Usage: {@code CommandLoad <eventsUrl> <signingSecret>
 * <loads> <seconds> <command> <text> <users> <teams> [warmupSeconds=10]}
 *
 * <ul>
 *   <li>{@code loads}: a comma- or space-separated list, run in turn, each for {@code seconds}. A
 *       number is an <em>open-loop</em> rate per second: a fixed schedule, latency measured from
 *       each request's scheduled send time (so a stalled server cannot hide its queue). {@code
 *       max:N} is <em>closed-loop</em>: N connections each sending the next request as soon as the
 *       last is answered, which finds the peak throughput.
 *   <li>First an unmeasured warm-up of {@code warmupSeconds} at 100/s (same client, same
 *       connections).
 * </ul>
 *
 * User {@code i} is {@code UM%06d} in workspace {@code TB%04d} ({@code i % teams}), as {@link
 * NudgeWave} creates them.
 */
public final class CommandLoad {
    private final URI url;
    private final SignatureCheck signer;
    private final String command;
    private final String text;
    private final int users;
    private final int teams;
    private final HttpClient http;
    private final AtomicInteger next = new AtomicInteger();

    CommandLoad(URI url, SignatureCheck signer, String command, String text, int users, int teams) {
        this.url = url;
        this.signer = signer;
        this.command = command;
        this.text = text;
        this.users = users;
        this.teams = teams;
        // HTTP/1.1 as Slack speaks it (the default HTTP_2 would try an h2c upgrade on every new
        // connection).
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .executor(Executors.newFixedThreadPool(4))
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    public static void main(String[] args) throws Exception {
        List<String> loads =
                Arrays.stream(args[2].split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 8 ? Integer.parseInt(args[8]) : 10;
        CommandLoad load =
                new CommandLoad(
                        URI.create(args[0]),
                        new SignatureCheck(new Secret(args[1]), Clock.systemUTC()),
                        args[4],
                        args[5],
                        Integer.parseInt(args[6]),
                        Integer.parseInt(args[7]));
        if (warmup > 0) {
            Result r = load.openLoop(100, warmup);
            System.out.printf(
                    "(warm-up %s @ 100/s for %d s: %d ok, %d errors, not reported)%n",
                    load.command, warmup, r.latencies.length, r.errors);
        }
        for (String l : loads) {
            Result r;
            if (l.startsWith("max:")) {
                int connections = Integer.parseInt(l.substring(4));
                r = load.closedLoop(connections, seconds);
            } else {
                r = load.openLoop(Integer.parseInt(l), seconds);
            }
            System.out.println(r);
            Thread.sleep(1000); // let the server settle between runs
        }
        System.exit(0);
    }

    record Result(
            String label,
            int sent,
            long[] latencies,
            int errors,
            int errors5xx,
            long unanswered,
            double elapsed) {
        @Override
        public String toString() {
            return String.format(
                    "%s: %d sent, %d ok, %d errors (%d 5xx)%s; %.0f ok/s; p50 %.1f ms, p90 %.1f ms, "
                            + "p99 %.1f ms, max %.1f ms",
                    label,
                    sent,
                    latencies.length,
                    errors,
                    errors5xx,
                    unanswered == 0 ? "" : ", " + unanswered + " unanswered after 15 s",
                    latencies.length / elapsed,
                    pct(latencies, 0.50),
                    pct(latencies, 0.90),
                    pct(latencies, 0.99),
                    latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        }
    }

    /** Fixed schedule; latency from each request's scheduled time. */
    Result openLoop(int rate, int seconds) throws InterruptedException {
        return openLoop(rate, seconds, () -> false);
    }

    /**
     * The same, sending no more once {@code stop} says so (the requests already sent are waited
     * for).
     */
    Result openLoop(int rate, int seconds, java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        int total = rate * seconds;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger statuses5xx = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            if (stop.getAsBoolean()) {
                for (int unsent = i; unsent < total; unsent++) {
                    done.countDown();
                }
                total = i;
                break;
            }
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            http.sendAsync(request(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete(
                            (r, e) -> {
                                long latency = System.nanoTime() - due;
                                if (e != null || r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    if (r != null && r.statusCode() >= 500) {
                                        statuses5xx.incrementAndGet();
                                    }
                                } else {
                                    latencies.add(latency);
                                }
                                done.countDown();
                            });
        }
        boolean finished = done.await(15, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Result(
                String.format("%s %s @ %d/s for %d s (open loop)", command, text, rate, seconds),
                total,
                l,
                errors.get(),
                statuses5xx.get(),
                finished ? 0 : done.getCount(),
                elapsed);
    }

    /**
     * {@code connections} senders, each waiting for its answer before the next request: the peak
     * rate.
     */
    Result closedLoop(int connections, int seconds) throws InterruptedException {
        List<long[]> perThread = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger statuses5xx = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService senders = Executors.newFixedThreadPool(connections);
        List<java.util.concurrent.Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            futures.add(
                    senders.submit(
                            () -> {
                                long[] mine = new long[1024];
                                int n = 0;
                                while (System.nanoTime() < end) {
                                    long t0 = System.nanoTime();
                                    sent.incrementAndGet();
                                    try {
                                        HttpResponse<String> r =
                                                http.send(
                                                        request(),
                                                        HttpResponse.BodyHandlers.ofString());
                                        if (r.statusCode() != 200) {
                                            errors.incrementAndGet();
                                            if (r.statusCode() >= 500) {
                                                statuses5xx.incrementAndGet();
                                            }
                                            continue;
                                        }
                                    } catch (Exception e) {
                                        errors.incrementAndGet();
                                        continue;
                                    }
                                    if (n == mine.length) {
                                        mine = Arrays.copyOf(mine, n * 2);
                                    }
                                    mine[n++] = System.nanoTime() - t0;
                                }
                                return Arrays.copyOf(mine, n);
                            }));
        }
        for (var f : futures) {
            try {
                perThread.add(f.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        senders.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] l = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(
                String.format(
                        "%s %s max with %d connections for %d s (closed loop)",
                        command, text, connections, seconds),
                sent.get(),
                l,
                errors.get(),
                statuses5xx.get(),
                0,
                elapsed);
    }

    private HttpRequest request() {
        int k = Math.floorMod(next.getAndIncrement(), users);
        String body =
                form(command, text, String.format("TB%04d", k % teams), String.format("UM%06d", k));
        String ts = Long.toString(System.currentTimeMillis() / 1000);
        return HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", ts)
                .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /**
     * Slack gives every invocation its own trigger id; identical bodies in one second would be
     * refused as replays.
     */
    private static final java.util.concurrent.atomic.AtomicLong TRIGGERS =
            new java.util.concurrent.atomic.AtomicLong();

    static String form(String command, String text, String team, String user) {
        String[][] fields = {
            {"token", "legacy"},
            {"team_id", team},
            {"team_domain", "bench"},
            {"channel_id", "D0000001"},
            {"channel_name", "directmessage"},
            {"user_id", user},
            {"user_name", "manager"},
            {"command", command},
            {"text", text},
            {"api_app_id", "A0000001"},
            {"response_url", "http://127.0.0.1:18100/response/T/1/x"},
            {"trigger_id", "1.2." + TRIGGERS.incrementAndGet()}
        };
        return String.join(
                "&",
                Arrays.stream(fields)
                        .map(f -> f[0] + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                        .toList());
    }
}
