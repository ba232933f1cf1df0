package com.bossreview.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/** The one {@link Slack} instance of the app: every Web API call goes to {@code SLACK_API_URL}. */
public final class SlackClients {
    /**
     * As many as the nudge engine may have calls in flight (its bulkhead, 256) plus the after-ack
     * workers: a connection closed after each call because the pool was full is a TCP handshake on
     * the next, for Slack and for us.
     */
    static final int KEEP_ALIVE_CONNECTIONS = 288;

    private SlackClients() {}

    /** Calls not measured anywhere: for tools and tests that have no registry. */
    public static Slack create(URI apiUrl) {
        return create(apiUrl, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    }

    public static Slack create(URI apiUrl, io.micrometer.core.instrument.MeterRegistry registry) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(apiUrl.toString());
        config.setPrettyResponseLoggingEnabled(false);
        // Bounded, so that a hanging Slack turns into a retry instead of a stuck worker.
        config.setHttpClientCallTimeoutMillis(10_000);
        config.setHttpClientReadTimeoutMillis(10_000);
        config.setHttpClientWriteTimeoutMillis(10_000);
        // The SDK's per-method call statistics are only used by its async clients; we use the sync
        // ones.
        config.setStatsEnabled(false);
        // OkHttp keeps 5 idle connections by default: with the dispatcher's parallel senders, the
        // others
        // were closed and reopened on every call (measured in BENCHMARKS.md). Keep enough of them
        // alive.
        OkHttpClient okHttp =
                SlackHttpClient.buildOkHttpClient(config)
                        .newBuilder()
                        .connectionPool(
                                new ConnectionPool(KEEP_ALIVE_CONNECTIONS, 5, TimeUnit.MINUTES))
                        // Every call, whichever client or feature makes it: one place to time them.
                        .addInterceptor(new SlackCallMetrics(registry, apiUrl.getPath()))
                        // Tells a failure before sending from one after: see SlackApi's mapping.
                        .addNetworkInterceptor(new RequestSent.Marker())
                        .build();
        SlackHttpClient http = new SlackHttpClient(okHttp);
        http.setConfig(config);
        return Slack.getInstance(config, http);
    }
}
