package com.bossreview.slack;

import com.bossreview.config.Secret;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the Bolt {@link App}. Signatures are checked at the HTTP edge ({@link
 * SlackEventsEndpoint}), so Bolt's own middleware list is replaced by one without its request
 * verification and its per-request {@code auth.test}.
 */
public final class BoltApp {
    private BoltApp() {}

    /** Single-workspace mode: the one bot token. */
    public static App create(
            Slack slack, Secret botToken, BotIdentity identity, List<Consumer<App>> features) {
        AppConfig config =
                AppConfig.builder()
                        .singleTeamBotToken(botToken.reveal())
                        // Bolt's builder reads SLACK_CLIENT_ID & co. from the environment by
                        // itself; bossreview's config decides.
                        .clientId(null)
                        .clientSecret(null)
                        .build();
        return create(slack, config, new BotTokenAuthorization(botToken, identity), features);
    }

    /** Any mode: {@code authorization} puts the request's workspace token into the Bolt context. */
    public static App create(
            Slack slack, AppConfig config, Middleware authorization, List<Consumer<App>> features) {
        List<Middleware> middleware = new ArrayList<>();
        middleware.add(new SSLCheck(null));
        middleware.add(authorization);
        middleware.add(new IgnoringSelfEvents(slack.getConfig(), false));
        App app = new App(config, slack, middleware);
        features.forEach(feature -> feature.accept(app));
        return app;
    }
}
