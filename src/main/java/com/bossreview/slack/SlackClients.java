package com.bossreview.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;

import java.net.URI;

/** The one {@link Slack} instance of the app: every Web API call goes to {@code SLACK_API_URL}. */
public final class SlackClients {
    private SlackClients() {
    }

    public static Slack create(URI apiUrl) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.toString());
        config.setPrettyResponseLoggingEnabled(false);
        // Bounded, so that a hanging Slack turns into a retry instead of a stuck worker.
        config.setHttpClientCallTimeoutMillis(10_000);
        config.setHttpClientReadTimeoutMillis(10_000);
        config.setHttpClientWriteTimeoutMillis(10_000);
        return Slack.getInstance(config);
    }
}
