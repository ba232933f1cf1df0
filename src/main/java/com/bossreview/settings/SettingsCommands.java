package com.bossreview.settings;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.CommandText;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AdminCheck;
import com.bossreview.slack.Messenger;
import com.bossreview.workspace.WorkspaceDefaultsService;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code settings}, {@code settings <key> <value>}, {@code pause <date>} and {@code resume}:
 * database only, answered in the ack. {@code settings workspace …}: the workspace's defaults
 * ({@link WorkspaceSettingsCommand}).
 */
public final class SettingsCommands implements Listeners {
    private final SettingsService settings;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final WorkspaceDefaultsService defaults;
    private final WorkspaceSettingsCommand workspace;
    private final Clock clock;

    /**
     * {@code admins}: who may change the workspace's defaults ({@code settings workspace}); {@code
     * messenger} tells the managers whose review a new workspace prime-hours range covers.
     */
    public SettingsCommands(
            ManagerService managers,
            ZoneRefresher zones,
            WorkspaceDefaultsService defaults,
            AdminCheck admins,
            Messenger messenger,
            Clock clock) {
        this.settings = new SettingsService(managers);
        this.managers = managers;
        this.zones = zones;
        this.defaults = defaults;
        this.workspace = new WorkspaceSettingsCommand(defaults, admins, messenger, clock);
        this.clock = clock;
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.register(Subcommand.SETTINGS, this::settings);
        router.register(Subcommand.PAUSE, this::pause);
        router.register(Subcommand.RESUME, this::resume);
    }

    private Response settings(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        if (args.isBlank()) {
            return ctx.ack(
                    SettingsViews.show(
                            zones.touch(team, user),
                            clock.instant(),
                            managers.crmSettings(team, user),
                            managers.own(team, user),
                            defaults.find(team)));
        }
        CommandText parsed = CommandText.parse(args);
        if (parsed.word().equalsIgnoreCase(WorkspaceSetting.WORD)) {
            return workspace.handle(team, user, parsed.arguments(), ctx);
        }
        Optional<Setting> setting = Setting.byKey(parsed.word());
        if (setting.isEmpty()) {
            return ctx.ack(SettingsViews.unknownKey(parsed.word()));
        }
        if (parsed.arguments().isBlank()) {
            return ctx.ack(
                    ":pencil2: Usage: `"
                            + setting.get().usage()
                            + "`, e.g. `"
                            + setting.get().example()
                            + "`.");
        }
        try {
            String done = settings.apply(team, user, setting.get(), parsed.arguments());
            zones.touch(team, user);
            return ctx.ack(":white_check_mark: " + done);
        } catch (InvalidInput e) {
            return ctx.ack(":warning: " + e.getMessage() + " Nothing was changed.");
        }
    }

    private Response pause(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        if (args.isBlank()) {
            return ctx.ack(":pencil2: Until when? Usage: `" + Subcommand.PAUSE.usage() + "`.");
        }
        // A first-time user's zone is not known yet: UTC until Slack tells us.
        var zone = managers.find(team, user).map(Manager::zone).orElse(java.time.ZoneOffset.UTC);
        try {
            var until = settings.pause(team, user, zone, args);
            zones.touch(team, user);
            return ctx.ack(
                    ":beach_with_umbrella: Nudges paused until "
                            + until
                            + ". Enjoy the break — "
                            + "`/bossreview resume` brings them back earlier.");
        } catch (InvalidInput e) {
            return ctx.ack(":warning: " + e.getMessage() + " Nothing was changed.");
        }
    }

    private Response resume(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        Optional<Manager> m = managers.find(team, user);
        if (m.isEmpty()
                || m.get().pausedUntil().filter(d -> m.get().isPaused(clock.instant())).isEmpty()) {
            return ctx.ack(
                    ":information_source: Nudges aren't paused, so there's nothing to resume.");
        }
        settings.resume(m.get());
        return ctx.ack(":arrow_forward: Welcome back — nudges are on again.");
    }
}
