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
 * Builds the Bolt {@link App}. Signatures are checked at the HTTP edge ({@link SlackEventsEndpoint}),
 * so Bolt's own middleware list is replaced by one without its request verification and its
 * per-request {@code auth.test}.
 */
public final class BoltApp {
    private BoltApp() {
    }

    public static App create(Slack slack, Secret botToken, BotIdentity identity, List<Consumer<App>> features) {
        AppConfig config = AppConfig.builder()
                .singleTeamBotToken(botToken.reveal())
                .build();
        List<Middleware> middleware = new ArrayList<>();
        middleware.add(new SSLCheck(null));
        middleware.add(new BotTokenAuthorization(botToken, identity));
        middleware.add(new IgnoringSelfEvents(slack.getConfig(), false));
        App app = new App(config, slack, middleware);
        features.forEach(feature -> feature.accept(app));
        return app;
    }
}
