package com.bossreview.calendar;

import com.bossreview.slack.HtmlPage;
import com.bossreview.slack.HttpServer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code GET /calendar/callback/<provider>}: where Google and Microsoft send the browser back with
 * the code. Answers a page for the person in the browser; what it connected goes on to {@code
 * connected} (a DM in Slack). Nothing is stored when anything is off.
 */
public final class CalendarCallback {
    public static final String PREFIX = "/calendar/callback/";

    private final CalendarConnections connections;
    private final Consumer<CalendarConnections.Completed.Connected> connected;

    public CalendarCallback(
            CalendarConnections connections,
            Consumer<CalendarConnections.Completed.Connected> connected) {
        this.connections = connections;
        this.connected = connected;
    }

    public HttpServer.PageRoute route() {
        return new HttpServer.PageRoute(PREFIX, this::handle);
    }

    HttpServer.Page handle(HttpServer.PageRequest req) {
        Optional<CalendarProvider> provider = CalendarProvider.byId(req.rest());
        if (provider.isEmpty()) {
            return page(404, "Not found", "<p>There is no such calendar connection page.</p>");
        }
        CalendarConnections.Completed done =
                connections.complete(
                        provider.get(), req.param("state"), req.param("code"), req.param("error"));
        return switch (done) {
            case CalendarConnections.Completed.Connected c -> {
                connected.accept(c);
                yield page(
                        200,
                        "Calendar connected",
                        "<h1>Your calendar is connected</h1><p>bossreview can now see your "
                                + HtmlPage.escape(CalendarCommands.describe(c.connection()))
                                + ". You can close this tab and go back to Slack.</p>");
            }
            case CalendarConnections.Completed.Refused r ->
                    page(
                            400,
                            "Calendar not connected",
                            "<h1>Calendar not connected</h1><p>"
                                    + HtmlPage.escape(r.why())
                                    + "</p>");
        };
    }

    private static HttpServer.Page page(int status, String title, String body) {
        return HtmlPage.uncached(status, title, body);
    }
}
