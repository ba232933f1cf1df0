package com.bossreview.slack;

import com.bossreview.config.Secret;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import okhttp3.FormBody;
import okhttp3.Response;

import java.io.IOException;
import java.util.Map;
import java.time.Duration;

/**
 * The Web API as the app's features use it: a client holding the right workspace's bot token, and
 * one way of turning a failed call into a {@link SlackCallException}.
 */
public final class SlackApi {
    private final Slack slack;
    private final Secret botToken;

    public SlackApi(Slack slack, Secret botToken) {
        this.slack = slack;
        this.botToken = botToken;
    }

    /** The client for one workspace. Single-workspace mode: the one configured token. */
    public MethodsClient methods(String teamId) {
        return slack.methods(botToken.reveal(), teamId);
    }

    public Slack slack() {
        return slack;
    }

    @FunctionalInterface
    public interface Call<T extends SlackApiTextResponse> {
        T call(MethodsClient client) throws IOException, SlackApiException;
    }

    /** Slack sends whole seconds; a missing or odd header means "a little while". */
    static Duration retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header == null ? "" : header.trim());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(30);
        }
    }

    /**
     * One form-encoded Web API call for {@code teamId} without the SDK's request and response
     * objects: the SDK builds a new Gson (and re-reflects every response class) on each call, which
     * made it the CPU bottleneck of a nudge wave. Same failures as {@link #call}; returns the JSON answer.
     */
    public JsonObject postForm(String teamId, String method, Map<String, String> params) throws SlackCallException {
        FormBody.Builder form = new FormBody.Builder();
        params.forEach(form::add);
        String url = slack.getConfig().getMethodsEndpointUrlPrefix() + method;
        try (Response response = slack.getHttpClient().postFormWithBearerHeader(url, botToken.reveal(), form.build())) {
            if (response.code() == 429) {
                throw new SlackCallException(method, "ratelimited", retryAfter(response.header("Retry-After")), null);
            }
            if (response.code() != 200) {
                throw new SlackCallException(method, "http_" + response.code());
            }
            JsonObject json;
            try {
                json = JsonParser.parseString(response.body() == null ? "" : response.body().string()).getAsJsonObject();
            } catch (RuntimeException e) {
                throw new SlackCallException(method, "http_" + response.code(), e);
            }
            if (!json.has("ok") || !json.get("ok").getAsBoolean()) {
                throw new SlackCallException(method, json.has("error") ? json.get("error").getAsString() : "unknown_error");
            }
            return json;
        } catch (IOException e) {
            throw new SlackCallException(method, "unreachable", e);
        }
    }

    /** Runs one call for {@code teamId}; {@code ok:false}, HTTP errors and I/O failures become {@link SlackCallException}. */
    public <T extends SlackApiTextResponse> T call(String teamId, String method, Call<T> call) throws SlackCallException {
        try {
            T response = call.call(methods(teamId));
            if (!response.isOk()) {
                throw new SlackCallException(method, response.getError());
            }
            return response;
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw new SlackCallException(method, "ratelimited", retryAfter(e.getResponse().header("Retry-After")), e);
            }
            throw new SlackCallException(method, "http_" + status, e);
        } catch (IOException e) {
            throw new SlackCallException(method, "unreachable", e);
        }
    }
}
