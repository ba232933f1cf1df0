package com.bossreview.slack;

import com.slack.api.model.block.LayoutBlock;

import java.util.List;

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
        return api.call(teamId, "chat.postMessage", c -> c.chatPostMessage(r -> r
                .channel(userId)
                .text(text)
                .blocks(blocks)
                .unfurlLinks(false)
                .unfurlMedia(false))).getTs();
    }
}
