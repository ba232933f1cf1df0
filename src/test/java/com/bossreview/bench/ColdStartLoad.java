package com.bossreview.bench;

import com.bossreview.config.Secret;
import com.bossreview.slack.SignatureCheck;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

/**
 * Cold start: started before the app, this generator waits for {@code /livez} (warming its own HTTP client
 * on it, so the client's JIT stays out of the figures), then for {@code /readyz}, and the moment the app
 * reports ready sends {@code /bossreview status} open-loop at {@code rate}/s: the first second is reported
 * apart from the rest. Usage:
 * {@code ColdStartLoad <baseUrl> <signingSecret> <rate> <seconds> <users> <teams>}
 */
public final class ColdStartLoad {
    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient probe = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(1)).build();
        long t0 = System.nanoTime();
        int livez = 0;
        while (!answers(probe, base.resolve("/readyz"))) {
            if (answers(probe, base.resolve("/livez"))) {
                livez++;
            }
            Thread.sleep(livez == 0 ? 50 : 5);
        }
        System.out.printf("ready after %.1f s (%d /livez answers seen while waiting)%n", (System.nanoTime() - t0) / 1e9,
                livez);
        CommandLoad load = new CommandLoad(base.resolve("/slack/events"), new SignatureCheck(new Secret(args[1]),
                Clock.systemUTC()), "/bossreview", "status", Integer.parseInt(args[4]), Integer.parseInt(args[5]));
        System.out.println("first second:   " + load.openLoop(rate, 1));
        System.out.println("next " + (seconds - 1) + " seconds: " + load.openLoop(rate, seconds - 1));
        System.exit(0);
    }

    private static boolean answers(HttpClient client, URI uri) {
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }
}
