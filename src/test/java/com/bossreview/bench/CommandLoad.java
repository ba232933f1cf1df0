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
import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load: signed slash commands at a fixed rate for a fixed time, latency measured from
 * each request's scheduled send time (so a stalled server cannot hide its queue). Usage:
 * {@code CommandLoad <eventsUrl> <signingSecret> <rate/s> <seconds> <command> <text> <users> <teams>};
 * user {@code i} is {@code UM%06d} in workspace {@code TB%04d} ({@code i % teams}), as {@link NudgeWave} creates them.
 */
public final class CommandLoad {
    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        SignatureCheck signer = new SignatureCheck(new Secret(args[1]), Clock.systemUTC());
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String command = args[4];
        String text = args[5];
        int users = Integer.parseInt(args[6]);
        int teams = Integer.parseInt(args[7]);
        int total = rate * seconds;
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4))
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger statuses5xx = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int k = i % users;
            String body = form(command, text, String.format("TB%04d", k % teams), String.format("UM%06d", k));
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Slack-Request-Timestamp", ts)
                    .header("X-Slack-Signature", signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
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
        System.out.printf("%s %s @ %d/s for %d s: %d sent, %d ok, %d errors (%d 5xx)%s; %.0f ok/s; "
                        + "p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                command, text, rate, seconds, total, l.length, errors.get(), statuses5xx.get(),
                finished ? "" : ", " + done.getCount() + " unanswered after 15 s",
                l.length / elapsed, pct(l, 0.50), pct(l, 0.99), l.length == 0 ? 0 : l[l.length - 1] / 1e6);
        System.exit(0);
    }

    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    static String form(String command, String text, String team, String user) {
        String[][] fields = {{"token", "legacy"}, {"team_id", team}, {"team_domain", "bench"}, {"channel_id", "D0000001"},
                {"channel_name", "directmessage"}, {"user_id", user}, {"user_name", "manager"}, {"command", command},
                {"text", text}, {"api_app_id", "A0000001"},
                {"response_url", "http://127.0.0.1:18100/response/T/1/x"}, {"trigger_id", "1.2.3"}};
        return String.join("&", Arrays.stream(fields).map(f -> f[0] + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8)).toList());
    }
}
