package com.bossreview.slack;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.jetty12.server.TimedHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Embedded Jetty 12 on one port: {@code POST /slack/events} (HTTP mode only), {@code GET
 * /slack/install} and {@code GET /slack/oauth_redirect} (multi-workspace mode only), {@code GET
 * /healthz} and {@code GET /livez}, {@code GET /readyz} and {@code GET /metrics}. Every request is
 * timed into {@code http.server.requests}, labelled with the known route and method or {@code
 * other}/{@code OTHER}: clients choose paths and methods, and each new label value would be a new
 * series kept for the life of the process.
 */
public final class HttpServer implements AutoCloseable {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(HttpServer.class);

    /**
     * How long a request body may take to arrive, counted from its headers. Slack sends a body at
     * once and waits 3 s for the answer, so a body still coming after this is no use to anyone.
     */
    public static final Duration BODY_DEADLINE = Duration.ofSeconds(5);

    /**
     * How long close() waits for requests under way; a stuck one must not hold up a deploy forever.
     */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    /** Methods as metric labels; anything else a client makes up is {@code OTHER}. */
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE", "CONNECT");

    /** What a route answers: status, content type, body, and any further headers. */
    public record Page(int status, String contentType, String body, Map<String, String> headers) {
        public Page(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }
    }

    /**
     * A feature's GET pages under a fixed path prefix (such as {@code /calendar/callback/}): the
     * rest of the path is the handler's to read. Its metrics label is the prefix, whatever came
     * after it.
     */
    public record PageRoute(String prefix, Function<PageRequest, Page> handler) {
        public PageRoute {
            if (!prefix.startsWith("/") || !prefix.endsWith("/")) {
                throw new IllegalArgumentException("a page prefix is /…/: " + prefix);
            }
        }
    }

    /** One GET (or HEAD) for a {@link PageRoute}: the path after its prefix, and the query. */
    public record PageRequest(
            String rest, Map<String, List<String>> query, Map<String, List<String>> headers) {
        /** The query parameter's only value; empty when absent or given more than once. */
        public Optional<String> param(String name) {
            List<String> v = query.getOrDefault(name, List.of());
            return v.size() == 1 ? Optional.of(v.get(0)) : Optional.empty();
        }
    }

    private final Server server;

    private HttpServer(Server server) {
        this.server = server;
    }

    public static HttpServer start(
            String host,
            int port,
            SlackEventsEndpoint slack,
            Supplier<Page> health,
            Supplier<Page> metrics,
            MeterRegistry registry) {
        return start(
                host,
                port,
                Optional.of(slack),
                Optional.empty(),
                List.of(),
                health,
                health,
                metrics,
                registry);
    }

    /**
     * @param slack {@code /slack/events}: only in HTTP mode (Socket Mode receives over its
     *     WebSocket)
     * @param oauth the install pages: only in multi-workspace mode
     * @param pages the features' own GET pages
     * @param readiness {@code /readyz}: whether this instance should be sent traffic
     */
    public static HttpServer start(
            String host,
            int port,
            Optional<SlackEventsEndpoint> slack,
            Optional<SlackOAuthEndpoint> oauth,
            List<PageRoute> pages,
            Supplier<Page> health,
            Supplier<Page> readiness,
            Supplier<Page> metrics,
            MeterRegistry registry) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("http");
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(
                false); // no "Server: Jetty(12…)" header, no version on Jetty's error pages
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Router router = new Router(slack, oauth, pages, health, readiness, metrics);
        registry.config().meterFilter(REQUESTS_NAME);
        server.setHandler(new Draining(new Timed(registry, router)));
        // close(): stop accepting, let requests under way finish (Slack waits 3 s for them), then
        // stop.
        server.setStopTimeout(DRAIN_TIMEOUT.toMillis());
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Could not listen on "
                            + host
                            + ":"
                            + port
                            + " (set PORT to a free port): "
                            + e.getMessage(),
                    e);
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

    /**
     * Micrometer's Jetty handler times each exchange from its first byte to its last (the answer
     * written, not just handed over) as {@code http.server.requests}, with the bounded labels the
     * router gives; plus gauges of requests in flight ({@code jetty.server.requests.open}).
     */
    private static final class Timed extends TimedHandler {
        Timed(MeterRegistry registry, Router router) {
            super(registry, Tags.empty(), router::tags);
            setHandler(router);
        }

        static String status(Request request) {
            Object status = request.getAttribute(RESPONSE_STATUS_ATTRIBUTE);
            return status == null ? "UNKNOWN" : status.toString();
        }
    }

    /**
     * The name the app's dashboards know: {@code TimedHandler} calls it {@code
     * jetty.server.requests}.
     */
    private static final MeterFilter REQUESTS_NAME =
            new MeterFilter() {
                @Override
                public Meter.Id map(Meter.Id id) {
                    return "jetty.server.requests".equals(id.getName())
                            ? id.withName("http.server.requests")
                            : id;
                }
            };

    /**
     * Jetty's graceful stop: counts requests under way so that {@code server.stop()} waits for
     * them. A request that arrives on a kept-alive connection during the drain gets Jetty's 503,
     * except the probes, which answer themselves ({@code /readyz} already says {@code
     * shutting_down}).
     */
    private static final class Draining extends GracefulHandler {
        Draining(Handler router) {
            super(router);
        }

        @Override
        protected void handleShutdownRejection(
                Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            try {
                if (("/readyz".equals(path) || "/livez".equals(path))
                        && getHandler().handle(request, response, callback)) {
                    return;
                }
            } catch (Exception e) {
                log.debug("A probe during the drain failed", e);
            }
            super.handleShutdownRejection(request, response, callback);
        }
    }

    private static final Page LIVE = new Page(200, "application/json", "{\"status\":\"live\"}");

    private static final class Router extends Handler.Abstract {
        private final Optional<SlackEventsEndpoint> slack;
        private final Optional<SlackOAuthEndpoint> oauth;
        private final List<PageRoute> pages;
        private final Supplier<Page> health;
        private final Supplier<Page> readiness;
        private final Supplier<Page> metrics;

        Router(
                Optional<SlackEventsEndpoint> slack,
                Optional<SlackOAuthEndpoint> oauth,
                List<PageRoute> pages,
                Supplier<Page> health,
                Supplier<Page> readiness,
                Supplier<Page> metrics) {
            this.slack = slack;
            this.oauth = oauth;
            this.pages = List.copyOf(pages);
            this.health = health;
            this.readiness = readiness;
            this.metrics = metrics;
        }

        /** A path this instance serves, as itself; anything else is {@code other}. */
        String route(String path) {
            boolean known =
                    switch (path) {
                        case "/slack/events" -> slack.isPresent();
                        case SlackOAuthEndpoint.INSTALL_PATH, SlackOAuthEndpoint.REDIRECT_PATH ->
                                oauth.isPresent();
                        case "/healthz", "/livez", "/readyz", "/metrics" -> true;
                        default -> false;
                    };
            return known ? path : page(path).map(PageRoute::prefix).orElse("other");
        }

        private Optional<PageRoute> page(String path) {
            return pages.stream()
                    .filter(r -> path.startsWith(r.prefix()) && path.length() > r.prefix().length())
                    .findFirst();
        }

        /** The labels of one exchange: bounded, whatever the client sent. */
        Iterable<Tag> tags(Request request) {
            String method = request.getMethod();
            return Tags.of(
                    "method",
                    KNOWN_METHODS.contains(method) ? method : "OTHER",
                    "uri",
                    route(Request.getPathInContext(request)),
                    "status",
                    Timed.status(request));
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            String method = request.getMethod();
            boolean read = "GET".equals(method) || "HEAD".equals(method);
            Answer answer = new Answer(response, callback);
            Page page =
                    switch (route(path)) {
                        case "/slack/events" -> {
                            if ("POST".equals(method)) {
                                slackEvent(request, response, answer);
                                yield null;
                            }
                            yield methodNotAllowed();
                        }
                        case SlackOAuthEndpoint.INSTALL_PATH, SlackOAuthEndpoint.REDIRECT_PATH ->
                                "GET".equals(method)
                                        ? oauthPage(path, request, response)
                                        : methodNotAllowed();
                        case "/healthz" -> read ? health.get() : methodNotAllowed();
                        // The process answers: nothing else is asked, so a slow database never
                        // gets us restarted.
                        case "/livez" -> read ? LIVE : methodNotAllowed();
                        case "/readyz" -> read ? readiness.get() : methodNotAllowed();
                        case "/metrics" ->
                                "GET".equals(method) ? metrics.get() : methodNotAllowed();
                        default -> {
                            Optional<PageRoute> route = page(path);
                            if (route.isEmpty()) {
                                yield new Page(404, "text/plain; charset=utf-8", "not found");
                            }
                            yield read
                                    ? route.get()
                                            .handler()
                                            .apply(
                                                    new PageRequest(
                                                            path.substring(
                                                                    route.get().prefix().length()),
                                                            query(request),
                                                            headers(request)))
                                    : methodNotAllowed();
                        }
                    };
            if (page != null) {
                answer.send(page);
            }
            return true;
        }

        /** Writes a page as the exchange's answer. */
        private record Answer(Response response, Callback callback) {
            void send(Page page) {
                response.setStatus(page.status());
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, page.contentType());
                page.headers().forEach((name, value) -> response.getHeaders().put(name, value));
                Content.Sink.write(response, true, page.body(), callback);
            }

            /**
             * For a request whose body was not read to its end: the connection cannot carry
             * another.
             */
            void sendAndClose(int status, String reason) {
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
                send(new Page(status, "text/plain; charset=utf-8", reason));
            }
        }

        private void slackEvent(Request request, Response response, Answer answer) {
            if (request.getLength() > SlackEventsEndpoint.MAX_BODY_BYTES) {
                answer.sendAndClose(413, "request too large");
                return;
            }
            RequestBody.read(
                    request,
                    SlackEventsEndpoint.MAX_BODY_BYTES,
                    BODY_DEADLINE,
                    new RequestBody.Then() {
                        @Override
                        public void body(byte[] body) {
                            Page page;
                            try {
                                page =
                                        copy(
                                                slack.orElseThrow()
                                                        .handle(
                                                                headers(request),
                                                                query(request),
                                                                body,
                                                                Request.getRemoteAddr(request)),
                                                response);
                            } catch (RuntimeException e) {
                                log.error("A request to /slack/events failed", e);
                                page = new Page(500, "text/plain; charset=utf-8", "internal error");
                            }
                            answer.send(page);
                        }

                        @Override
                        public void refused(int status, String reason) {
                            answer.sendAndClose(status, reason);
                        }
                    });
        }

        private Page oauthPage(String path, Request request, Response response) {
            return copy(
                    oauth.orElseThrow().handle(path, headers(request), query(request)), response);
        }

        private static Page copy(SlackEventsEndpoint.Reply reply, Response response) {
            reply.headers()
                    .forEach(
                            (name, values) -> {
                                if (!name.equalsIgnoreCase("content-type")
                                        && !name.equalsIgnoreCase("content-length")) {
                                    values.forEach(v -> response.getHeaders().add(name, v));
                                }
                            });
            return new Page(
                    reply.status(),
                    reply.contentType() == null ? "text/plain; charset=utf-8" : reply.contentType(),
                    reply.body());
        }

        private static Page methodNotAllowed() {
            return new Page(405, "text/plain; charset=utf-8", "method not allowed");
        }

        private static Map<String, List<String>> headers(Request request) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField field : request.getHeaders()) {
                headers.computeIfAbsent(field.getName(), k -> new ArrayList<>())
                        .add(field.getValue());
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
