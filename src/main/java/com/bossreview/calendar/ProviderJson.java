package com.bossreview.calendar;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Lenient reads of a provider's JSON: a missing or mistyped member reads as absent. */
final class ProviderJson {
    private ProviderJson() {}

    /** A non-empty string member, or null. */
    static String string(JsonObject o, String key) {
        return ProviderHttp.string(o, key).orElse(null);
    }

    static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    static boolean isTrue(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null
                && e.isJsonPrimitive()
                && e.getAsJsonPrimitive().isBoolean()
                && e.getAsBoolean();
    }
}
