package com.bossreview.support;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link FakeHubSpot}'s JSON: how its deal search evaluates {@code filterGroups} and compares
 * values, and owners and deals as CRM v3 shows them.
 */
final class FakeHubSpotJson {
    private FakeHubSpotJson() {}

    /**
     * The owners a search is limited to: those of every group's {@code hubspot_owner_id IN} filter;
     * empty when a group has none (it may match any owner).
     */
    static Optional<List<String>> ownersIn(JsonArray groups) {
        List<String> owners = new ArrayList<>();
        for (JsonElement g : groups) {
            boolean limited = false;
            for (JsonElement e : g.getAsJsonObject().getAsJsonArray("filters")) {
                JsonObject f = e.getAsJsonObject();
                if (f.get("propertyName").getAsString().equals("hubspot_owner_id")
                        && f.get("operator").getAsString().equals("IN")) {
                    f.getAsJsonArray("values").forEach(v -> owners.add(v.getAsString()));
                    limited = true;
                }
            }
            if (!limited) {
                return Optional.empty();
            }
        }
        return groups.isEmpty() ? Optional.empty() : Optional.of(owners);
    }

    static boolean anyGroup(JsonArray groups, Map<String, String> deal) {
        for (JsonElement g : groups) {
            boolean all = true;
            for (JsonElement f : g.getAsJsonObject().getAsJsonArray("filters")) {
                all &= matches(f.getAsJsonObject(), deal);
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(JsonObject f, Map<String, String> deal) {
        String v = deal.get(f.get("propertyName").getAsString());
        String op = f.get("operator").getAsString();
        if (op.equals("IN") || op.equals("NOT_IN")) {
            List<String> values = new ArrayList<>();
            f.getAsJsonArray("values").forEach(x -> values.add(x.getAsString()));
            return values.contains(v) == op.equals("IN");
        }
        if (v == null) {
            return op.equals("NOT_HAS_PROPERTY") || op.equals("NEQ");
        }
        if (op.equals("HAS_PROPERTY")) {
            return true;
        }
        int c = number(v).compareTo(number(f.get("value").getAsString()));
        return switch (op) {
            case "EQ" -> c == 0;
            case "NEQ" -> c != 0;
            case "GT" -> c > 0;
            case "GTE" -> c >= 0;
            case "LT" -> c < 0;
            case "LTE" -> c <= 0;
            default -> throw new IllegalArgumentException("operator " + op);
        };
    }

    /** A property or filter value as a number: date-times as epoch milliseconds. */
    static BigDecimal number(String v) {
        if (v == null) {
            return BigDecimal.valueOf(Long.MIN_VALUE);
        }
        try {
            return BigDecimal.valueOf(Instant.parse(v).toEpochMilli());
        } catch (DateTimeParseException e) {
            return new BigDecimal(v);
        }
    }

    /** An owner as {@code GET crm/v3/owners} lists it. */
    static JsonObject owner(FakeHubSpot.Owner o) {
        JsonObject j = new JsonObject();
        j.addProperty("id", o.id());
        j.addProperty("email", o.email());
        j.addProperty("type", "PERSON");
        j.addProperty("firstName", o.email().split("@")[0]);
        j.addProperty("lastName", "");
        j.addProperty("userId", Math.abs(o.id().hashCode()));
        j.addProperty("createdAt", "2026-01-05T10:00:00.000Z");
        j.addProperty("updatedAt", "2026-01-05T10:00:00.000Z");
        j.addProperty("archived", false);
        if (!o.teams().isEmpty()) {
            JsonArray teams = new JsonArray();
            for (int i = 0; i < o.teams().size(); i++) {
                JsonObject t = new JsonObject();
                t.addProperty("id", o.teams().get(i));
                t.addProperty("name", "Team " + o.teams().get(i));
                t.addProperty("primary", i == 0);
                teams.add(t);
            }
            j.add("teams", teams);
        }
        return j;
    }

    /** A search result: {@code props} asked for, with the ones always sent. */
    static JsonObject deal(String id, Map<String, String> deal, List<String> props) {
        JsonObject p = new JsonObject();
        for (String name : props) {
            String v = deal.get(name);
            if (v != null) {
                p.addProperty(name, v);
            }
        }
        p.addProperty("hs_object_id", id);
        p.addProperty("createdate", deal.get("createdate"));
        p.addProperty("hs_lastmodifieddate", deal.get("hs_lastmodifieddate"));
        JsonObject j = new JsonObject();
        j.addProperty("id", id);
        j.add("properties", p);
        j.addProperty("createdAt", deal.get("createdate"));
        j.addProperty("updatedAt", deal.get("hs_lastmodifieddate"));
        j.addProperty("archived", false);
        return j;
    }
}
