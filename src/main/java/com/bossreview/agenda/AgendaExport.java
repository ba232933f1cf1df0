package com.bossreview.agenda;

import com.bossreview.feedback.FeedbackDao;
import com.bossreview.manager.Manager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Locale;
import org.jdbi.v3.core.Handle;

/** The export's part of issue 17: every review's feedback, and every ask and credit. */
public final class AgendaExport {
    private AgendaExport() {}

    public static JsonArray feedback(Handle h, Manager m) {
        JsonArray out = new JsonArray();
        h.attach(FeedbackDao.class)
                .all(m.teamId(), m.userId())
                .forEach(
                        f -> {
                            JsonObject o = new JsonObject();
                            o.addProperty("week", f.week());
                            o.addProperty("boss_user_id", f.bossUserId().orElse(null));
                            o.addProperty("boss_said", f.bossSaid().orElse(null));
                            o.addProperty("you_will", f.willDo().orElse(null));
                            o.addProperty("written_at", f.writtenAt().toString());
                            out.add(o);
                        });
        return out;
    }

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
