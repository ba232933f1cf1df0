package com.bossreview.news;

import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** Answers to a button click through its response_url: a note to the clicker, or the clicked message replaced. */
final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    private Replies() {
    }

    /** A new ephemeral message for the clicker; the clicked message (and its button) stays. */
    static void note(ActionContext ctx, String text) {
        send(ctx, text, null, false);
    }

    /** The clicked message replaced, e.g. without its button once the action is done. */
    static void replace(ActionContext ctx, String text, List<LayoutBlock> blocks) {
        send(ctx, text, blocks, true);
    }

    private static void send(ActionContext ctx, String text, List<LayoutBlock> blocks, boolean replace) {
        try {
            WebhookResponse r = ctx.respond(b -> b.responseType("ephemeral").replaceOriginal(replace).text(text)
                    .blocks(blocks));
            if (r.getCode() != 200) {
                log.warn("response_url answer for {}/{} failed: http_{}", ctx.getTeamId(), ctx.getRequestUserId(),
                        r.getCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
