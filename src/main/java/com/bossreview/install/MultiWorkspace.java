package com.bossreview.install;

import com.bossreview.config.AppConfig;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.BoltApp;
import com.bossreview.slack.BotIdentity;
import com.bossreview.slack.BotTokens;
import com.bossreview.slack.SlackOAuthEndpoint;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * Any number of workspaces, installed through Slack's OAuth flow, their tokens sealed in
 * PostgreSQL.
 */
public final class MultiWorkspace implements Distribution {
    private final AppConfig.MultiWorkspace config;
    private final Installations installations;
    private final Uninstalls uninstalls;
    private final Jdbi jdbi;
    private final Clock clock;

    MultiWorkspace(
            AppConfig.MultiWorkspace config,
            Installations installations,
            Uninstalls uninstalls,
            Jdbi jdbi,
            Clock clock) {
        this.config = config;
        this.installations = installations;
        this.uninstalls = uninstalls;
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public BotTokens botTokens() {
        return installations;
    }

    @Override
    public Uninstalls uninstalls() {
        return uninstalls;
    }

    @Override
    public void whenReinstalled(Consumer<List<String>> listener, BotIdentity identity) {
        installations.whenReinstalled(listener);
    }

    @Override
    public App bolt(
            Slack slack, BotIdentity identity, AfterAck afterAck, List<Consumer<App>> features) {
        List<Consumer<App>> all = new ArrayList<>(features);
        all.add(new UninstallEvents(uninstalls));
        Optional<String> redirectUri =
                config.publicUrl().map(u -> u + SlackOAuthEndpoint.REDIRECT_PATH);
        InstallPages pages = new InstallPages();
        OAuthStates states = new OAuthStates(jdbi, clock, config.clientSecret());
        com.slack.api.bolt.AppConfig bolt =
                com.slack.api.bolt.AppConfig.builder()
                        .singleTeamBotToken(null)
                        .clientId(config.clientId())
                        .clientSecret(config.clientSecret().reveal())
                        .scope(BOT_SCOPES)
                        .userScope(null)
                        .redirectUri(redirectUri.orElse(null))
                        .oauthInstallPath(SlackOAuthEndpoint.INSTALL_PATH)
                        .oauthRedirectUriPath(SlackOAuthEndpoint.REDIRECT_PATH)
                        .oauthCompletionUrl(null)
                        .oauthCancellationUrl(null)
                        .stateValidationEnabled(true)
                        .oAuthInstallPageRenderingEnabled(true)
                        .oAuthInstallPageRenderer(pages)
                        .oAuthRedirectUriPageRenderer(pages)
                        .build();
        App app =
                BoltApp.create(
                        slack,
                        bolt,
                        new InstallationAuthorization(
                                installations, slack, afterAck, config.publicUrl()),
                        all);
        app.asOAuthApp(true);
        app.service(installations);
        app.service(states);
        app.service(
                new InstallCallback(
                        slack,
                        config.clientId(),
                        config.clientSecret(),
                        redirectUri,
                        states,
                        installations,
                        pages,
                        clock));
        return app;
    }

    @Override
    public Optional<SlackOAuthEndpoint> installPages(App bolt) {
        return Optional.of(new SlackOAuthEndpoint(bolt));
    }

    @Override
    public String slackState(BotIdentity identity) {
        return "per_workspace";
    }

    @Override
    public String describe() {
        return "multi-workspace";
    }
}
