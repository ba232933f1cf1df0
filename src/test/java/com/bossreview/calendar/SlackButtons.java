package com.bossreview.calendar;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/** The buttons in a Slack payload as the calendar tests click them: by action id. */
public final class SlackButtons {
    private SlackButtons() {}

    /** The URL of the {@code actionId} button in an ack's blocks. */
    public static String url(String ackBody, String actionId) {
        for (JsonObject b : buttons(JsonParser.parseString(ackBody))) {
            if (actionId.equals(string(b, "action_id"))) {
                return b.get("url").getAsString();
            }
        }
        throw new AssertionError("no " + actionId + " button in " + ackBody);
    }

    /** The values of every {@code actionId} button in a message's blocks. */
    static List<String> values(String blocksJson, String actionId) {
        List<String> values = new ArrayList<>();
        for (JsonObject b : buttons(JsonParser.parseString(blocksJson))) {
            if (actionId.equals(string(b, "action_id"))) {
                values.add(b.get("value").getAsString());
            }
        }
        return values;
    }

    private static String string(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsString() : null;
    }

    /** Every button anywhere in a payload. */
    private static List<JsonObject> buttons(JsonElement e) {
        List<JsonObject> out = new ArrayList<>();
        if (e.isJsonObject()) {
            JsonObject o = e.getAsJsonObject();
            if ("button".equals(string(o, "type"))) {
                out.add(o);
            }
            o.entrySet().forEach(en -> out.addAll(buttons(en.getValue())));
        } else if (e.isJsonArray()) {
            for (JsonElement x : (JsonArray) e) {
                out.addAll(buttons(x));
            }
        }
        return out;
    }
}
