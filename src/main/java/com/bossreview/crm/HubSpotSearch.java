package com.bossreview.crm;

import static com.bossreview.crm.CrmJson.object;
import static com.bossreview.crm.CrmJson.string;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * HubSpot deal search bodies and results (CRM search guide: {@code filterGroups} OR-ed, filters in
 * a group AND-ed; one sort; date-time filter values as epoch milliseconds; every property comes
 * back as a string, dates as ISO-8601).
 */
final class HubSpotSearch {
    static final String MODIFIED = "hs_lastmodifieddate";
    static final String ID = "hs_object_id";
    static final String OWNER = "hubspot_owner_id";

    /** The properties a {@link Deal} is made of. */
    static final List<String> PROPERTIES =
            List.of(
                    "dealname",
                    OWNER,
                    "amount",
                    "deal_currency_code",
                    "closedate",
                    "dealstage",
                    "hs_is_closed",
                    "hs_is_closed_won",
                    "hs_forecast_category",
                    MODIFIED,
                    ID);

    private final List<String> owners;
    private final int limit;

    HubSpotSearch(List<String> owners, int limit) {
        this.owners = List.copyOf(owners);
        this.limit = limit;
    }

    /** Modified in ({@code after}, {@code until}], oldest first. */
    JsonObject changed(Instant after, Instant until) {
        return body(
                group(
                        filter(MODIFIED, "GT", millis(after)),
                        filter(MODIFIED, "LTE", millis(until)),
                        owners()),
                MODIFIED);
    }

    /** Modified exactly at {@code at}, id above {@code afterId} when given, by id. */
    JsonObject tie(Instant at, Optional<String> afterId) {
        JsonObject g = group(filter(MODIFIED, "EQ", millis(at)), owners());
        afterId.ifPresent(id -> g.getAsJsonArray("filters").add(filter(ID, "GT", id)));
        return body(g, ID);
    }

    private JsonObject body(JsonObject group, String sortBy) {
        JsonObject body = new JsonObject();
        JsonArray groups = new JsonArray();
        groups.add(group);
        body.add("filterGroups", groups);
        JsonObject sort = new JsonObject();
        sort.addProperty("propertyName", sortBy);
        sort.addProperty("direction", "ASCENDING");
        JsonArray sorts = new JsonArray();
        sorts.add(sort);
        body.add("sorts", sorts);
        JsonArray props = new JsonArray();
        PROPERTIES.forEach(props::add);
        body.add("properties", props);
        body.addProperty("limit", limit);
        return body;
    }

    private JsonObject owners() {
        JsonObject f = new JsonObject();
        f.addProperty("propertyName", OWNER);
        f.addProperty("operator", "IN");
        JsonArray values = new JsonArray();
        owners.forEach(values::add);
        f.add("values", values);
        return f;
    }

    private static JsonObject group(JsonObject... filters) {
        JsonArray list = new JsonArray();
        for (JsonObject f : filters) {
            list.add(f);
        }
        JsonObject g = new JsonObject();
        g.add("filters", list);
        return g;
    }

    private static JsonObject filter(String property, String operator, String value) {
        JsonObject f = new JsonObject();
        f.addProperty("propertyName", property);
        f.addProperty("operator", operator);
        f.addProperty("value", value);
        return f;
    }

    private static String millis(Instant t) {
        return Long.toString(t.toEpochMilli());
    }

    /** A search result as a {@link Deal}; without an id or a modification time, left out. */
    static Optional<Deal> deal(JsonObject result) {
        JsonObject p = object(result, "properties");
        Optional<String> id = string(result, "id").or(() -> string(p, ID));
        Optional<Instant> modified = string(p, MODIFIED).flatMap(HubSpotSearch::instant);
        if (id.isEmpty() || modified.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                new Deal(
                        id.get(),
                        string(p, "dealname").orElse(""),
                        string(p, OWNER).orElse(""),
                        CrmJson.decimal(p, "amount"),
                        string(p, "deal_currency_code"),
                        string(p, "closedate").flatMap(HubSpotSearch::date),
                        string(p, "dealstage").orElse(""),
                        CrmJson.isTrue(p, "hs_is_closed"),
                        CrmJson.isTrue(p, "hs_is_closed_won"),
                        string(p, "hs_forecast_category"),
                        modified.get()));
    }

    /** ISO-8601 as the search answers, or epoch milliseconds as older answers did. */
    static Optional<Instant> instant(String s) {
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(Instant.ofEpochMilli(Long.parseLong(s)));
            } catch (NumberFormatException e2) {
                return Optional.empty();
            }
        }
    }

    /** A close date is stored as midnight UTC of the day; a bare date is taken as is. */
    static Optional<LocalDate> date(String s) {
        return instant(s)
                .map(i -> LocalDate.ofInstant(i, ZoneOffset.UTC))
                .or(
                        () -> {
                            try {
                                return Optional.of(LocalDate.parse(s));
                            } catch (DateTimeParseException e) {
                                return Optional.empty();
                            }
                        });
    }
}
