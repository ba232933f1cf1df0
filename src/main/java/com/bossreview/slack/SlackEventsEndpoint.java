package com.bossreview.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.util.SlackRequestParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /slack/events}: verifies Slack's signature on the raw body, then hands the request to
 * Bolt and returns Bolt's answer. Nothing unsigned is parsed.
 */
public final class SlackEventsEndpoint {
    private static final Logger log = LoggerFactory.getLogger(SlackEventsEndpoint.class);

    /** Slack's payloads are a few kilobytes; anything far larger is not from Slack. */
    public static final int MAX_BODY_BYTES = 1 << 20;

    public record Reply(int status, String contentType, String body, Map<String, List<String>> headers) {
        static Reply plain(int status, String body) {
            return new Reply(status, "text/plain; charset=utf-8", body, Map.of());
        }
    }

    private final App app;
    private final SignatureCheck signatures;
    private final SlackRequestParser parser;

    public SlackEventsEndpoint(App app, SignatureCheck signatures) {
        this.app = app;
        this.signatures = signatures;
        this.parser = new SlackRequestParser(app.config());
    }

    public Reply handle(Map<String, List<String>> headers, Map<String, List<String>> query, byte[] body,
                        String remoteAddress) {
        RequestHeaders requestHeaders = new RequestHeaders(headers);
        SignatureCheck.Result verdict = signatures.check(
                requestHeaders.getFirstValue("X-Slack-Request-Timestamp"),
                requestHeaders.getFirstValue("X-Slack-Signature"), body);
        if (verdict != SignatureCheck.Result.VALID) {
            log.info("Refused a request to /slack/events from {}: signature {}", remoteAddress, verdict);
            return Reply.plain(401, "invalid signature or timestamp");
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri("/slack/events")
                    .queryString(query)
                    .headers(requestHeaders)
                    .requestBody(new String(body, StandardCharsets.UTF_8))
                    .remoteAddress(remoteAddress)
                    .build());
        } catch (RuntimeException e) {
            log.info("Refused a signed but unreadable request from {}: {}", remoteAddress, e.getClass().getSimpleName());
            return Reply.plain(400, "unreadable Slack payload");
        }
        if (request == null) {
            return Reply.plain(400, "unsupported Slack payload");
        }
        try {
            com.slack.api.bolt.response.Response response = app.run(request);
            return new Reply(response.getStatusCode(), response.getContentType(),
                    response.getBody() == null ? "" : response.getBody(),
                    response.getHeaders() == null ? Map.of() : response.getHeaders());
        } catch (Exception e) {
            log.error("Bolt failed on a {} request", request.getRequestType(), e);
            return Reply.plain(500, "internal error");
        }
    }
}
