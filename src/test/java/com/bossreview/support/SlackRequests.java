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
 * Sends requests to the app's {@code /slack/events} the way Slack does: form-encoded slash
 * commands, {@code payload=} interactivity, JSON events — each signed with the signing secret. Like
 * Slack's, no two requests are alike, even at the same second of a test's fixed clock: a command
 * has its own {@code response_url}, a click its own {@code action_ts}, a submission its own view
 * hash. (The app refuses a byte-identical signed request as a replay.)
 */
public final class SlackRequests {
    public static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
    private static final java.util.concurrent.atomic.AtomicLong invocations =
            new java.util.concurrent.atomic.AtomicLong();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final SignatureCheck signer;
    private final Clock clock;
    private final String responseUrl;

    public SlackRequests(int port, Clock clock, String responseUrl) {
        this.responseUrl = responseUrl;
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/slack/events");
        this.signer = new SignatureCheck(new Secret(SIGNING_SECRET), clock);
        this.clock = clock;
    }

    /** A {@code /bossreview} slash command from {@code user} in {@code team}. */
    public HttpResponse<String> command(String team, String user, String text) {
        return command(null, team, user, text);
    }

    /**
     * A {@code /bossreview} slash command from {@code user} in workspace {@code team} of the
     * Enterprise Grid organization {@code enterprise} (null: not in an organization).
     */
    public HttpResponse<String> command(String enterprise, String team, String user, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "legacy-verification-token");
        if (enterprise != null) {
            form.put("enterprise_id", enterprise);
            form.put("enterprise_name", "Org " + enterprise);
            form.put("is_enterprise_install", "true");
        }
        form.put("team_id", team);
        form.put("team_domain", "example");
        form.put("channel_id", "D0000001");
        form.put("channel_name", "directmessage");
        form.put("user_id", user);
        form.put("user_name", "manager");
        form.put("command", "/bossreview");
        form.put("text", text);
        form.put("api_app_id", "A0000001");
        form.put("response_url", responseUrl + "/" + invocations.incrementAndGet());
        form.put("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return post(formEncode(form), "application/x-www-form-urlencoded", clock.instant());
    }

    /** A button click ({@code block_actions}) by {@code user} on a message the app sent. */
    public HttpResponse<String> click(String team, String user, String actionId, String value) {
        return click(team, user, actionId, value, "actions");
    }

    /**
     * As {@link #click(String, String, String, String)}, on a button in the block {@code blockId}.
     */
    public HttpResponse<String> click(
            String team, String user, String actionId, String value, String blockId) {
        return interaction(clickPayload(team, user, actionId, value, blockId));
    }

    /**
     * A click on a button of {@code message}, a {@code chat.postMessage} the app made (its {@code
     * text} and {@code blocks}): Slack sends the clicked message along, as the app sent it.
     */
    public HttpResponse<String> clickIn(
            String team, FakeSlack.Call message, String user, String actionId, String value) {
        JsonObject payload = clickPayload(team, user, actionId, value, "actions");
        JsonObject shown = new JsonObject();
        shown.addProperty("type", "message");
        shown.addProperty("ts", "1700000000.000100");
        shown.addProperty("bot_id", "B0000001");
        shown.addProperty("text", message.param("text"));
        shown.add("blocks", com.google.gson.JsonParser.parseString(message.param("blocks")));
        payload.add("message", shown);
        return interaction(payload);
    }

    private JsonObject clickPayload(
            String team, String user, String actionId, String value, String blockId) {
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", blockId);
        action.addProperty("type", "button");
        action.addProperty("value", value);
        action.addProperty("action_ts", actionTs());
        JsonObject payload = basePayload("block_actions", team, user);
        JsonObject container = new JsonObject();
        container.addProperty("type", "message");
        container.addProperty("message_ts", "1700000000.000100");
        container.addProperty("channel_id", "D0000001");
        container.addProperty("is_ephemeral", false);
        payload.add("container", container);
        JsonObject channel = new JsonObject();
        channel.addProperty("id", "D0000001");
        channel.addProperty("name", "directmessage");
        payload.add("channel", channel);
        payload.addProperty("response_url", responseUrl);
        com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return payload;
    }

    /**
     * A button click on the App Home tab, shaped like Slack's (the SDK's {@code BlockActionTest}
     * real payload): the container is the home view, and there is no {@code response_url} and no
     * channel.
     */
    public HttpResponse<String> clickOnHome(
            String team, String user, String actionId, String value) {
        JsonObject action = new JsonObject();
        action.addProperty("action_id", actionId);
        action.addProperty("block_id", "home_actions");
        action.addProperty("type", "button");
        action.addProperty("value", value);
        action.addProperty("action_ts", actionTs());
        JsonObject payload = basePayload("block_actions", team, user);
        JsonObject container = new JsonObject();
        container.addProperty("type", "view");
        container.addProperty("view_id", "VHOME0001");
        payload.add("container", container);
        JsonObject view = new JsonObject();
        view.addProperty("id", "VHOME0001");
        view.addProperty("team_id", team);
        view.addProperty("type", "home");
        view.add("blocks", new com.google.gson.JsonArray());
        view.addProperty("private_metadata", "");
        view.addProperty("callback_id", "");
        view.addProperty("hash", "1583635577.b4a5c9f0");
        view.addProperty("app_id", "A0000001");
        view.addProperty("bot_id", "B0000001");
        payload.add("view", view);
        com.google.gson.JsonArray actions = new com.google.gson.JsonArray();
        actions.add(action);
        payload.add("actions", actions);
        return interaction(payload);
    }

    /**
     * A modal submitted ({@code view_submission}); {@code values} is the {@code view.state.values}
     * object: block id → action id → element state.
     */
    public HttpResponse<String> submit(
            String team,
            String user,
            String callbackId,
            String privateMetadata,
            JsonObject values) {
        JsonObject payload = basePayload("view_submission", team, user);
        JsonObject view = new JsonObject();
        view.addProperty("id", "V0000001");
        view.addProperty("team_id", team);
        view.addProperty("type", "modal");
        view.addProperty("callback_id", callbackId);
        view.addProperty("private_metadata", privateMetadata);
        view.addProperty("hash", "156772938." + invocations.incrementAndGet());
        JsonObject state = new JsonObject();
        state.add("values", values);
        view.add("state", state);
        view.add("blocks", new com.google.gson.JsonArray());
        payload.add("view", view);
        payload.add("response_urls", new com.google.gson.JsonArray());
        return interaction(payload);
    }

    /** The {@code app_home_opened} event for {@code user}. */
    public HttpResponse<String> appHomeOpened(String team, String user) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("channel", "D0000001");
        event.addProperty("tab", "home");
        event.addProperty("event_ts", clock.instant().getEpochSecond() + ".000100");
        JsonObject callback = new JsonObject();
        callback.addProperty("token", "legacy-verification-token");
        callback.addProperty("team_id", team);
        callback.addProperty("api_app_id", "A0000001");
        callback.add("event", event);
        callback.addProperty("type", "event_callback");
        callback.addProperty("event_id", "Ev" + System.nanoTime());
        callback.addProperty("event_time", clock.instant().getEpochSecond());
        return event(callback);
    }

    /** The click's time as Slack writes it, to the microsecond: unique per click. */
    private String actionTs() {
        return clock.instant().getEpochSecond()
                + "."
                + String.format("%06d", invocations.incrementAndGet() % 1_000_000);
    }

    private JsonObject basePayload(String type, String team, String user) {
        JsonObject payload = new JsonObject();
        payload.addProperty("type", type);
        JsonObject teamJson = new JsonObject();
        teamJson.addProperty("id", team);
        teamJson.addProperty("domain", "example");
        payload.add("team", teamJson);
        JsonObject userJson = new JsonObject();
        userJson.addProperty("id", user);
        userJson.addProperty("username", "manager");
        userJson.addProperty("name", "manager");
        userJson.addProperty("team_id", team);
        payload.add("user", userJson);
        payload.addProperty("api_app_id", "A0000001");
        payload.addProperty("token", "legacy-verification-token");
        payload.addProperty("trigger_id", "13345224609.738474920.8088930838d88f008e0");
        return payload;
    }

    /**
     * An interactivity payload ({@code block_actions}, {@code view_submission}) sent as {@code
     * payload=}.
     */
    public HttpResponse<String> interaction(JsonObject payload) {
        return post(
                "payload=" + URLEncoder.encode(payload.toString(), StandardCharsets.UTF_8),
                "application/x-www-form-urlencoded",
                clock.instant());
    }

    /** An Events API callback. */
    public HttpResponse<String> event(JsonObject callback) {
        return post(callback.toString(), "application/json", clock.instant());
    }

    /** Slack's {@code app_uninstalled} event for {@code team} (single-workspace shape). */
    public HttpResponse<String> appUninstalled(String team) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_uninstalled");
        event.addProperty("event_ts", "1700000000.000100");
        JsonObject callback = new JsonObject();
        callback.addProperty("token", "legacy-verification-token");
        callback.addProperty("team_id", team);
        callback.addProperty("api_app_id", "A0BOSSREVIEW");
        callback.add("event", event);
        callback.addProperty("type", "event_callback");
        callback.addProperty("event_id", "Ev" + System.nanoTime());
        callback.addProperty("event_time", 1700000000);
        return event(callback);
    }

    /** A body signed as if sent at {@code signedAt}. */
    public HttpResponse<String> post(String body, String contentType, Instant signedAt) {
        String timestamp = Long.toString(signedAt.getEpochSecond());
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(body, contentType, timestamp, signer.sign(timestamp, bytes));
    }

    /** A body with whatever headers the test wants (null: header left out). */
    public HttpResponse<String> send(
            String body, String contentType, String timestamp, String signature) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(endpoint)
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

    /** The {@code text} of an ack's JSON body ("" for an empty ack). */
    public static String text(HttpResponse<String> ack) {
        if (ack.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + ack.statusCode() + ": " + ack.body());
        }
        if (ack.body() == null || ack.body().isBlank()) {
            return "";
        }
        var json = com.google.gson.JsonParser.parseString(ack.body()).getAsJsonObject();
        return json.has("text") ? json.get("text").getAsString() : "";
    }

    public static String formEncode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(
                        e ->
                                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                                        + "="
                                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
