package com.bossreview.install;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.TokenUnavailableException;
import com.google.gson.JsonObject;
import com.slack.api.Slack;
import com.slack.api.bolt.context.Context;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.middleware.MiddlewareOps;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.Responder;
import java.net.URI;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multi-workspace authorization: puts the requesting workspace's bot token (from the installation
 * store, one indexed query) into the Bolt context. Unlike Bolt's {@code MultiTeamsAuthorization} it
 * never calls {@code auth.test} on the request path: the store already knows the bot user, and a
 * Web API round trip before the ack would eat into Slack's 3 seconds on every request.
 *
 * <p>A request from a workspace without an installation (it uninstalled) is answered politely with
 * 200, never with an error status: a command gets an ephemeral reply, a button a reply through its
 * response_url after the ack, anything else a plain ack.
 */
final class InstallationAuthorization implements Middleware {
    private static final Logger log = LoggerFactory.getLogger(InstallationAuthorization.class);

    private final Installations installations;
    private final Slack slack;
    private final AfterAck afterAck;
    private final String notInstalled;

    InstallationAuthorization(
            Installations installations, Slack slack, AfterAck afterAck, Optional<URI> publicUrl) {
        this.installations = installations;
        this.slack = slack;
        this.afterAck = afterAck;
        this.notInstalled = notInstalledText(publicUrl);
    }

    static String notInstalledText(Optional<URI> publicUrl) {
        return ":wave: bossreview isn't installed in this workspace any more — ask a Slack admin to reinstall it"
                + publicUrl.map(u -> " from " + u + "/slack/install").orElse("")
                + ". Nothing was changed.";
    }

    @Override
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        if (MiddlewareOps.isNoAuthRequiredRequest(req.getRequestType())
                || MiddlewareOps.isNoTokenRequiredRequest(req)) {
            return chain.next(req); // OAuth pages, url_verification, ssl_check, app_uninstalled,
            // tokens_revoked
        }
        Context context = req.getContext();
        Optional<Installation> installation;
        try {
            installation = installations.forRequest(context.getEnterpriseId(), context.getTeamId());
        } catch (TokenUnavailableException e) {
            return tokenUnavailable(req);
        }
        if (installation.isEmpty()) {
            return notInstalled(req);
        }
        Installation i = installation.get();
        context.setBotToken(i.botToken().reveal());
        i.botUserId().ifPresent(context::setBotUserId);
        i.botId().ifPresent(context::setBotId);
        return chain.next(req);
    }

    /**
     * What a command gets while this instance cannot open the workspace's token (a key rotation
     * rolling out).
     */
    static final String TOKEN_UNAVAILABLE =
            ":hourglass: bossreview can't act in this workspace from here right now, "
                    + "nothing was saved — try again in a moment.";

    /**
     * Still installed, so never "not installed": a command gets a "try again" reply, anything else
     * a 503 that Slack retries (perhaps on an instance with the key).
     */
    private Response tokenUnavailable(Request<?> req) {
        if (req.getRequestType() == RequestType.Command) {
            JsonObject reply = new JsonObject();
            reply.addProperty("response_type", "ephemeral");
            reply.addProperty("text", TOKEN_UNAVAILABLE);
            return Response.builder()
                    .statusCode(200)
                    .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                    .body(reply.toString())
                    .build();
        }
        return Response.builder()
                .statusCode(503)
                .contentType("text/plain; charset=utf-8")
                .body("temporarily unavailable")
                .build();
    }

    private Response notInstalled(Request<?> req) {
        Context context = req.getContext();
        log.info(
                "No installation for {}/{}: answered a {} request with \"not installed\"",
                context.getEnterpriseId(),
                context.getTeamId(),
                req.getRequestType());
        if (req.getRequestType() == RequestType.Command) {
            JsonObject reply = new JsonObject();
            reply.addProperty("response_type", "ephemeral");
            reply.addProperty("text", notInstalled);
            return Response.builder()
                    .statusCode(200)
                    .contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                    .body(reply.toString())
                    .build();
        }
        String responseUrl = req.getResponseUrl();
        if (responseUrl != null) {
            afterAck.run(
                    "not-installed reply",
                    () ->
                            new Responder(slack, responseUrl)
                                    .sendToAction(
                                            r ->
                                                    r.responseType("ephemeral")
                                                            .replaceOriginal(false)
                                                            .text(notInstalled)),
                    reason -> {});
        }
        return Response.ok();
    }
}
