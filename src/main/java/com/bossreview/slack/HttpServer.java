package com.bossreview.slack;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Embedded Jetty 12 on one port: {@code POST /slack/events} (HTTP mode only), {@code GET /slack/install}
 * and {@code GET /slack/oauth_redirect} (multi-workspace mode only), {@code GET /healthz} and
 * {@code GET /metrics}. Every request is timed into {@code http.server.requests}.
 */
public final class HttpServer implements AutoCloseable {
    /** What a route answers: status, content type, body. */
    public record Page(int status, String contentType, String body) {
    }

    private final Server server;

    private HttpServer(Server server) {
        this.server = server;
    }

    public static HttpServer start(String host, int port, SlackEventsEndpoint slack,
                                   Supplier<Page> health, Supplier<Page> metrics, MeterRegistry registry) {
        return start(host, port, slack, null, health, metrics, registry);
    }

    /** @param oauth the install pages, or null outside multi-workspace mode */
    public static HttpServer start(String host, int port, SlackEventsEndpoint slack, SlackOAuthEndpoint oauth,
                                   Supplier<Page> health, Supplier<Page> metrics, MeterRegistry registry) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new Router(slack, oauth, health, metrics, registry));
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not listen on " + host + ":" + port + " (set PORT to a free port): "
                    + e.getMessage(), e);
        }
        return new HttpServer(server);
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    private static final class Router extends Handler.Abstract {
        private final SlackEventsEndpoint slack;
        private final SlackOAuthEndpoint oauth;
        private final Supplier<Page> health;
        private final Supplier<Page> metrics;
        private final MeterRegistry registry;

        Router(SlackEventsEndpoint slack, SlackOAuthEndpoint oauth, Supplier<Page> health, Supplier<Page> metrics,
               MeterRegistry registry) {
            this.slack = slack;
            this.oauth = oauth;
            this.health = health;
            this.metrics = metrics;
            this.registry = registry;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            Timer.Sample sample = Timer.start(registry);
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            String route;
            Page page;
            if ("/slack/events".equals(path) && slack != null) {
                route = path;
                page = "POST".equals(method) ? slackEvent(request, response) : methodNotAllowed();
            } else if (oauth != null && (SlackOAuthEndpoint.INSTALL_PATH.equals(path)
                    || SlackOAuthEndpoint.REDIRECT_PATH.equals(path))) {
                route = path;
                page = "GET".equals(method) ? oauthPage(path, request, response) : methodNotAllowed();
            } else if ("/healthz".equals(path)) {
                route = path;
                page = "GET".equals(method) || "HEAD".equals(method) ? health.get() : methodNotAllowed();
            } else if ("/metrics".equals(path)) {
                route = path;
                page = "GET".equals(method) ? metrics.get() : methodNotAllowed();
            } else {
                route = "other";
                page = new Page(404, "text/plain; charset=utf-8", "not found");
            }
            response.setStatus(page.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, page.contentType());
            sample.stop(Timer.builder("http.server.requests")
                    .tag("method", method).tag("uri", route).tag("status", Integer.toString(page.status()))
                    .register(registry));
            Content.Sink.write(response, true, page.body(), callback);
            return true;
        }

        private Page slackEvent(Request request, Response response) throws IOException {
            byte[] body = readBody(request);
            if (body == null) {
                return new Page(413, "text/plain; charset=utf-8", "request too large");
            }
            return copy(slack.handle(headers(request), query(request), body, Request.getRemoteAddr(request)), response);
        }

        private Page oauthPage(String path, Request request, Response response) {
            return copy(oauth.handle(path, headers(request), query(request)), response);
        }

        private static Page copy(SlackEventsEndpoint.Reply reply, Response response) {
            reply.headers().forEach((name, values) -> {
                if (!name.equalsIgnoreCase("content-type") && !name.equalsIgnoreCase("content-length")) {
                    values.forEach(v -> response.getHeaders().add(name, v));
                }
            });
            return new Page(reply.status(), reply.contentType() == null ? "text/plain; charset=utf-8"
                    : reply.contentType(), reply.body());
        }

        private static Page methodNotAllowed() {
            return new Page(405, "text/plain; charset=utf-8", "method not allowed");
        }

        private static byte[] readBody(Request request) throws IOException {
            if (request.getLength() > SlackEventsEndpoint.MAX_BODY_BYTES) {
                return null;
            }
            try (InputStream in = Request.asInputStream(request)) {
                byte[] body = in.readNBytes(SlackEventsEndpoint.MAX_BODY_BYTES + 1);
                return body.length > SlackEventsEndpoint.MAX_BODY_BYTES ? null : body;
            }
        }

        private static Map<String, List<String>> headers(Request request) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), k -> new ArrayList<>()).add(field.getValue());
            }
            return headers;
        }

        private static Map<String, List<String>> query(Request request) {
            Map<String, List<String>> query = new LinkedHashMap<>();
            Fields fields = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
            for (Fields.Field field : fields) {
                query.put(field.getName(), field.getValues());
            }
            return query;
        }
    }
}
