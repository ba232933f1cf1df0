package com.bossreview.bench;

import com.bossreview.config.Secret;
import com.bossreview.slack.SignatureCheck;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Cold start: started before the app, this generator rehearses its own load while the app starts:
 * the same signed {@code /bossreview status} requests at {@code rate}/s, sent to a sink in this
 * process that answers 200, so that the generator's HTTP client, signing and bookkeeping are
 * compiled before the first measured request and its JIT stays out of the figures. The moment the
 * app's {@code /readyz} says 200 it sends them to the app, open-loop: the first second is reported
 * apart from the rest. Usage: {@code ColdStartLoad <baseUrl> <signingSecret> <rate> <seconds>
 * <users> <teams>}
 */
public final class ColdStartLoad {
    private static final int REHEARSAL_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient probe =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(1))
                        .build();
        SignatureCheck signer = new SignatureCheck(new Secret(args[1]), Clock.systemUTC());
        int users = Integer.parseInt(args[4]);
        int teams = Integer.parseInt(args[5]);
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        sink.createContext(
                "/",
                ex -> {
                    ex.getRequestBody().readAllBytes();
                    byte[] ok = "{\"text\":\"rehearsal\"}".getBytes(StandardCharsets.UTF_8);
                    ex.sendResponseHeaders(200, ok.length);
                    ex.getResponseBody().write(ok);
                    ex.close();
                });
        sink.setExecutor(Executors.newFixedThreadPool(4));
        sink.start();
        CommandLoad rehearsal =
                new CommandLoad(
                        URI.create("http://127.0.0.1:" + sink.getAddress().getPort() + "/"),
                        signer,
                        "/bossreview",
                        "status",
                        users,
                        teams);
        long t0 = System.nanoTime();
        java.util.concurrent.atomic.AtomicBoolean ready =
                new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger rehearsed =
                new java.util.concurrent.atomic.AtomicInteger();
        Thread rehearsing =
                new Thread(
                        () -> {
                            try {
                                // Ten seconds compile the client's path; more would only take CPU
                                // from the app starting beside it.
                                for (int second = 0;
                                        second < REHEARSAL_SECONDS && !ready.get();
                                        second++) {
                                    rehearsed.addAndGet(
                                            rehearsal.openLoop(rate, 1, ready::get).sent());
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "rehearsal");
        rehearsing.start();
        while (!answers(probe, base.resolve("/readyz"))) {
            Thread.sleep(5);
        }
        ready.set(true);
        sink.stop(0);
        System.out.printf(
                "ready after %.1f s (%d requests rehearsed against a local sink meanwhile)%n",
                (System.nanoTime() - t0) / 1e9, rehearsed.get());
        CommandLoad load =
                new CommandLoad(
                        base.resolve("/slack/events"),
                        signer,
                        "/bossreview",
                        "status",
                        users,
                        teams);
        System.out.println("first second:   " + load.openLoop(rate, 1));
        System.out.println(
                "next " + (seconds - 1) + " seconds: " + load.openLoop(rate, seconds - 1));
        System.exit(0);
    }

    private static boolean answers(HttpClient client, URI uri) {
        try {
            return client.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(1))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
