package com.bossreview.settings;

import com.bossreview.command.CommandText;
import com.bossreview.forecast.Currency;
import com.bossreview.manager.Manager;
import com.bossreview.slack.AdminCheck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.Replies;
import com.bossreview.slack.SlackCallException;
import com.bossreview.time.PrimeHours;
import com.bossreview.workspace.WorkspaceDefaultsService;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.Blocks;
import com.slack.api.model.block.composition.BlockCompositions;
import java.time.Month;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code settings workspace} shows the workspace's defaults to anyone; {@code settings workspace
 * <key> <value>} changes one, for a Slack admin or owner only. The value is checked before the ack
 * (a bad one is refused at once, with the personal setting's message); the admin check and the
 * change follow it.
 */
final class WorkspaceSettingsCommand {
    /** A checked value, stored once the user is known to be an admin; says what it did. */
    @FunctionalInterface
    private interface Change {
        String apply(String team, String admin);
    }

    private static final Logger log = LoggerFactory.getLogger(WorkspaceSettingsCommand.class);

    private final WorkspaceDefaultsService defaults;
    private final AdminCheck admins;
    private final Messenger messenger;

    WorkspaceSettingsCommand(
            WorkspaceDefaultsService defaults, AdminCheck admins, Messenger messenger) {
        this.defaults = defaults;
        this.admins = admins;
        this.messenger = messenger;
    }

    /**
     * A follower's weekly review now falls inside the workspace's new prime hours: nothing moves it
     * for them, so they are told, with the nearest free starts. A failed DM is logged; the change
     * stands.
     */
    private void tell(Manager m, PrimeHours.Clash clash, String admin) {
        String text = WorkspaceSettingsViews.primeMovedUnderYou(m, clash, admin);
        try {
            messenger.dm(
                    m.teamId(),
                    m.userId(),
                    text,
                    List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText(text)))));
        } catch (SlackCallException e) {
            log.warn(
                    "Could not tell {}/{} their review is in the new prime hours: {}",
                    m.teamId(),
                    m.userId(),
                    e.getMessage());
        }
    }

    Response handle(String team, String user, String args, SlashCommandContext ctx) {
        if (args.isBlank()) {
            return ctx.ack(WorkspaceSettingsViews.show(defaults.find(team)));
        }
        CommandText parsed = CommandText.parse(args);
        Optional<WorkspaceSetting> setting = WorkspaceSetting.byKey(parsed.word());
        if (setting.isEmpty()) {
            return ctx.ack(WorkspaceSettingsViews.unknownKey(parsed.word()));
        }
        if (parsed.arguments().isBlank()) {
            return ctx.ack(
                    ":pencil2: Usage: `"
                            + setting.get().usage()
                            + "`, e.g. `"
                            + setting.get().example()
                            + "`.");
        }
        Change change;
        try {
            change = parse(setting.get(), parsed.arguments().strip());
        } catch (InvalidInput e) {
            return ctx.ack(":warning: " + e.getMessage() + " Nothing was changed.");
        }
        return admins.then(
                ctx,
                team,
                user,
                "workspace settings",
                admin ->
                        Replies.delivered(
                                Replies.respond(
                                        ctx,
                                        admin
                                                ? change.apply(team, user)
                                                : WorkspaceSettingsViews.REFUSED)));
    }

    private Change parse(WorkspaceSetting setting, String v) throws InvalidInput {
        boolean reset = SettingsService.followsWorkspace(v);
        return switch (setting) {
            case PRIME -> {
                Optional<PrimeHours> prime =
                        reset
                                ? Optional.empty()
                                : Optional.of(SettingsService.parsePrime(setting, v));
                yield (team, admin) -> {
                    WorkspaceDefaultsService.PrimeChanged changed =
                            defaults.setPrimeHours(team, prime, admin);
                    changed.clashing().forEach((m, clash) -> tell(m, clash, admin));
                    return WorkspaceSettingsViews.primeSet(prime, changed);
                };
            }
            case FISCAL_START -> {
                Optional<Month> month =
                        reset
                                ? Optional.empty()
                                : Optional.of(SettingsService.parseMonth(setting, v));
                yield (team, admin) ->
                        WorkspaceSettingsViews.fiscalStartSet(
                                month, defaults.setFiscalStart(team, month, admin));
            }
            case CURRENCY -> {
                Optional<Currency> currency =
                        reset
                                ? Optional.empty()
                                : Optional.of(
                                        SettingsService.parseCurrency(
                                                WorkspaceSetting.CURRENCY, v));
                yield (team, admin) -> {
                    defaults.setCurrency(team, currency, admin);
                    return WorkspaceSettingsViews.currencySet(currency);
                };
            }
        };
    }
}
