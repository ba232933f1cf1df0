package com.bossreview.slack;

import com.bossreview.config.Secret;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.model.view.View;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Web API as the app's features use it: a client holding the right workspace's bot token, and
 * one way of turning a failed call into a {@link SlackCallException}.
 */
public final class SlackApi {
    /**
     * How long {@link #postJson} waits for Slack. {@code chat.postMessage} answers in well under a
     * second; a call hanging longer is retried later rather than holding a sender thread for the
     * SDK's 10 s.
     */
    static final Duration POST_TIMEOUT = Duration.ofSeconds(4);

    /** With the charset: without it Slack answers with a {@code missing_charset} warning. */
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Slack slack;
    private final BotTokens botTokens;
    private final OkHttpClient postClient;

    public SlackApi(Slack slack, BotTokens botTokens) {
        this.slack = slack;
        this.botTokens = botTokens;
        // Same connection pool and interceptors (user agent) as the SDK's client, shorter deadline.
        // Posts are not
        // idempotent: no silent retry when a pooled connection drops, and a listener that tells
        // whether the
        // request had started to go out (a lost connection then may have posted).
        this.postClient =
                slack.getHttpClient()
                        .getOkHttpClient()
                        .newBuilder()
                        .callTimeout(POST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(POST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .retryOnConnectionFailure(false)
                        .eventListenerFactory(SlackApi::listenerFor)
                        .build();
    }

    /**
     * Whether a call's request has started to leave this process; one per call, carried as the
     * request's tag.
     */
    private static final class Sending {
        private volatile boolean started;
    }

    private static EventListener listenerFor(okhttp3.Call call) {
        Sending sending = call.request().tag(Sending.class);
        return sending == null
                ? EventListener.NONE
                : new EventListener() {
                    @Override
                    public void requestHeadersStart(okhttp3.Call c) {
                        sending.started = true;
                    }
                };
    }

    /** Single-workspace mode: the one configured token. */
    public SlackApi(Slack slack, Secret botToken) {
        this(slack, BotTokens.single(botToken));
    }

    /**
     * The client for one workspace, holding that workspace's bot token.
     *
     * @throws SlackCallException ({@link #SlackError.NOT_INSTALLED}) when bossreview has no token
     *     for the workspace
     */
    public MethodsClient methods(String teamId) throws SlackCallException {
        return slack.methods(token("web_api", teamId), teamId);
    }

    private String token(String method, String teamId) throws SlackCallException {
        try {
            return botTokens
                    .botToken(null, teamId)
                    .orElseThrow(() -> new SlackCallException(method, SlackError.NOT_INSTALLED));
        } catch (TokenUnavailableException e) {
            throw new SlackCallException(method, SlackError.TOKEN_UNAVAILABLE, e);
        }
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
     * One Web API call for {@code teamId} with a JSON body (Slack's write methods take JSON with
     * the token in the {@code Authorization} header), without the SDK's request and response
     * objects: the SDK builds a new Gson (and re-reflects every response class) on each call, which
     * made it the CPU bottleneck of a nudge wave, and a form body must percent-encode the blocks'
     * JSON once more. Same failures as {@link #call}; returns the JSON answer.
     */
    public JsonObject postJson(String teamId, String method, String body)
            throws SlackCallException {
        String url = slack.getConfig().getMethodsEndpointUrlPrefix() + method;
        String token = token(method, teamId);
        Sending sending = new Sending();
        Request request =
                new Request.Builder()
                        .url(url)
                        .header("Authorization", "Bearer " + token)
                        .post(RequestBody.create(body, JSON))
                        .tag(Sending.class, sending)
                        .build();
        try (Response response = postClient.newCall(request).execute()) {
            if (response.code() == 429) {
                throw new SlackCallException(
                        method, "ratelimited", retryAfter(response.header("Retry-After")), null);
            }
            if (response.code() != 200) {
                throw new SlackCallException(method, "http_" + response.code());
            }
            JsonObject json;
            try {
                json =
                        JsonParser.parseString(
                                        response.body() == null ? "" : response.body().string())
                                .getAsJsonObject();
            } catch (RuntimeException e) {
                throw new SlackCallException(method, "http_" + response.code(), e);
            }
            if (!json.has("ok") || !json.get("ok").getAsBoolean()) {
                throw new SlackCallException(
                        method,
                        json.has("error") ? json.get("error").getAsString() : "unknown_error");
            }
            return json;
        } catch (InterruptedIOException e) {
            if (e instanceof java.net.SocketTimeoutException
                    && String.valueOf(e.getMessage()).contains("connect")) {
                // Never connected: nothing reached Slack, a plain retry.
                throw new SlackCallException(method, SlackError.UNREACHABLE, e);
            }
            throw new SlackCallException(method, SlackError.TIMEOUT, e);
        } catch (IOException e) {
            // Refused or reset before anything went out: nothing reached Slack. After that: it may
            // have.
            throw new SlackCallException(
                    method,
                    sending.started ? SlackError.CONNECTION_LOST : SlackError.UNREACHABLE,
                    e);
        }
    }

    /**
     * Opens {@code view} as a modal for the person whose click or command carried {@code triggerId}
     * (valid 3 s).
     */
    public void openModal(String teamId, String triggerId, View view) throws SlackCallException {
        call(teamId, "views.open", c -> c.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /**
     * Runs one call for {@code teamId}; {@code ok:false}, HTTP errors and I/O failures become
     * {@link SlackCallException}.
     */
    public <T extends SlackApiTextResponse> T call(String teamId, String method, Call<T> call)
            throws SlackCallException {
        MethodsClient client;
        try {
            client = methods(teamId);
        } catch (SlackCallException e) {
            throw new SlackCallException(method, e.error());
        }
        try {
            T response = call.call(client);
            if (!response.isOk()) {
                throw new SlackCallException(method, response.getError());
            }
            return response;
        } catch (SlackApiException e) {
            int status = e.getResponse().code();
            if (status == 429) {
                throw new SlackCallException(
                        method,
                        "ratelimited",
                        retryAfter(e.getResponse().header("Retry-After")),
                        e);
            }
            throw new SlackCallException(method, "http_" + status, e);
        } catch (IOException e) {
            throw new SlackCallException(method, SlackError.UNREACHABLE, e);
        }
    }
}
