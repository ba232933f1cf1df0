package com.bossreview.forecast;

import com.bossreview.slack.SlackCallException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.webhook.WebhookResponse;

import java.io.IOException;
import java.util.OptionalLong;

/** Small helpers for the forecast buttons: reading the id in a button's value, answering via response_url. */
final class Replies {
    private Replies() {
    }

    /** The row id a button carries; empty for anything that is not a plain positive number. */
    static OptionalLong id(BlockActionPayload payload) {
        String value = payload.getActions() == null || payload.getActions().isEmpty() ? null
                : payload.getActions().get(0).getValue();
        if (value == null || !value.matches("[0-9]{1,18}")) {
            return OptionalLong.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? OptionalLong.of(id) : OptionalLong.empty();
    }

    /** A message only the clicker sees, leaving the clicked message as it is. */
    static void ephemeral(ActionContext ctx, String text) {
        try {
            check(ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text)));
        } catch (IOException | SlackCallException e) {
            throw new IllegalStateException("response_url post failed", e);
        }
    }

    static void check(WebhookResponse response) throws SlackCallException {
        if (response.getCode() == null || response.getCode() != 200) {
            throw new SlackCallException("response_url", "http_" + response.getCode());
        }
    }
}
