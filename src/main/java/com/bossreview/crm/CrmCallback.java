package com.bossreview.crm;

import com.bossreview.slack.HtmlPage;
import com.bossreview.slack.HttpServer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code GET /crm/callback/<salesforce|hubspot>}: where the CRM sends the browser back with the
 * code. Answers a page for the person in the browser; what it connected goes on to {@code
 * connected} (a DM in Slack). Nothing is stored when anything is off.
 */
public final class CrmCallback {
    public static final String PREFIX = "/crm/callback/";

    private final CrmConnections connections;
    private final Consumer<CrmConnections.Completed.Connected> connected;

    public CrmCallback(
            CrmConnections connections, Consumer<CrmConnections.Completed.Connected> connected) {
        this.connections = connections;
        this.connected = connected;
    }

    public HttpServer.PageRoute route() {
        return new HttpServer.PageRoute(PREFIX, this::handle);
    }

    HttpServer.Page handle(HttpServer.PageRequest req) {
        Optional<CrmProvider> provider = CrmProvider.byId(req.rest());
        if (provider.isEmpty()) {
            return HtmlPage.uncached(
                    404, "Not found", "<p>There is no such CRM connection page.</p>");
        }
        CrmConnections.Completed done =
                connections.complete(
                        provider.get(), req.param("state"), req.param("code"), req.param("error"));
        return switch (done) {
            case CrmConnections.Completed.Connected c -> {
                connected.accept(c);
                yield HtmlPage.uncached(
                        200,
                        "CRM connected",
                        "<h1>"
                                + HtmlPage.escape(c.connection().provider().label())
                                + " is connected</h1><p>bossreview can now read deals, read-only, "
                                + (c.connection().forWorkspace()
                                        ? "for the whole workspace"
                                        : "for you")
                                + ". You can close this tab and go back to Slack.</p>");
            }
            case CrmConnections.Completed.Refused r ->
                    HtmlPage.uncached(
                            400,
                            "CRM not connected",
                            "<h1>CRM not connected</h1><p>" + HtmlPage.escape(r.why()) + "</p>");
        };
    }
}
