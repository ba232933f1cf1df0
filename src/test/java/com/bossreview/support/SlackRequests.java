package com.bossreview.support;

import com.bossreview.config.Secret;
import com.bossreview.slack.SignatureCheck;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sends requests to the app's {@code /slack/events} the way Slack does: form-encoded slash commands,
 * {@code payload=} interactivity, JSON events — each signed with the signing secret.
 */
public final class SlackRequests {
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final SignatureCheck signer;
    private final Clock clock;

    public SlackRequests(int port, Clock clock) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.signer = new SignatureCheck(new Secret(SIGNING_SECRET), clock);
        this.clock = clock;
    }

    /** A {@code /bossreview} slash command from {@code user} in {@code team}. */
    public HttpResponse<String> command(String team, String user, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        form.put("team_id", team);
        form.put("team_domain", "example");
        form.put("channel_id", "D0000001");
        form.put("channel_name", "directmessage");
        form.put("user_id", user);
        form.put("user_name", "manager");
        form.put("command", "/bossreview");
        form.put("text", text);
        form.put("api_app_id", "A0000001");
        form.put("response_url", "https://hooks.slack.com/commands/T0001/1/abc");
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return post(formEncode(form), "application/x-www-form-urlencoded", clock.instant());
    }

    /** An interactivity payload ({@code block_actions}, {@code view_submission}) sent as {@code payload=}. */
    public HttpResponse<String> interaction(JsonObject payload) {
        return post("payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded", clock.instant());
    }

    /** An Events API callback. */
    public HttpResponse<String> event(JsonObject callback) {
        return post(callback.toString(), "application/json", clock.instant());
    }

    /** A body signed as if sent at {@code signedAt}. */
    public HttpResponse<String> post(String body, String contentType, Instant signedAt) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(body, contentType, timestamp, signer.sign(timestamp, bytes));
    }

    /** A body with whatever headers the test wants (null: header left out). */
    public HttpResponse<String> send(String body, String contentType, String timestamp, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (timestamp != null) {
            request.header("X-Slack-Request-Timestamp", timestamp);
        }
        if (signature != null) {
            request.header("X-Slack-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
