package com.bossreview.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs the most frequent commands ({@code status}, {@code help}) through Bolt a few times before the app
 * reports ready, so that class loading, Bolt's parsing, Jdbi's statement setup and the JIT's first
 * compilations are not paid by the first people to type a command (a cold first second answered in
 * hundreds of milliseconds). The requests come from a team id no workspace has, by a user who never used
 * bossreview: both commands only read and answer in the ack, so nothing reaches Slack and no row is written.
 * They are handed to Bolt directly, not through {@link SlackEventsEndpoint}, whose replay check would
 * record each of them.
 */
public final class Warmup {
    private static final Logger log = LoggerFactory.getLogger(Warmup.class);
    static final String TEAM = "T0WARMUP";
    static final String USER = "U0WARMUP";
    private static final List<String> COMMANDS = List.of("status", "help", "");

    private Warmup() {
    }

    /** Returns how many warm-up requests Bolt answered with 200; failures are logged, never thrown. */
    public static int run(App bolt, int rounds) {
        SlackRequestParser parser = new SlackRequestParser(bolt.config());
        int ok = 0;
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (String text : COMMANDS) {
                try {
                    Response response = bolt.run(parser.parse(SlackRequestParser.HttpRequest.builder()
                            .requestUri("/slack/events")
                            .queryString(Map.of())
                            .headers(new RequestHeaders(Map.of("Content-Type",
                                    List.of("application/x-www-form-urlencoded"))))
                            .requestBody(command(text))
                            .remoteAddress("127.0.0.1")
                            .build()));
                    if (response.getStatusCode() == 200) {
                        ok++;
                    }
                } catch (Exception e) {
                    log.warn("A warm-up /bossreview {} failed: {}", text, e.toString());
                }
            }
        }
        log.info("Warmed up with {} of {} synthetic commands in {} ms", ok, rounds * COMMANDS.size(),
                (System.nanoTime() - started) / 1_000_000);
        return ok;
    }

    private static String command(String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("team_id", TEAM);
        form.put("team_domain", "warmup");
        form.put("channel_id", "D0WARMUP");
        form.put("user_id", USER);
        form.put("user_name", "warmup");
        form.put("command", "/bossreview");
        form.put("text", text);
        form.put("api_app_id", "A0WARMUP");
        // Never called: both commands answer in the ack. An unroutable address in case one ever did.
        form.put("response_url", "http://127.0.0.1:9/warmup");
        form.put("trigger_id", "0.0.warmup");
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
