package com.bossreview;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.BossCommand;
import com.bossreview.review.ReviewFeature;
import com.slack.api.bolt.App;

import java.util.function.Consumer;

/** Every feature's commands, buttons, modals and events, registered on the Bolt app. */
public final class Features implements Consumer<App> {
    private final Deps deps;

    public Features(Deps deps) {
        this.deps = deps;
    }

    @Override
    public void accept(App app) {
        CommandRouter router = new CommandRouter();
        router.register(Subcommand.BOSS, new BossCommand(deps.managers(), deps.zones(), deps.users(), deps.afterAck()));
        new ReviewFeature(deps).register(router, app);
        router.accept(app);
    }
}
