package com.bossreview.slack;

import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.webhook.WebhookResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers through a request's {@code response_url}, after the ack: to a slash command, or to a
 * button click (a note to the clicker, or the clicked message replaced). A network failure is
 * thrown as {@link UncheckedIOException} (these run in {@link AfterAck} work and its failure
 * callbacks); an answer Slack refused (not 200) is logged and returned, and {@link #check} makes it
 * a failure where the caller must know.
 */
public final class Replies {
    private static final Logger log = LoggerFactory.getLogger(Replies.class);

    @FunctionalInterface
    private interface Post {
        WebhookResponse send() throws IOException;
    }

    private Replies() {}

    /** A reply only the person who ran the slash command sees. */
    public static WebhookResponse respond(SlashCommandContext ctx, String text) {
        return send(ctx, () -> ctx.respond(text));
    }

    /** A new ephemeral message for the clicker; the clicked message (and its buttons) stays. */
    public static WebhookResponse note(ActionContext ctx, String text) {
        return send(
                ctx,
                () ->
                        ctx.respond(
                                r ->
                                        r.responseType("ephemeral")
                                                .replaceOriginal(false)
                                                .text(text)));
    }

    /** The clicked message replaced, e.g. without its button once the action is done. */
    public static WebhookResponse replace(
            ActionContext ctx, String text, List<LayoutBlock> blocks) {
        return send(
                ctx,
                () ->
                        ctx.respond(
                                r ->
                                        r.responseType("ephemeral")
                                                .replaceOriginal(true)
                                                .text(text)
                                                .blocks(blocks)));
    }

    /** A post that Slack refused is a failure, not a silent no-op. */
    public static WebhookResponse check(WebhookResponse response) throws IOException {
        Integer code = response == null ? null : response.getCode();
        if (code == null || code != 200) {
            throw new IOException("response_url answered " + code);
        }
        return response;
    }

    /** {@link #check}, for callbacks that cannot throw checked exceptions. */
    public static WebhookResponse delivered(WebhookResponse response) {
        try {
            return check(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WebhookResponse send(Context ctx, Post post) {
        WebhookResponse r;
        try {
            r = post.send();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (r == null || r.getCode() == null || r.getCode() != 200) {
            log.warn(
                    "response_url answer for {}/{} failed: http_{}",
                    ctx.getTeamId(),
                    ctx.getRequestUserId(),
                    r == null ? null : r.getCode());
        }
        return r;
    }
}
