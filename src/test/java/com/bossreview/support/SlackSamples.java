package com.bossreview.support;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Slack's real payloads and Web API responses, copied into {@code
 * src/test/resources/slack-samples}.
 */
public final class SlackSamples {
    private SlackSamples() {}

    public static String read(String path) {
        try (InputStream in = SlackSamples.class.getResourceAsStream("/slack-samples/" + path)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Slack's documented success example for a method, with our fake workspace's ids where the app
     * reads them; {@code {"ok":true}} for a method with no example.
     */
    static String okResponse(String method) {
        String sample = read("from-openapi-spec/" + method + ".ok.json");
        if (sample == null) {
            return "{\"ok\":true}";
        }
        JsonObject json = JsonParser.parseString(sample).getAsJsonObject();
        if (method.equals("auth.test")) {
            json.addProperty("team_id", FakeSlack.TEAM_ID);
            json.addProperty("user_id", FakeSlack.BOT_USER_ID);
            json.addProperty("bot_id", FakeSlack.BOT_ID);
        }
        return json.toString();
    }
}
