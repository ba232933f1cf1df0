package com.bossreview.slack;

import com.slack.api.model.block.LayoutBlock;

import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Direct messages from the app to a person (a manager, or their boss). */
public final class Messenger {
    private final SlackApi api;

    public Messenger(SlackApi api) {
        this.api = api;
    }

    /**
     * Posts to the app's DM with {@code userId} (chat.postMessage with a user id as channel opens it).
     *
     * @return the message's {@code ts}
     */
    public String dm(String teamId, String userId, String text, List<LayoutBlock> blocks) throws SlackCallException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("channel", userId);
        form.put("text", text);
        if (blocks != null && !blocks.isEmpty()) {
            form.put("blocks", BlockJson.blocks(blocks));
        }
        form.put("unfurl_links", "false");
        form.put("unfurl_media", "false");
        JsonObject answer = api.postForm(teamId, "chat.postMessage", form);
        return answer.has("ts") ? answer.get("ts").getAsString() : null;
    }
}
