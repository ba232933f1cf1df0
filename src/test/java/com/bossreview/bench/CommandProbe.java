package com.bossreview.bench;

import com.bossreview.config.Secret;
import com.bossreview.slack.SignatureCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Signed slash commands at a low fixed rate for a failure test, every answer recorded: unlike
 * {@link CommandLoad} (throughput), this one keeps each request's send time, latency (from its
 * scheduled time), HTTP status and a class: {@code ok} (200, a normal answer), {@code unavailable}
 * (200 with the ephemeral "temporarily unavailable" the app gives while its database is away),
 * {@code slow_ok}/{@code slow_unavailable} (the same, but later than Slack's 3 s), {@code error}
 * (anything else: another status, a timeout, a refused connection).
 *
 * <p>Usage: {@code CommandProbe <eventsUrl> <signingSecret> <rate/s> <seconds> <users> <teams>
 * <csvOut> [command] [text]}. Writes {@code at_ms,latency_ms,status,class,body} per request to
 * {@code csvOut} and prints a summary ending with a {@code RESULT} line of key=value figures.
 */
public final class CommandProbe {
    static final String UNAVAILABLE = "temporarily unavailable";
    static final long SLACK_LIMIT_MS = 3000;

    record Answer(long atMs, long latencyMs, int status, String body) {
        String kind() {
            boolean unavailable = status == 200 && body.contains(UNAVAILABLE);
            if (status != 200) {
                return "error";
            }
            String k = unavailable ? "unavailable" : "ok";
            return latencyMs > SLACK_LIMIT_MS ? "slow_" + k : k;
        }
    }

    public static void main(String[] args) throws Exception {
        URI url = URI.create(args[0]);
        SignatureCheck signer = new SignatureCheck(new Secret(args[1]), Clock.systemUTC());
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int users = Integer.parseInt(args[4]);
        int teams = Integer.parseInt(args[5]);
        Path csv = Path.of(args[6]);
        String command = args.length > 7 ? args[7] : "/bossreview";
        String text = args.length > 8 ? args[8] : "status";
        int total = rate * seconds;
        HttpClient http =
                HttpClient.newBuilder()
                        .executor(Executors.newFixedThreadPool(4))
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long startMs = System.currentTimeMillis();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            long atMs = startMs + (due - start) / 1_000_000;
            int k = i % users;
            String body =
                    CommandLoad.form(
                            command,
                            text,
                            String.format("TB%04d", k % teams),
                            String.format("UM%06d", k));
            String ts = Long.toString(System.currentTimeMillis() / 1000);
            HttpRequest request =
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("X-Slack-Request-Timestamp", ts)
                            .header(
                                    "X-Slack-Signature",
                                    signer.sign(ts, body.getBytes(StandardCharsets.UTF_8)))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
            answers.add(
                    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                            .handle(
                                    (r, e) ->
                                            new Answer(
                                                    atMs,
                                                    (System.nanoTime() - due) / 1_000_000,
                                                    r == null ? 0 : r.statusCode(),
                                                    r == null ? String.valueOf(e) : r.body())));
        }
        List<Answer> all = new ArrayList<>();
        for (CompletableFuture<Answer> f : answers) {
            all.add(f.get(30, TimeUnit.SECONDS));
        }
        report(all, csv);
        System.exit(0);
    }

    static void report(List<Answer> all, Path csv) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv))) {
            out.println("at_ms,latency_ms,status,class,body");
            for (Answer a : all) {
                String body = a.body().replaceAll("[\\r\\n,]", " ");
                out.printf(
                        "%d,%d,%d,%s,%s%n",
                        a.atMs(),
                        a.latencyMs(),
                        a.status(),
                        a.kind(),
                        body.length() > 120 ? body.substring(0, 120) : body);
            }
        }
        long ok = all.stream().filter(a -> a.kind().equals("ok")).count();
        long unavailable = all.stream().filter(a -> a.kind().equals("unavailable")).count();
        long slow = all.stream().filter(a -> a.kind().startsWith("slow_")).count();
        long errors = all.stream().filter(a -> a.kind().equals("error")).count();
        long maxLatency = all.stream().mapToLong(Answer::latencyMs).max().orElse(0);
        long maxUnavailableLatency =
                all.stream()
                        .filter(a -> a.kind().endsWith("unavailable"))
                        .mapToLong(Answer::latencyMs)
                        .max()
                        .orElse(0);
        long firstUnavailable =
                all.stream()
                        .filter(a -> a.kind().endsWith("unavailable"))
                        .mapToLong(Answer::atMs)
                        .min()
                        .orElse(0);
        long lastUnavailable =
                all.stream()
                        .filter(a -> a.kind().endsWith("unavailable"))
                        .mapToLong(Answer::atMs)
                        .max()
                        .orElse(0);
        long[] sorted = all.stream().mapToLong(Answer::latencyMs).sorted().toArray();
        all.stream()
                .filter(a -> a.kind().equals("error"))
                .limit(5)
                .forEach(
                        a ->
                                System.out.println(
                                        "commands: error example: status "
                                                + a.status()
                                                + " after "
                                                + a.latencyMs()
                                                + " ms: "
                                                + a.body()));
        all.stream()
                .filter(a -> a.kind().startsWith("slow_"))
                .sorted(Comparator.comparingLong(Answer::latencyMs).reversed())
                .limit(3)
                .forEach(
                        a ->
                                System.out.println(
                                        "commands: slow example: "
                                                + a.kind()
                                                + " after "
                                                + a.latencyMs()
                                                + " ms"));
        System.out.printf(
                "commands: %d sent, %d ok, %d temporarily unavailable, %d later than 3 s, %d errors; "
                        + "latency p50 %d ms, p99 %d ms, max %d ms (max of the unavailable answers %d ms)%n",
                all.size(),
                ok,
                unavailable,
                slow,
                errors,
                pct(sorted, 0.5),
                pct(sorted, 0.99),
                maxLatency,
                maxUnavailableLatency);
        System.out.printf(
                "RESULT total=%d ok=%d unavailable=%d slow=%d errors=%d p50_ms=%d p99_ms=%d max_ms=%d "
                        + "max_unavailable_ms=%d first_unavailable_at=%d last_unavailable_at=%d%n",
                all.size(),
                ok,
                unavailable,
                slow,
                errors,
                pct(sorted, 0.5),
                pct(sorted, 0.99),
                maxLatency,
                maxUnavailableLatency,
                firstUnavailable,
                lastUnavailable);
    }

    static long pct(long[] sorted, double p) {
        return sorted.length == 0
                ? 0
                : sorted[
                        (int)
                                Math.min(
                                        sorted.length - 1,
                                        Math.max(0, Math.ceil(p * sorted.length) - 1))];
    }
}
