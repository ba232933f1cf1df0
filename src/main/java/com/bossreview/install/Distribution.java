package com.bossreview.install;

import com.bossreview.config.AppConfig;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.BoltApp;
import com.bossreview.slack.BotIdentity;
import com.bossreview.slack.BotTokens;
import com.bossreview.slack.SlackOAuthEndpoint;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How bossreview is distributed: one workspace with {@code SLACK_BOT_TOKEN}, or any number of
 * workspaces installing it through OAuth ({@code SLACK_CLIENT_ID}/{@code SLACK_CLIENT_SECRET}) with
 * their tokens sealed in PostgreSQL. Either way, uninstalling deletes the workspace's data.
 */
public final class Distribution {
    /** The bot scopes asked for on Slack's authorize page; the same list as in app-manifest.yml. */
    public static final String BOT_SCOPES = "commands,chat:write,im:write,users:read,files:write";

    private final AppConfig config;
    private final Optional<Installations> installations;
    private final Uninstalls uninstalls;
    private final Jdbi jdbi;
    private final Clock clock;

    private Distribution(AppConfig config, Optional<Installations> installations, Jdbi jdbi, Clock clock) {
        this.config = config;
        this.installations = installations;
        this.jdbi = jdbi;
        this.clock = clock;
        this.uninstalls = new Uninstalls(jdbi, installations, Duration.ofDays(config.uninstallRetentionDays()), clock);
    }

    /**
     * In multi-workspace mode, also checks that the configured keys open the stored tokens (nothing is
     * re-sealed at start-up: see {@link KeyRotation}).
     *
     * @throws com.bossreview.config.ConfigException when stored tokens were sealed with an unknown key
     */
    public static Distribution of(AppConfig config, Jdbi jdbi, Clock clock) {
        Optional<Installations> installations = config.multiWorkspace().map(m -> installations(m, jdbi, clock));
        installations.ifPresent(i -> i.keys().checkAtStartup());
        return new Distribution(config, installations, jdbi, clock);
    }

    /** The installation store of multi-workspace mode, its tokens sealed with the configured keys. */
    public static Installations installations(AppConfig.MultiWorkspace m, Jdbi jdbi, Clock clock) {
        return new Installations(jdbi, new TokenCipher(m.encryptionKey(), m.previousEncryptionKey()), clock);
    }

    public boolean multiWorkspace() {
        return installations.isPresent();
    }

    public BotTokens botTokens() {
        return installations.<BotTokens>map(i -> i).orElseGet(() -> BotTokens.single(config.botToken().orElseThrow()));
    }

    /**
     * Tells {@code listener} which workspaces came back (reinstalled within the retention period). Set once at
     * start-up. In single-workspace mode there is no install flow: the workspace is back when Slack accepts
     * the configured token for it ({@code identity}, after an uninstall, a reinstall and a restart).
     */
    public void whenReinstalled(Consumer<List<String>> listener, BotIdentity identity) {
        if (installations.isPresent()) {
            installations.get().whenReinstalled(listener);
            return;
        }
        identity.whenConfirmed(bot -> {
            List<String> back = uninstalls.tokenAccepted(bot.teamId());
            if (!back.isEmpty()) {
                listener.accept(back);
            }
        });
    }

    /** For a scheduled purge ({@link Uninstalls#purgeExpired}) when a retention period is set. */
    public Uninstalls uninstalls() {
        return uninstalls;
    }

    /** The Bolt app with the features, the uninstall events and, in multi-workspace mode, the OAuth flow. */
    public App bolt(Slack slack, BotIdentity identity, AfterAck afterAck, List<Consumer<App>> features) {
        List<Consumer<App>> all = new ArrayList<>(features);
        all.add(new UninstallEvents(uninstalls));
        if (installations.isEmpty()) {
            return BoltApp.create(slack, config.botToken().orElseThrow(), identity, all);
        }
        AppConfig.MultiWorkspace m = config.multiWorkspace().orElseThrow();
        Optional<String> redirectUri = m.publicUrl().map(u -> u + SlackOAuthEndpoint.REDIRECT_PATH);
        InstallPages pages = new InstallPages();
        OAuthStates states = new OAuthStates(jdbi, clock, m.clientSecret());
        com.slack.api.bolt.AppConfig bolt = com.slack.api.bolt.AppConfig.builder()
                .singleTeamBotToken(null)
                .clientId(m.clientId())
                .clientSecret(m.clientSecret().reveal())
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
        App app = BoltApp.create(slack, bolt,
                new InstallationAuthorization(installations.get(), slack, afterAck, m.publicUrl()), all);
        app.asOAuthApp(true);
        app.service(installations.get());
        app.service(states);
        app.service(new InstallCallback(slack, m.clientId(), m.clientSecret(), redirectUri, states, installations.get(),
                pages, clock));
        return app;
    }
}
