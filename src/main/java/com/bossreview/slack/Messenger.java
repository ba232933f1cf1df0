package com.bossreview.slack;

import com.google.gson.JsonObject;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** Direct messages from the app to a person (a manager, or their boss). */
public final class Messenger {
    private final SlackApi api;

    public Messenger(SlackApi api) {
        this.api = api;
    }

    /**
     * Posts to the app's DM with {@code userId} (chat.postMessage with a user id as channel opens
     * it).
     *
     * @return the message's {@code ts}
     */
    public String dm(String teamId, String userId, String text, List<LayoutBlock> blocks)
            throws SlackCallException {
        JsonObject answer =
                api.postJson(
                        teamId, "chat.postMessage", BlockJson.postMessage(userId, text, blocks));
        return answer.has("ts") ? answer.get("ts").getAsString() : null;
    }
}
