package com.bossreview.install;

import com.bossreview.config.Secret;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.BoltApp;
import com.bossreview.slack.BotIdentity;
import com.bossreview.slack.BotTokens;
import com.bossreview.slack.SlackOAuthEndpoint;
import com.slack.api.Slack;
import com.slack.api.bolt.App;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/** One workspace, its bot token in {@code SLACK_BOT_TOKEN}; no install flow. */
public final class SingleWorkspace implements Distribution {
    private final Secret botToken;
    private final Uninstalls uninstalls;

    SingleWorkspace(Secret botToken, Uninstalls uninstalls) {
        this.botToken = botToken;
        this.uninstalls = uninstalls;
    }

    @Override
    public BotTokens botTokens() {
        return BotTokens.single(botToken);
    }

    @Override
    public Uninstalls uninstalls() {
        return uninstalls;
    }

    /**
     * There is no install flow: the workspace is back when Slack accepts the configured token for
     * it ({@code identity}, after an uninstall, a reinstall and a restart).
     */
    @Override
    public void whenReinstalled(Consumer<List<String>> listener, BotIdentity identity) {
        identity.whenConfirmed(
                bot -> {
                    List<String> back = uninstalls.tokenAccepted(bot.teamId());
                    if (!back.isEmpty()) {
                        listener.accept(back);
                    }
                });
    }

    @Override
    public App bolt(
            Slack slack, BotIdentity identity, AfterAck afterAck, List<Consumer<App>> features) {
        List<Consumer<App>> all = new ArrayList<>(features);
        all.add(new UninstallEvents(uninstalls));
        return BoltApp.create(slack, botToken, identity, all);
    }

    @Override
    public Optional<SlackOAuthEndpoint> installPages(App bolt) {
        return Optional.empty();
    }

    @Override
    public String slackState(BotIdentity identity) {
        return identity.state().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String describe() {
        return "single workspace";
    }
}
