package com.bossreview.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Times every HTTP call the Slack SDK makes into {@code slack_api_calls_seconds} (a histogram, so
 * that percentiles can be aggregated across instances), tagged with the Web API {@code method} and
 * the {@code outcome}. Both come from outside (URL path, Slack's error codes) and are folded into
 * fixed sets: each new label value would be a new series for the life of the process. Posts to a
 * response_url are not Web API methods and are tagged {@code response_url}.
 */
final class SlackCallMetrics implements Interceptor {
    static final String NAME = "slack.api.calls";
    static final Set<String> METHODS =
            Set.of(
                    "auth.test",
                    "chat.postMessage",
                    "chat.postEphemeral",
                    "chat.update",
                    "chat.delete",
                    "conversations.open",
                    "users.info",
                    "views.open",
                    "views.publish",
                    "views.update",
                    "files.getUploadURLExternal",
                    "files.completeUploadExternal",
                    "oauth.v2.access",
                    "apps.connections.open");
    static final Set<String> ERRORS =
            Set.of(
                    "ratelimited",
                    "invalid_auth",
                    "not_authed",
                    "account_inactive",
                    "token_revoked",
                    "missing_scope",
                    "user_not_found",
                    "channel_not_found",
                    "expired_trigger_id",
                    "not_in_channel",
                    "fatal_error",
                    "internal_error");

    /** Slack's answers are small; a larger one is read only this far to find {@code ok}. */
    private static final long PEEK_BYTES = 256 * 1024;

    private final MeterRegistry registry;
    private final String apiPath;

    SlackCallMetrics(MeterRegistry registry, String apiPath) {
        this.registry = registry;
        this.apiPath = apiPath.endsWith("/") ? apiPath : apiPath + "/";
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String method = method(request.url().encodedPath());
        long started = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (InterruptedIOException e) {
            record(method, "timeout", started);
            throw e;
        } catch (IOException e) {
            record(method, SlackError.UNREACHABLE, started);
            throw e;
        }
        record(method, outcome(response), started);
        return response;
    }

    String method(String path) {
        if (!path.startsWith(apiPath)) {
            return "response_url";
        }
        String name = path.substring(apiPath.length());
        return METHODS.contains(name) ? name : "other";
    }

    private static String outcome(Response response) {
        if (response.code() >= 500) {
            return "http_5xx";
        }
        if (response.code() == 429) {
            return "ratelimited";
        }
        try {
            // peekBody copies what it reads: the SDK still gets the whole body.
            JsonObject json =
                    JsonParser.parseString(response.peekBody(PEEK_BYTES).string())
                            .getAsJsonObject();
            if (json.has("ok") && json.get("ok").getAsBoolean()) {
                return "ok";
            }
            String error = json.has("error") ? json.get("error").getAsString() : "";
            return ERRORS.contains(error) ? error : "other_error";
        } catch (RuntimeException | IOException e) {
            return response.isSuccessful()
                    ? "unreadable"
                    : "http_" + (response.code() / 100) + "xx";
        }
    }

    private void record(String method, String outcome, long started) {
        Timer.builder(NAME)
                .tag("method", method)
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                // Slack answers in tens of milliseconds to seconds, and the client gives up at 10
                // s: fewer buckets.
                .minimumExpectedValue(java.time.Duration.ofMillis(5))
                .maximumExpectedValue(java.time.Duration.ofSeconds(15))
                .register(registry)
                .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
