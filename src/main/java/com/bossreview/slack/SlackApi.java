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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
     * second, but a call given up on may still be posted: it is retried and may go out twice. A
     * wait costs a virtual thread, not a sender thread, so it is long enough that only a Slack in
     * real trouble reaches it (at 4 s, a CPU-starved benchmark box drew 15 duplicates in one wave).
     */
    public static final Duration POST_TIMEOUT = Duration.ofSeconds(10);

    /** With the charset: without it Slack answers with a {@code missing_charset} warning. */
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Slack slack;
    private final BotTokens botTokens;
    private final OkHttpClient postClient;

    public SlackApi(Slack slack, BotTokens botTokens) {
        this.slack = slack;
        this.botTokens = botTokens;
        // The SDK's client (same connection pool, interceptors and failure marking), with a
        // shorter deadline, and no silent retry when a pooled connection drops: a post is not
        // idempotent, and nobody would count the duplicate.
        this.postClient =
                slack.getHttpClient()
                        .getOkHttpClient()
                        .newBuilder()
                        .callTimeout(POST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(POST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .retryOnConnectionFailure(false)
                        .build();
    }

    /** Single-workspace mode: the one configured token. */
    public SlackApi(Slack slack, Secret botToken) {
        this(slack, BotTokens.single(botToken));
    }

    /**
     * The client for one workspace, holding that workspace's bot token.
     *
     * @throws SlackCallException ({@link SlackError#NOT_INSTALLED}) when bossreview has no token
     *     for the workspace
     */
    public MethodsClient methods(String teamId) throws SlackCallException {
        return slack.methods(token("web_api", teamId), teamId);
    }

    /**
     * How long a workspace's bot token is kept in memory once looked up. In multi-workspace mode a
     * lookup is a query and an AES-GCM open: done per DM, it was the one statement a nudge wave ran
     * per message (10,466 of 11,829 in a 10,000-DM wave). Slack rejecting a token drops it at once;
     * a reinstall elsewhere is picked up within this time.
     */
    static final Duration TOKEN_TTL = Duration.ofSeconds(60);

    private record CachedToken(String token, long expiresNanos) {}

    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();

    private String token(String method, String teamId) throws SlackCallException {
        CachedToken cached = teamId == null ? null : tokens.get(teamId);
        long now = System.nanoTime();
        if (cached != null && now - cached.expiresNanos() < 0) {
            return cached.token();
        }
        try {
            String token =
                    botTokens
                            .botToken(null, teamId)
                            .orElseThrow(
                                    () -> new SlackCallException(method, SlackError.NOT_INSTALLED));
            if (teamId != null) {
                tokens.put(teamId, new CachedToken(token, now + TOKEN_TTL.toNanos()));
            }
            return token;
        } catch (TokenUnavailableException e) {
            throw new SlackCallException(method, SlackError.TOKEN_UNAVAILABLE, e);
        } catch (SlackCallException e) {
            tokens.remove(teamId);
            throw e;
        }
    }

    /** A token Slack turned down is looked up again next time (a reinstall brings a new one). */
    private SlackCallException forgetIfRejected(String teamId, SlackCallException e) {
        if (teamId != null && e.slackError().kind() == SlackError.Kind.TOKEN) {
            tokens.remove(teamId);
        }
        return e;
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
        Request request =
                new Request.Builder()
                        .url(url)
                        .header("Authorization", "Bearer " + token)
                        .post(RequestBody.create(body, JSON))
                        .build();
        try (Response response = postClient.newCall(request).execute()) {
            if (response.code() != 200) {
                throw httpFailure(method, response.code(), response.header("Retry-After"), null);
            }
            JsonObject json;
            try {
                json =
                        JsonParser.parseString(
                                        response.body() == null ? "" : response.body().string())
                                .getAsJsonObject();
            } catch (RuntimeException e) {
                throw httpFailure(method, response.code(), null, e);
            }
            if (!json.has("ok") || !json.get("ok").getAsBoolean()) {
                throw refused(method, json.has("error") ? json.get("error").getAsString() : null);
            }
            return json;
        } catch (IOException e) {
            throw ioFailure(method, e);
        } catch (SlackCallException e) {
            throw forgetIfRejected(teamId, e);
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
            return execute(method, client, call);
        } catch (SlackCallException e) {
            throw forgetIfRejected(teamId, e);
        }
    }

    /**
     * Runs one call on a client the caller holds (a token of its own, or none: {@code
     * oauth.v2.access}), failing as {@link #call} does.
     */
    public static <T extends SlackApiTextResponse> T execute(
            String method, MethodsClient client, Call<T> call) throws SlackCallException {
        try {
            T response = call.call(client);
            if (!response.isOk()) {
                throw refused(method, response.getError());
            }
            return response;
        } catch (SlackApiException e) {
            throw httpFailure(
                    method, e.getResponse().code(), e.getResponse().header("Retry-After"), e);
        } catch (IOException e) {
            throw ioFailure(method, e);
        }
    }

    // The one mapping from what happened to a call to a SlackError code, whichever client made it.

    /** Slack answered {@code ok: false}. */
    private static SlackCallException refused(String method, String error) {
        return new SlackCallException(
                method, error == null || error.isBlank() ? "unknown_error" : error);
    }

    /** Slack answered with an HTTP status other than 200 (or a 200 that is not JSON). */
    private static SlackCallException httpFailure(
            String method, int status, String retryAfterHeader, Throwable cause) {
        if (status == 429) {
            return new SlackCallException(
                    method, SlackError.RATE_LIMITED, retryAfter(retryAfterHeader), cause);
        }
        return new SlackCallException(method, "http_" + status, cause);
    }

    /**
     * No answer: {@link SlackError#UNREACHABLE} when nothing went out (refused, reset or timed out
     * before sending), else {@link SlackError#TIMEOUT} or {@link SlackError#CONNECTION_LOST}: Slack
     * may have acted.
     */
    static SlackCallException ioFailure(String method, IOException e) {
        if (!RequestSent.marked(e)) {
            return new SlackCallException(method, SlackError.UNREACHABLE, e);
        }
        return new SlackCallException(
                method,
                e instanceof InterruptedIOException
                        ? SlackError.TIMEOUT
                        : SlackError.CONNECTION_LOST,
                e);
    }
}
