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
import java.time.Clock;
import java.time.Instant;
import java.time.Month;
import java.util.ArrayList;
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
    private final Clock clock;

    WorkspaceSettingsCommand(
            WorkspaceDefaultsService defaults,
            AdminCheck admins,
            Messenger messenger,
            Clock clock) {
        this.defaults = defaults;
        this.admins = admins;
        this.messenger = messenger;
        this.clock = clock;
    }

    /**
     * A follower's weekly review now falls inside the workspace's new prime hours: nothing moves it
     * for them, so they are told, with the nearest free starts (not while their nudges are off or
     * paused; the admin reads their own in the reply). A failed DM is logged, the change stands,
     * and the reply names only those told.
     */
    private boolean tell(Manager m, PrimeHours.Clash clash, String admin) {
        String text = WorkspaceSettingsViews.primeMovedUnderYou(m, clash, admin);
        try {
            messenger.dm(
                    m.teamId(),
                    m.userId(),
                    text,
                    List.of(Blocks.section(s -> s.text(BlockCompositions.markdownText(text)))));
            return true;
        } catch (SlackCallException | RuntimeException e) {
            log.warn(
                    "Could not tell {}/{} their review is in the new prime hours: {}",
                    m.teamId(),
                    m.userId(),
                    e.getMessage());
            return false;
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
                    Instant now = clock.instant();
                    List<Manager> told = new ArrayList<>();
                    Optional<PrimeHours.Clash> own = Optional.empty();
                    for (var e : changed.newlyClashing().entrySet()) {
                        Manager m = e.getKey();
                        if (m.userId().equals(admin)) {
                            own = Optional.of(e.getValue()); // in the reply, not a DM
                        } else if (m.nudgesEnabled()
                                && !m.isPaused(now)
                                && tell(m, e.getValue(), admin)) {
                            told.add(m);
                        }
                    }
                    return WorkspaceSettingsViews.primeSet(prime, changed.following(), told, own);
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
