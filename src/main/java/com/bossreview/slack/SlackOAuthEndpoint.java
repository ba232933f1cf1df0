package com.bossreview.slack;

import com.slack.api.app_backend.oauth.payload.VerificationCodePayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.request.builtin.OAuthStartRequest;
import com.slack.api.bolt.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /slack/install} and {@code GET /slack/oauth_redirect} (multi-workspace mode): turned
 * into Bolt's {@link OAuthStartRequest} / {@link OAuthCallbackRequest} from the query string and
 * the headers (the state cookie), as Bolt's own {@code SlackOAuthAppServlet} does, and run by the
 * Bolt app. These come from browsers, not from Slack, so there is no signature to check.
 */
public final class SlackOAuthEndpoint {
    private static final Logger log = LoggerFactory.getLogger(SlackOAuthEndpoint.class);
    public static final String INSTALL_PATH = "/slack/install";
    public static final String REDIRECT_PATH = "/slack/oauth_redirect";

    private final App app;

    public SlackOAuthEndpoint(App app) {
        this.app = app;
    }

    public SlackEventsEndpoint.Reply handle(
            String path, Map<String, List<String>> headers, Map<String, List<String>> query) {
        RequestHeaders requestHeaders = new RequestHeaders(headers);
        Request<?> request;
        if (INSTALL_PATH.equals(path)) {
            request = new OAuthStartRequest("", requestHeaders);
        } else if (REDIRECT_PATH.equals(path)) {
            Map<String, List<String>> params = new HashMap<>();
            query.forEach((name, values) -> params.put(name, new ArrayList<>(values)));
            request =
                    new OAuthCallbackRequest(
                            params, "", VerificationCodePayload.from(params), requestHeaders);
        } else {
            return SlackEventsEndpoint.Reply.plain(404, "not found");
        }
        request.updateContext(app.config());
        try {
            Response response = app.run(request);
            return new SlackEventsEndpoint.Reply(
                    response.getStatusCode(),
                    response.getContentType(),
                    response.getBody() == null ? "" : response.getBody(),
                    response.getHeaders() == null ? Map.of() : response.getHeaders());
        } catch (Exception e) {
            log.error("The OAuth {} page failed", path, e);
            return SlackEventsEndpoint.Reply.plain(
                    500, "Something went wrong on our side. Please try again.");
        }
    }
}
