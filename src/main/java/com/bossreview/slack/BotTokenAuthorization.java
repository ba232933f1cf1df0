package com.bossreview.slack;

import com.bossreview.config.Secret;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;

/**
 * Single-workspace authorization that never calls Slack on the request path (Bolt's own calls
 * {@code auth.test} on the first request and every 10 minutes, before the ack). The team id stays
 * the one of the request, so an org-wide install's workspaces stay apart.
 */
final class BotTokenAuthorization implements Middleware {
    private final Secret token;
    private final BotIdentity identity;

    BotTokenAuthorization(Secret token, BotIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        Context context = req.getContext();
        context.setBotToken(token.reveal());
        identity.bot()
                .ifPresent(
                        bot -> {
                            context.setBotUserId(bot.userId());
                            context.setBotId(bot.botId());
                        });
        return chain.next(req);
    }
}
