package com.bossreview.crm;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Lenient reads of a CRM's JSON: a missing, null or mistyped member reads as absent. Both CRMs send
 * {@code null} for empty fields (Salesforce) or leave them out or send {@code ""} (HubSpot's
 * string-typed properties); all three read the same here.
 */
final class CrmJson {
    private CrmJson() {}

    static JsonObject object(JsonElement e) {
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
    }

    static JsonObject object(JsonObject o, String key) {
        return object(o.get(key));
    }

    static JsonArray array(JsonElement e) {
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    static JsonArray array(JsonObject o, String key) {
        return array(o.get(key));
    }

    /** A non-empty string (or number, as text) member. */
    static Optional<String> string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && !e.getAsString().isEmpty()
                ? Optional.of(e.getAsString())
                : Optional.empty();
    }

    /** A boolean member, or a string {@code "true"} (HubSpot's properties are all strings). */
    static boolean isTrue(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && "true".equalsIgnoreCase(e.getAsString());
    }

    /** A decimal member, from a JSON number or a numeric string; absent when it is neither. */
    static Optional<BigDecimal> decimal(JsonObject o, String key) {
        return string(o, key)
                .flatMap(
                        s -> {
                            try {
                                return Optional.of(new BigDecimal(s.trim()));
                            } catch (NumberFormatException e) {
                                return Optional.empty();
                            }
                        });
    }
}
