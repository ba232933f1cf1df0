package com.bossreview.agenda;

import com.bossreview.manager.Manager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** The export's part of the agenda items: every ask and credit, open or resolved. */
public final class AgendaExport {
    private AgendaExport() {}

    public static JsonArray items(Handle h, Manager m) {
        JsonArray out = new JsonArray();
        h.attach(AgendaItemDao.class)
                .all(m.teamId(), m.userId())
                .forEach(
                        i -> {
                            JsonObject o = new JsonObject();
                            o.addProperty("id", i.id());
                            o.addProperty("kind", i.kind().name().toLowerCase(Locale.ROOT));
                            o.addProperty("rep_user_id", i.repUserId().orElse(null));
                            o.addProperty("text", i.body());
                            o.addProperty("added_at", i.addedAt().toString());
                            o.addProperty(
                                    "resolved_at",
                                    i.resolvedAt().map(Instant::toString).orElse(null));
                            out.add(o);
                        });
        return out;
    }
}
