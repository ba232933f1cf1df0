package com.bossreview.support;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@link FakeSalesforce}'s records as the REST API's query results show them. */
final class FakeSalesforceRecords {
    static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'+0000'", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private FakeSalesforceRecords() {}

    static JsonObject record(FakeSalesforce.Opportunity o, List<String> fields) {
        JsonObject r = attributes("Opportunity", o.id());
        for (String f : fields) {
            switch (f) {
                case "Id" -> r.addProperty("Id", o.id());
                case "Name" -> r.addProperty("Name", o.name());
                case "OwnerId" -> r.addProperty("OwnerId", o.ownerId());
                case "Amount" -> {
                    if (o.amount() == null) {
                        r.add("Amount", JsonNull.INSTANCE);
                    } else {
                        r.addProperty("Amount", o.amount());
                    }
                }
                case "CurrencyIsoCode" -> nullable(r, "CurrencyIsoCode", o.currency());
                case "CloseDate" ->
                        nullable(
                                r,
                                "CloseDate",
                                o.closeDate() == null ? null : o.closeDate().toString());
                case "StageName" -> r.addProperty("StageName", o.stage());
                case "IsClosed" -> r.addProperty("IsClosed", o.closed());
                case "IsWon" -> r.addProperty("IsWon", o.won());
                case "ForecastCategoryName" ->
                        nullable(r, "ForecastCategoryName", o.forecastCategory());
                case "SystemModstamp" ->
                        r.addProperty("SystemModstamp", STAMP.format(o.modstamp()));
                default -> throw new IllegalArgumentException("no such field: " + f);
            }
        }
        return r;
    }

    static JsonObject attributes(String type, String id) {
        JsonObject a = new JsonObject();
        a.addProperty("type", type);
        a.addProperty("url", FakeSalesforce.API + "sobjects/" + type + "/" + id);
        JsonObject o = new JsonObject();
        o.add("attributes", a);
        return o;
    }

    static void nullable(JsonObject o, String key, String value) {
        if (value == null) {
            o.add(key, JsonNull.INSTANCE);
        } else {
            o.addProperty(key, value);
        }
    }
}
