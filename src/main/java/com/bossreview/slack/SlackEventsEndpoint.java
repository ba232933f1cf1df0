package com.bossreview.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.util.SlackRequestParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events}: verifies Slack's signature on the raw body, refuses a request already
 * handled ({@link SeenRequests}: a replay gets an empty 200 and does nothing), then hands the
 * request to Bolt and returns Bolt's answer. Nothing unsigned is parsed.
 */
public final class SlackEventsEndpoint {
    private static final Logger log = LoggerFactory.getLogger(SlackEventsEndpoint.class);

    /** Slack's payloads are a few kilobytes; anything far larger is not from Slack. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    public record Reply(
            int status, String contentType, String body, Map<String, List<String>> headers) {
        static Reply plain(int status, String body) {
            return new Reply(status, "text/plain; charset=utf-8", body, Map.of());
        }
    }

    /**
     * After a request found the database away, the next requests within this time get the
     * "temporarily unavailable" answer at once instead of each waiting for the pool's connection
     * timeout: under a burst of commands that wait would push answers past Slack's 3 s. The first
     * request after it tries the database again.
     */
    static final java.time.Duration DATABASE_DOWN_GRACE = java.time.Duration.ofSeconds(1);

    private final App app;
    private final SignatureCheck signatures;
    private final SeenRequests seen;
    private final SlackRequestParser parser;
    private final java.time.Clock clock;
    private volatile java.time.Instant databaseDownUntil = java.time.Instant.MIN;

    public SlackEventsEndpoint(App app, SignatureCheck signatures, SeenRequests seen) {
        this(app, signatures, seen, java.time.Clock.systemUTC());
    }

    SlackEventsEndpoint(
            App app, SignatureCheck signatures, SeenRequests seen, java.time.Clock clock) {
        this.app = app;
        this.signatures = signatures;
        this.seen = seen;
        this.parser = new SlackRequestParser(app.config());
        this.clock = clock;
    }

    private static Reply databaseDown(Request<?> request) {
        if (request.getRequestType() == RequestType.Command) {
            // Slack shows a 200's text to the person; a 500 would only say "failed with the error
            // http_service_error".
            return new Reply(200, "application/json; charset=utf-8", DATABASE_DOWN_REPLY, Map.of());
        }
        return Reply.plain(503, "temporarily unavailable");
    }

    public Reply handle(
            Map<String, List<String>> headers,
            Map<String, List<String>> query,
            byte[] body,
            String remoteAddress) {
        RequestHeaders requestHeaders = new RequestHeaders(headers);
        String timestamp = requestHeaders.getFirstValue("X-Slack-Request-Timestamp");
        String signature = requestHeaders.getFirstValue("X-Slack-Signature");
        SignatureCheck.Result verdict = signatures.check(timestamp, signature, body);
        if (verdict != SignatureCheck.Result.VALID) {
            log.info(
                    "Refused a request to /slack/events from {}: signature {}",
                    remoteAddress,
                    verdict);
            return Reply.plain(401, "invalid signature or timestamp");
        }
        Request<?> request;
        try {
            request =
                    parser.parse(
                            SlackRequestParser.HttpRequest.builder()
                                    .requestUri("/slack/events")
                                    .queryString(query)
                                    .headers(requestHeaders)
                                    .requestBody(new String(body, StandardCharsets.UTF_8))
                                    .remoteAddress(remoteAddress)
                                    .build());
        } catch (RuntimeException e) {
            log.info(
                    "Refused a signed but unreadable request from {}: {}",
                    remoteAddress,
                    e.getClass().getSimpleName());
            return Reply.plain(400, "unreadable Slack payload");
        }
        if (request == null) {
            return Reply.plain(400, "unsupported Slack payload");
        }
        boolean effectless =
                request.getRequestType() == RequestType.UrlVerification
                        || request.getRequestType() == RequestType.SSLCheck;
        if (clock.instant().isBefore(databaseDownUntil) && !effectless) {
            return databaseDown(request);
        }
        if (!effectless && seen.check(timestamp, signature) == SeenRequests.Verdict.REPLAY) {
            log.info(
                    "Ignored a replayed {} request from {}",
                    request.getRequestType(),
                    remoteAddress);
            return Reply.plain(200, "");
        }
        try {
            com.slack.api.bolt.response.Response response = app.run(request);
            return new Reply(
                    response.getStatusCode(),
                    response.getContentType(),
                    response.getBody() == null ? "" : response.getBody(),
                    response.getHeaders() == null ? Map.of() : response.getHeaders());
        } catch (Exception e) {
            if (databaseFailure(e)) {
                log.warn(
                        "The database is unavailable: a {} request was refused ({})",
                        request.getRequestType(),
                        rootCause(e));
                if (noConnection(e)) {
                    databaseDownUntil = clock.instant().plus(DATABASE_DOWN_GRACE);
                }
                return databaseDown(request);
            }
            log.error("Bolt failed on a {} request", request.getRequestType(), e);
            return Reply.plain(500, "internal error");
        }
    }

    /** What a slash command answers while PostgreSQL is unreachable: only the person sees it. */
    static final String DATABASE_DOWN_TEXT =
            ":hourglass: bossreview is temporarily unavailable, nothing was saved — try again in a minute.";

    private static final String DATABASE_DOWN_REPLY;

    static {
        com.google.gson.JsonObject json = new com.google.gson.JsonObject();
        json.addProperty("response_type", "ephemeral");
        json.addProperty("text", DATABASE_DOWN_TEXT);
        DATABASE_DOWN_REPLY = json.toString();
    }

    /**
     * A connection that could not be had or was lost: SQLState class 08, the server ending the
     * session (57P01 admin shutdown as with {@code pg_ctl stop -m fast}, 57P02 crash shutdown,
     * 57P03 starting up or shutting down, 57P04/57P05), Hikari's timeout, or a closed pool; or a
     * statement given up on by a lock or statement timeout ({@link #BUSY}).
     */
    static boolean databaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.jdbi.v3.core.ConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P")
                            || BUSY.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The request pool's {@code lock_timeout} (55P03: a row another transaction holds) and {@code
     * statement_timeout} (57014): the statement was rolled back, so "nothing was saved, try again"
     * is true.
     */
    private static final java.util.Set<String> BUSY = java.util.Set.of("55P03", "57014");

    /**
     * No connection could be had at all (the pool's timeout, connection refused, the server
     * starting or shutting down): the next requests would wait the same. Unlike one pooled
     * connection found broken (08006, 57P01), after which the next borrow may well work.
     */
    static boolean noConnection(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().equals("08001")
                            || sql.getSQLState().equals("08004")
                            || sql.getSQLState().equals("57P03"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
