package com.bossreview.command;

import com.slack.api.bolt.App;

/**
 * A feature's part of the Bolt app: its words of {@code /bossreview} on {@code commands}, and its
 * buttons, modals and events on {@code app}. Built by the composition root with only what the
 * feature uses; the infrastructure never names a feature.
 */
@FunctionalInterface
public interface Listeners {
    void register(CommandRouter commands, App app);
}
