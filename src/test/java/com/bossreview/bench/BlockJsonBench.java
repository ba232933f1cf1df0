package com.bossreview.bench;

import com.bossreview.forecast.Currency;
import com.bossreview.forecast.Forecast;
import com.bossreview.forecast.ToldVia;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ReviewSlot;
import com.bossreview.news.NewsItem;
import com.bossreview.news.NewsKind;
import com.bossreview.slack.BlockJson;
import com.bossreview.status.StatusCard;
import com.bossreview.status.StatusViews;
import com.bossreview.time.ClockStyle;
import com.bossreview.time.FiscalQuarter;
import com.bossreview.time.IsoWeek;
import com.bossreview.time.PrimeHours;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * CPU per status-card ack body: {@code BlockJson} (the SDK's Gson with {@code BlockAdapters}) and,
 * for scale, Bolt's own {@code Response.json} of a {@link SlashCommandResponse}. (The static writer
 * it replaced measured the same, BENCHMARKS.md, and is gone.) A plain loop, not JMH: enough to see
 * a 10 % change, not to publish.
 *
 * <p>Usage: {@code BlockJsonBench [card|big] [new|sdk]... } (default: {@code card}, both,
 * interleaved round by round in one JVM; name one variant for a JVM of its own, which keeps the
 * JIT's profiles to that variant alone). {@code card} is the fullest status card (6 blocks, 6
 * buttons), {@code big} that card and the onboarding (12 blocks, 7 buttons). Per variant: 3 s of
 * warm-up, then 11 rounds ({@code -Drounds=}) of about 1 s, each printed as µs of thread CPU (and
 * wall) per serialisation (and bytes allocated, which the box's load does not blur); then the
 * median.
 */
public final class BlockJsonBench {
    private static final int ROUNDS = Integer.getInteger("rounds", 11);
    private static final long WARMUP_NS = 3_000_000_000L;
    private static final long ROUND_NS = 1_000_000_000L;

    private static long sink;

    private BlockJsonBench() {}

    public static void main(String[] args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        boolean big = a.remove("big");
        a.remove("card");
        if (a.isEmpty()) {
            a.addAll(List.of("new", "sdk"));
        }
        StatusCard card = fullCard();
        String text = StatusViews.fallback(card);
        List<LayoutBlock> blocks = new ArrayList<>(StatusViews.card(card));
        if (big) {
            blocks.addAll(StatusViews.onboarding());
        }
        System.out.printf(
                Locale.ROOT,
                "%d blocks, %d bytes of ack body%n",
                blocks.size(),
                BlockJson.ack(text, blocks).getBody().length());

        List<BiFunction<String, List<LayoutBlock>, Response>> variants = new ArrayList<>();
        for (String name : a) {
            variants.add(variant(name));
        }
        for (int w = 0; w < 3; w++) { // interleaved, so that no variant's code is compiled last
            for (int v = 0; v < variants.size(); v++) {
                run(variants.get(v), text, blocks, WARMUP_NS / 3);
            }
        }
        long[][] cpu = new long[variants.size()][ROUNDS];
        long[][] alloc = new long[variants.size()][ROUNDS];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) threads;
        long self = Thread.currentThread().getId();
        for (int r = 0; r < ROUNDS; r++) {
            for (int v = 0; v < variants.size(); v++) {
                long bytes0 = bytes.getThreadAllocatedBytes(self);
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                long n = run(variants.get(v), text, blocks, ROUND_NS);
                long wall = System.nanoTime() - wall0;
                long c = threads.getCurrentThreadCpuTime() - cpu0;
                alloc[v][r] = (bytes.getThreadAllocatedBytes(self) - bytes0) / n;
                cpu[v][r] = c * 1000 / n; // picoseconds per op, for the median below
                System.out.printf(
                        Locale.ROOT,
                        "round %d %-6s %8.3f µs cpu %8.3f µs wall %6d B allocated (%d ops)%n",
                        r + 1,
                        a.get(v),
                        c / 1000.0 / n,
                        wall / 1000.0 / n,
                        alloc[v][r],
                        n);
            }
        }
        for (int v = 0; v < variants.size(); v++) {
            long[] sorted = cpu[v].clone();
            Arrays.sort(sorted);
            System.out.printf(
                    Locale.ROOT,
                    "RESULT %s blocks=%d median_cpu_us=%.3f min_cpu_us=%.3f bytes_per_op=%d%n",
                    a.get(v),
                    blocks.size(),
                    sorted[ROUNDS / 2] / 1_000_000.0,
                    sorted[0] / 1_000_000.0,
                    alloc[v][ROUNDS - 1]);
        }
        if (sink == 42) {
            System.out.println();
        }
    }

    private static BiFunction<String, List<LayoutBlock>, Response> variant(String name) {
        return switch (name) {
            case "new" -> BlockJson::ack;
            case "sdk" ->
                    (text, blocks) ->
                            Response.json(
                                    200,
                                    SlashCommandResponse.builder()
                                            .text(text)
                                            .blocks(blocks)
                                            .build());
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Serialisations until {@code ns} have passed; how many. */
    private static long run(
            BiFunction<String, List<LayoutBlock>, Response> ack,
            String text,
            List<LayoutBlock> blocks,
            long ns) {
        long n = 0;
        long end = System.nanoTime() + ns;
        do {
            for (int i = 0; i < 256; i++) {
                sink += ack.apply(text, blocks).getBody().length();
            }
            n += 256;
        } while (System.nanoTime() < end);
        return n;
    }

    /**
     * The fullest status card: a boss, nudges paused, bad and good news waiting, a downgraded
     * forecast the boss has not been told (so the share button shows), the week not booked.
     */
    static StatusCard fullCard() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        LocalDate today = now.atZone(zone).toLocalDate();
        Manager m =
                new Manager(
                        "T1",
                        "U0MANAGER",
                        Optional.of("U0BOSS"),
                        zone,
                        Optional.of(Instant.EPOCH),
                        false,
                        Optional.of(new ReviewSlot(DayOfWeek.FRIDAY, LocalTime.of(16, 30))),
                        PrimeHours.DEFAULT,
                        Month.JANUARY,
                        DayOfWeek.MONDAY,
                        LocalTime.of(8, 30),
                        Manager.DEFAULT_BAD_NEWS_AFTER,
                        List.of(21, 14, 7),
                        Manager.DEFAULT_PREP_LEAD_DAYS,
                        true,
                        Optional.of(today.plusDays(5)),
                        Instant.EPOCH,
                        ClockStyle.H24);
        FiscalQuarter q = FiscalQuarter.containing(today, Month.JANUARY);
        Optional<Currency> usd = Optional.of(Currency.USD);
        Forecast told =
                new Forecast(
                        1,
                        "T1",
                        "U0MANAGER",
                        q.fiscalYear(),
                        q.quarter(),
                        new BigDecimal("250000"),
                        usd,
                        Optional.empty(),
                        now.minusSeconds(86_400 * 20),
                        Optional.of(now.minusSeconds(86_400 * 19)),
                        Optional.of("U0BOSS"),
                        Optional.of(ToldVia.DM));
        Forecast latest =
                new Forecast(
                        2,
                        "T1",
                        "U0MANAGER",
                        q.fiscalYear(),
                        q.quarter(),
                        new BigDecimal("210000"),
                        usd,
                        Optional.of("lost the <Acme & Co> renewal"),
                        now.minusSeconds(86_400),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty());
        List<NewsItem> news =
                List.of(
                        new NewsItem(
                                1,
                                "T1",
                                "U0MANAGER",
                                NewsKind.BAD,
                                "Acme churned",
                                now.minusSeconds(7_200)),
                        new NewsItem(
                                2,
                                "T1",
                                "U0MANAGER",
                                NewsKind.GOOD,
                                "Globex signed",
                                now.minusSeconds(3_600)));
        return new StatusCard(
                m,
                now,
                IsoWeek.of(today),
                Optional.empty(),
                news,
                Optional.of(latest),
                Optional.of(told),
                q,
                q.daysLeft(today),
                4);
    }
}
