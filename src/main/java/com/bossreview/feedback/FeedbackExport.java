package com.bossreview.feedback;

import com.bossreview.manager.Manager;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.jdbi.v3.core.Handle;

/** The export's part of the feedback: every review's, oldest first. */
public final class FeedbackExport {
    private FeedbackExport() {}

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
}
