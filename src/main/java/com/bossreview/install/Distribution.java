package com.bossreview.install;

import com.bossreview.config.AppConfig;
import com.bossreview.manager.PersonalData;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.BotIdentity;
import com.bossreview.slack.BotTokens;
import com.bossreview.slack.SlackOAuthEndpoint;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/**
 * How bossreview is distributed: {@link SingleWorkspace} with {@code SLACK_BOT_TOKEN}, or {@link
 * MultiWorkspace}, any number of workspaces installing it through OAuth ({@code SLACK_CLIENT_ID}/
 * {@code SLACK_CLIENT_SECRET}) with their tokens sealed in PostgreSQL. Either way, uninstalling
 * deletes the workspace's data.
 */
public sealed interface Distribution permits SingleWorkspace, MultiWorkspace {
    /** The bot scopes asked for on Slack's authorize page; the same list as in app-manifest.yml. */
    String BOT_SCOPES = "commands,chat:write,im:write,users:read,users:read.email,files:write";

    /**
     * The mode the configuration asks for. In multi-workspace mode, also checks that the configured
     * keys open the stored tokens (nothing is re-sealed at start-up: see {@link KeyRotation}).
     *
     * @throws com.bossreview.config.ConfigException when stored tokens were sealed with an unknown
     *     key
     */
    static Distribution of(AppConfig config, Jdbi jdbi, Clock clock, List<PersonalData> held) {
        Duration retention = Duration.ofDays(config.uninstallRetentionDays());
        if (config.multiWorkspace().isPresent()) {
            AppConfig.MultiWorkspace m = config.multiWorkspace().get();
            Installations installations = installations(m, jdbi, clock);
            installations.keys().checkAtStartup();
            return new MultiWorkspace(
                    m,
                    installations,
                    new Uninstalls(jdbi, Optional.of(installations), retention, clock, held),
                    jdbi,
                    clock);
        }
        return new SingleWorkspace(
                config.botToken().orElseThrow(),
                new Uninstalls(jdbi, Optional.empty(), retention, clock, held));
    }

    /**
     * The installation store of multi-workspace mode, its tokens sealed with the configured keys.
     */
    static Installations installations(AppConfig.MultiWorkspace m, Jdbi jdbi, Clock clock) {
        return new Installations(
                jdbi, new TokenCipher(m.encryptionKey(), m.previousEncryptionKey()), clock);
    }

    /** Which bot token serves a workspace. */
    BotTokens botTokens();

    /** For a scheduled purge ({@link Uninstalls#purgeExpired}) when a retention period is set. */
    Uninstalls uninstalls();

    /**
     * Tells {@code listener} which workspaces came back (reinstalled within the retention period).
     * Set once at start-up.
     */
    void whenReinstalled(Consumer<List<String>> listener, BotIdentity identity);

    /**
     * The Bolt app with the features and the uninstall events, and in multi-workspace mode the
     * OAuth flow.
     */
    App bolt(Slack slack, BotIdentity identity, AfterAck afterAck, List<Consumer<App>> features);

    /**
     * {@code /slack/install} and {@code /slack/oauth_redirect}: only where workspaces install it
     * themselves.
     */
    Optional<SlackOAuthEndpoint> installPages(App bolt);

    /**
     * What {@code /healthz} says about Slack: the one workspace's token state, or {@code
     * per_workspace}.
     */
    String slackState(BotIdentity identity);

    /** For the start-up log line. */
    String describe();
}
