package com.bossreview.boss;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Replies;
import com.bossreview.slack.UserDirectory;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * {@code /bossreview digest on|off}, and the same switch as buttons on App Home and on the digest
 * itself. Turning it on reads the boss's time zone from Slack ({@code users.info}) after the ack.
 */
public final class DigestActions implements Listeners {
    private final BossDigests digests;
    private final BossInbox inbox;
    private final UserDirectory users;
    private final Clicks clicks;
    private final AfterAck afterAck;

    public DigestActions(
            BossDigests digests,
            BossInbox inbox,
            UserDirectory users,
            Clicks clicks,
            AfterAck afterAck) {
        this.digests = digests;
        this.inbox = inbox;
        this.users = users;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public void register(CommandRouter commands, App app) {
        commands.register(Subcommand.DIGEST, this::command);
        app.blockAction(
                BossHomeViews.DIGEST_ON, (req, ctx) -> click(true, clicks.of(req, ctx), ctx));
        app.blockAction(
                BossHomeViews.DIGEST_OFF, (req, ctx) -> click(false, clicks.of(req, ctx), ctx));
    }

    private Response command(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        switch (args.strip().toLowerCase(Locale.ROOT)) {
            case "off" -> {
                return ctx.ack(off(team, user));
            }
            case "on" -> {
                afterAck.run(
                        "digest on",
                        () -> Replies.respond(ctx, on(team, user)),
                        reason -> Replies.respond(ctx, DigestTexts.notChanged(reason)));
                return ctx.ack();
            }
            default -> {
                return ctx.ack(DigestTexts.usage(args));
            }
        }
    }

    private Response click(
            boolean on, Clicks.Click click, com.slack.api.bolt.context.builtin.ActionContext ctx) {
        afterAck.run(
                on ? "digest on" : "digest off",
                () ->
                        click.note(
                                on
                                        ? on(click.team(), click.user())
                                        : off(click.team(), click.user())),
                reason -> click.note(DigestTexts.notChanged(reason)));
        return ctx.ack();
    }

    /** What turning it on says; only someone managers sent things to can. */
    private String on(String team, String boss) throws Exception {
        if (!inbox.hasAny(team, boss)) {
            return DigestTexts.nothingSentYet();
        }
        ZoneId zone =
                users.lookup(team, boss)
                        .flatMap(UserDirectory.SlackUser::timeZone)
                        .map(DigestNudges::zone)
                        .orElse(ZoneOffset.UTC);
        digests.on(team, boss, zone);
        return DigestTexts.on(zone);
    }

    private String off(String team, String boss) {
        return digests.off(team, boss) ? DigestTexts.off() : DigestTexts.wasOff();
    }
}
