package com.bossreview.slack;

import com.bossreview.config.Secret;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;

import java.io.IOException;

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
            throw new SlackCallException(method, status == 429 ? "ratelimited" : "http_" + status, e);
        } catch (IOException e) {
            throw new SlackCallException(method, "unreachable", e);
        }
    }
}
