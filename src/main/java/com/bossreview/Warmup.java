package com.bossreview;

import com.bossreview.forecast.ForecastDao;
import com.bossreview.manager.ManagerDao;
import com.bossreview.news.NewsDao;
import com.bossreview.news.NewsKind;
import com.bossreview.review.ReviewDao;
import com.bossreview.review.ReviewState;
import com.bossreview.slack.SeenRequests;
import com.bossreview.slack.SignatureCheck;
import com.bossreview.time.IsoWeek;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before {@code /readyz} turns 200, sends signed {@code /bossreview status} commands (with a few
 * {@code help} and bare ones) to this instance's own {@code /slack/events} over loopback, at the
 * rate of a busy morning, until they are answered as fast as a warm instance answers them. The
 * first people to type a command after a deploy then meet compiled code: Jetty's parsing, the
 * signature and replay checks, Bolt, the card's query and its JSON. A cold JVM answers its first
 * second of such load in about 1.5 s (BENCHMARKS §7).
 *
 * <p>The commands come from managers that exist only while the warm-up runs, in team {@link #TEAM},
 * in turn: one with a boss, a review slot, weeks, open news and a forecast (a full card), one with
 * only a boss (the card of a manager who just started, as most are), and one who never used
 * bossreview (the welcome). Code compiled from one shape alone would be thrown away at the first
 * card of another shape (the JIT's deoptimization), in the first seconds of real traffic. Every
 * command answers in its ack: nothing reaches Slack. Afterwards those managers are deleted (with
 * all of their rows, by cascade) and the warm-up's request signatures are removed from the replay
 * table, so nothing of it stays; the requests do stay counted in {@code http_server_requests} of
 * {@code /metrics}.
 */
public final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    static final String TEAM = "T0WARMUP";

    /** A full card, a new manager's card, nobody yet. */
    static final List<String> USERS = List.of("U0WARMUP1", "U0WARMUP2", "U0WARMUP3");

    private static final String BOSS = "U0WARMBOSS";

    /**
     * Mostly the card, the answer given most; one in ten {@code help}, one in ten a bare command.
     */
    private static final List<String> MIX =
            List.of(
                    "status", "status", "", "status", "status", "help", "status", "status",
                    "status", "status");

    /**
     * A window whose answers are not all back after this is counted as slow, not waited for longer.
     */
    private static final Duration STRAGGLERS = Duration.ofSeconds(2);

    /**
     * How long and how hard to warm up.
     *
     * @param rate commands a second, sent at even intervals
     * @param window latency is judged per window of this length
     * @param steadyP99 a window is warm when its p99 (from each command's scheduled time) is at
     *     most this
     * @param steadyWindows warm windows in a row that end the warm-up
     * @param max the warm-up ends after this even if it never got warm (logged)
     */
    public record Plan(
            int rate, Duration window, Duration steadyP99, int steadyWindows, Duration max) {
        /**
         * Production: 200/s until three 1-second windows in a row have a p99 of 40 ms or less, at
         * most 60 s. A warm instance on two cores answers 200 status/s with p99 ≈ 40 ms while its
         * load generator runs beside it (BENCHMARKS §7); a stricter bar would not be met on such a
         * box and only delay readiness.
         */
        public static final Plan PRODUCTION =
                new Plan(
                        200,
                        Duration.ofSeconds(1),
                        Duration.ofMillis(40),
                        3,
                        Duration.ofSeconds(60));

        /**
         * Tests: a few dozen commands, so every path runs once without making each start slower.
         */
        public static final Plan BRIEF =
                new Plan(
                        100,
                        Duration.ofMillis(100),
                        Duration.ofSeconds(10),
                        1,
                        Duration.ofSeconds(5));

        public Plan {
            if (rate < 1
                    || window.isNegative()
                    || window.isZero()
                    || steadyWindows < 1
                    || max.compareTo(window) < 0) {
                throw new IllegalArgumentException(
                        "not a warm-up plan: " + rate + "/s, " + window + ", " + max);
            }
        }
    }

    /**
     * What the warm-up did: commands sent and answered 200, windows run, whether it got warm, how
     * long.
     */
    public record Result(
            int sent, int ok, int windows, boolean steady, Duration took, Duration lastP99) {}

    /** Where the warm-up's commands go: the answer's HTTP status, when it comes. */
    private interface Target {
        CompletableFuture<Integer> send(byte[] body);

        /**
         * After the warm-up: removes what the requests themselves left (the replay table's rows).
         */
        void cleanUp();
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final java.util.function.Function<ExecutorService, Target> target;

    private Warmup(
            Jdbi jdbi, Clock clock, java.util.function.Function<ExecutorService, Target> target) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.target = target;
    }

    /**
     * HTTP mode: through this instance's own endpoint, as Slack would send them.
     *
     * @param events this instance's {@code /slack/events} on loopback
     * @param signing signs as Slack does, with the app's own signing secret
     * @param seen the replay table, cleared of the warm-up's signatures afterwards
     */
    public static Warmup overHttp(
            Jdbi jdbi, Clock clock, URI events, SignatureCheck signing, SeenRequests seen) {
        return new Warmup(
                jdbi,
                clock,
                senders -> {
                    HttpClient http =
                            HttpClient.newBuilder()
                                    .version(HttpClient.Version.HTTP_1_1)
                                    .executor(senders)
                                    .connectTimeout(Duration.ofSeconds(1))
                                    .build();
                    List<String> signatures = Collections.synchronizedList(new ArrayList<>());
                    return new Target() {
                        @Override
                        public CompletableFuture<Integer> send(byte[] body) {
                            String timestamp = Long.toString(clock.instant().getEpochSecond());
                            String signature = signing.sign(timestamp, body);
                            signatures.add(signature);
                            return http.sendAsync(
                                            HttpRequest.newBuilder(events)
                                                    .timeout(STRAGGLERS)
                                                    .header(
                                                            "Content-Type",
                                                            "application/x-www-form-urlencoded")
                                                    .header("X-Slack-Request-Timestamp", timestamp)
                                                    .header("X-Slack-Signature", signature)
                                                    .POST(
                                                            HttpRequest.BodyPublishers.ofByteArray(
                                                                    body))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .thenApply(HttpResponse::statusCode);
                        }

                        @Override
                        public void cleanUp() {
                            synchronized (signatures) {
                                seen.forget(List.copyOf(signatures));
                            }
                        }
                    };
                });
    }

    /** Socket Mode: no endpoint of ours to call; the same commands go to Bolt in this process. */
    public static Warmup inProcess(Jdbi jdbi, Clock clock, App bolt) {
        SlackRequestParser parser = new SlackRequestParser(bolt.config());
        return new Warmup(
                jdbi,
                clock,
                senders ->
                        new Target() {
                            @Override
                            public CompletableFuture<Integer> send(byte[] body) {
                                return CompletableFuture.supplyAsync(
                                        () -> {
                                            try {
                                                return bolt.run(
                                                                parser.parse(
                                                                        SlackRequestParser
                                                                                .HttpRequest
                                                                                .builder()
                                                                                .requestUri(
                                                                                        "/slack/events")
                                                                                .queryString(
                                                                                        Map.of())
                                                                                .headers(
                                                                                        new RequestHeaders(
                                                                                                Map
                                                                                                        .of(
                                                                                                                "Content-Type",
                                                                                                                List
                                                                                                                        .of(
                                                                                                                                "application/x-www-form-urlencoded"))))
                                                                                .requestBody(
                                                                                        new String(
                                                                                                body,
                                                                                                StandardCharsets
                                                                                                        .UTF_8))
                                                                                .remoteAddress(
                                                                                        "127.0.0.1")
                                                                                .build()))
                                                        .getStatusCode();
                                            } catch (Exception e) {
                                                throw new java.util.concurrent.CompletionException(
                                                        e);
                                            }
                                        },
                                        senders);
                            }

                            @Override
                            public void cleanUp() {}
                        });
    }

    /**
     * Runs the plan; never throws: a warm-up that fails only leaves the first requests slower
     * (logged).
     */
    public Result run(Plan plan) {
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(4, daemon("warmup"));
        Target to = target.apply(senders);
        int sent = 0;
        int ok = 0;
        int windows = 0;
        int steadyInARow = 0;
        Duration p99 = Duration.ZERO;
        List<Long> history = new ArrayList<>();
        try {
            seed();
            AtomicInteger counter = new AtomicInteger();
            while (steadyInARow < plan.steadyWindows()
                    && System.nanoTime() - started + plan.window().toNanos()
                            <= plan.max().toNanos()) {
                Window w = window(to, plan, counter);
                windows++;
                sent += w.sent;
                ok += w.ok;
                p99 = w.p99;
                history.add(w.p99.toMillis());
                steadyInARow =
                        w.ok == w.sent && p99.compareTo(plan.steadyP99()) <= 0
                                ? steadyInARow + 1
                                : 0;
            }
        } catch (RuntimeException e) {
            log.warn("The warm-up failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            senders.shutdownNow();
            cleanUp(to);
        }
        Result result =
                new Result(
                        sent,
                        ok,
                        windows,
                        steadyInARow >= plan.steadyWindows(),
                        Duration.ofNanos(System.nanoTime() - started),
                        p99);
        if (result.steady()) {
            log.info(
                    "Warmed up with {} of {} commands answered in {} ms; p99 per {} ms window: {} ms",
                    ok,
                    sent,
                    result.took().toMillis(),
                    plan.window().toMillis(),
                    history);
        } else {
            log.warn(
                    "The warm-up ended after {} ms without {} windows in a row at p99 <= {} ms ({} of {} answered;"
                            + " p99 per {} ms window: {} ms): the first commands may be slow",
                    result.took().toMillis(),
                    plan.steadyWindows(),
                    plan.steadyP99().toMillis(),
                    ok,
                    sent,
                    plan.window().toMillis(),
                    history);
        }
        return result;
    }

    private record Window(int sent, int ok, Duration p99) {}

    /**
     * One window, open-loop: each command leaves at its scheduled time whether or not the earlier
     * ones are back.
     */
    private Window window(Target to, Plan plan, AtomicInteger counter) throws InterruptedException {
        int n = Math.max(1, (int) (plan.rate() * plan.window().toNanos() / 1_000_000_000L));
        long interval = plan.window().toNanos() / n;
        AtomicLongArray latencies = new AtomicLongArray(n);
        for (int i = 0; i < n; i++) {
            latencies.set(i, Long.MAX_VALUE); // not answered (or not 200): slower than anything
        }
        Semaphore done = new Semaphore(0);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(
                        wait); // pacing the load: the schedule, not a hope about timing
            }
            int slot = i;
            int k = counter.getAndIncrement();
            to.send(command(MIX.get(k % MIX.size()), k).getBytes(StandardCharsets.UTF_8))
                    .whenComplete(
                            (status, error) -> {
                                if (error == null && status == 200) {
                                    latencies.set(slot, System.nanoTime() - due);
                                }
                                done.release();
                            });
        }
        done.tryAcquire(
                n, STRAGGLERS.toNanos(), TimeUnit.NANOSECONDS); // the late ones count as unanswered
        long rest = start + plan.window().toNanos() - System.nanoTime();
        if (rest > 0) {
            TimeUnit.NANOSECONDS.sleep(
                    rest); // the window's last interval: the next window must not raise the rate
        }
        long[] sorted = new long[n];
        int ok = 0;
        for (int i = 0; i < n; i++) {
            sorted[i] = latencies.get(i);
            ok += sorted[i] == Long.MAX_VALUE ? 0 : 1;
        }
        Arrays.sort(sorted);
        long p99 = sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)];
        return new Window(n, ok, p99 == Long.MAX_VALUE ? STRAGGLERS : Duration.ofNanos(p99));
    }

    /**
     * A manager with everything the card shows: boss, slot, weeks, open good and bad news, a
     * forecast.
     */
    private void seed() {
        Instant now = clock.instant();
        jdbi.useTransaction(
                h -> {
                    ManagerDao managers = h.attach(ManagerDao.class);
                    for (String user : USERS) {
                        managers.delete(TEAM, user); // left by a warm-up that was killed half-way
                    }
                    String fresh = USERS.get(1);
                    managers.insertIfMissing(TEAM, fresh, now);
                    managers.setBoss(TEAM, fresh, BOSS);
                    managers.setZoneExplicitly(
                            TEAM,
                            fresh,
                            "Europe/Berlin",
                            now); // else status asks Slack for the zone
                    managers.setLocale(TEAM, fresh, "de-DE");
                    String full = USERS.get(0);
                    managers.insertIfMissing(TEAM, full, now);
                    managers.setBoss(TEAM, full, BOSS);
                    managers.setZoneExplicitly(TEAM, full, "America/New_York", now);
                    managers.setLocale(TEAM, full, "en-US");
                    managers.setReviewSlot(TEAM, full, 5, LocalTime.of(16, 0));
                    IsoWeek week = IsoWeek.of(now.atZone(ZoneOffset.UTC).toLocalDate());
                    ReviewDao reviews = h.attach(ReviewDao.class);
                    reviews.upsert(TEAM, full, week.year(), week.week(), ReviewState.BOOKED, now);
                    IsoWeek last = week.previous();
                    reviews.upsert(TEAM, full, last.year(), last.week(), ReviewState.HELD, now);
                    NewsDao news = h.attach(NewsDao.class);
                    news.insert(TEAM, full, NewsKind.BAD, "Warm-up: a deal slipped", now);
                    news.insert(TEAM, full, NewsKind.GOOD, "Warm-up: a deal closed", now);
                    h.attach(ForecastDao.class)
                            .insert(
                                    TEAM,
                                    full,
                                    now.atZone(ZoneOffset.UTC).getYear(),
                                    1,
                                    new BigDecimal("250000"),
                                    "USD",
                                    "warm-up",
                                    now);
                });
    }

    private void cleanUp(Target to) {
        try {
            jdbi.useExtension(
                    ManagerDao.class,
                    dao ->
                            USERS.forEach(
                                    user -> dao.delete(TEAM, user))); // and by cascade their rows
            to.cleanUp();
        } catch (RuntimeException e) {
            log.warn(
                    "Could not remove the warm-up's rows (they go with the next warm-up and the replay table's expiry): {}",
                    e.toString());
        }
    }

    private static String command(String text, int i) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("team_id", TEAM);
        form.put("team_domain", "warmup");
        form.put("channel_id", "D0WARMUP");
        form.put("user_id", USERS.get(i % USERS.size()));
        form.put("user_name", "warmup");
        form.put("command", "/bossreview");
        form.put("text", text);
        form.put("api_app_id", "A0WARMUP");
        // Never called: these commands answer in the ack. An unroutable address in case one ever
        // did.
        form.put("response_url", "http://127.0.0.1:9/warmup");
        form.put(
                "trigger_id",
                "0.0.warmup" + i); // every body differs, so no request is a replay of another
        return form.entrySet().stream()
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
