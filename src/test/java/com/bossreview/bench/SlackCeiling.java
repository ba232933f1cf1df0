package com.bossreview.bench;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.slack.SlackClients;
import com.slack.api.Slack;
import com.slack.api.model.block.LayoutBlock;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fake Slack's own ceiling: {@code calls} chat.postMessage calls from {@code threads} threads
 * through the app's own Slack client (no database, nothing else), or the SDK's typed client. Usage:
 * {@code SlackCeiling <apiUrl> <calls> <threads> [app|sdk] [warmup=200]} (warm-up calls, one after
 * the other: fewer against the fake's realistic mode, where each takes ~150 ms).
 */
public final class SlackCeiling {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int calls = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        // "app": the app's own chat.postMessage path (Messenger → SlackApi.postJson); "sdk": the
        // Slack SDK's typed client.
        boolean lean = args.length < 4 || args[3].equals("app");
        com.bossreview.slack.Messenger messenger =
                new com.bossreview.slack.Messenger(
                        new com.bossreview.slack.SlackApi(
                                SlackClients.create(URI.create(url)),
                                new com.bossreview.config.Secret("xoxb-bench")));
        Slack slack = SlackClients.create(URI.create(url));
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                "*Time to book this week's review with your boss.* A short line of text like a nudge has."))));
        blocks.add(
                actions(
                        a ->
                                a.elements(
                                        List.of(
                                                button(
                                                        b ->
                                                                b.actionId("book")
                                                                        .text(plainText("Book"))
                                                                        .value("1"))))));
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        // warm-up, not counted
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 200;
        for (int i = 0; i < warmup; i++) {
            slack.methods("xoxb-bench")
                    .chatPostMessage(r -> r.channel("WARM").text("warm-up").blocks(blocks));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.submit(
                    () -> {
                        int i;
                        while ((i = next.getAndIncrement()) < calls) {
                            String channel = "CEIL" + i;
                            try {
                                if (lean) {
                                    messenger.dm("T0001", channel, "nudge", blocks);
                                } else if (!slack.methods("xoxb-bench")
                                        .chatPostMessage(
                                                r ->
                                                        r.channel(channel)
                                                                .text("nudge")
                                                                .blocks(blocks))
                                        .isOk()) {
                                    failures.incrementAndGet();
                                }
                            } catch (Exception e) {
                                failures.incrementAndGet();
                            }
                        }
                    });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "ceiling (%s client): %d chat.postMessage calls with %d threads in %.2f s = %.0f calls/s (%d failures)%n",
                lean ? "app" : "sdk", calls, threads, seconds, calls / seconds, failures.get());
        slack.close();
    }
}
