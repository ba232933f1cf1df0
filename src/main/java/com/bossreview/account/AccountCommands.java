package com.bossreview.account;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Replies;
import com.bossreview.slack.SlackApi;
import com.bossreview.slack.SlackCallException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.SlackFilesUploadV2Exception;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code export} (a JSON file in a DM) and {@code forget} (everything deleted, after a
 * confirmation).
 */
public final class AccountCommands implements Listeners {
    private static final Logger log = LoggerFactory.getLogger(AccountCommands.class);
    public static final String CONFIRM_FORGET = "confirm_forget";
    public static final String CANCEL_FORGET = "cancel_forget";

    private final ExportService exports;
    private final ManagerService managers;
    private final SlackApi slack;
    private final AfterAck afterAck;
    private final Clock clock;

    public AccountCommands(
            ExportService exports,
            ManagerService managers,
            SlackApi slack,
            AfterAck afterAck,
            Clock clock) {
        this.exports = exports;
        this.managers = managers;
        this.slack = slack;
        this.afterAck = afterAck;
        this.clock = clock;
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.register(Subcommand.EXPORT, this::export);
        router.register(Subcommand.FORGET, this::forget);
        app.blockAction(CONFIRM_FORGET, this::confirmForget);
        app.blockAction(
                CANCEL_FORGET,
                (req, ctx) -> {
                    afterAck.run(
                            "cancel_forget",
                            () ->
                                    ctx.respond(
                                            r ->
                                                    r.replaceOriginal(true)
                                                            .text(
                                                                    ":relieved: Kept everything. Nothing was deleted.")),
                            reason -> {});
                    return ctx.ack();
                });
    }

    private Response export(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        Optional<String> export = exports.export(team, user, managers.find(team, user));
        if (export.isEmpty()) {
            return ctx.ack(
                    ":open_file_folder: bossreview stores nothing about you yet, so there's nothing to export.");
        }
        String json = export.get();
        afterAck.run(
                "export upload",
                () -> upload(team, user, json),
                reason ->
                        Replies.respond(
                                ctx,
                                ":warning: I couldn't send your export ("
                                        + reason
                                        + "). Please try again."));
        return ctx.ack(":package: Preparing your export — it'll arrive as a JSON file in our DM.");
    }

    private void upload(String team, String user, String json) throws SlackCallException {
        String channel =
                slack.call(
                                team,
                                "conversations.open",
                                c -> c.conversationsOpen(r -> r.users(List.of(user))))
                        .getChannel()
                        .getId();
        String filename =
                "bossreview-export-" + clock.instant().toString().substring(0, 10) + ".json";
        try {
            slack.call(
                    team,
                    "files.uploadV2",
                    c ->
                            c.filesUploadV2(
                                    r ->
                                            r.channel(channel)
                                                    .filename(filename)
                                                    .title("Your bossreview data")
                                                    .content(json)
                                                    .initialComment(
                                                            "Here's everything bossreview stores about you.")));
        } catch (SlackFilesUploadV2Exception e) {
            // One of the upload's steps (getUploadURLExternal, the upload, completeUploadExternal)
            // failed.
            throw new SlackCallException("files.uploadV2", "upload_failed", e);
        }
    }

    private Response forget(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        String user = req.getPayload().getUserId();
        if (!managers.storesAnything(req.getPayload().getTeamId(), user)) {
            return ctx.ack(
                    ":wastebasket: bossreview stores nothing about you, so there's nothing to forget.");
        }
        return ctx.ack(
                r ->
                        r.text("Delete all your bossreview data?")
                                .blocks(
                                        List.of(
                                                section(
                                                        s ->
                                                                s.text(
                                                                        markdownText(
                                                                                ":warning: *Delete everything bossreview stores about you?*\n"
                                                                                        + "Your boss, settings, weekly reviews and streak, news and forecasts will be gone for good. "
                                                                                        + "Messages already sent to your boss stay in their DMs. Tip: `/bossreview export` first."))),
                                                actions(
                                                        a ->
                                                                a.blockId("forget_actions")
                                                                        .elements(
                                                                                List.of(
                                                                                        button(
                                                                                                b ->
                                                                                                        b.actionId(
                                                                                                                        CONFIRM_FORGET)
                                                                                                                .value(
                                                                                                                        user)
                                                                                                                .style(
                                                                                                                        "danger")
                                                                                                                .text(
                                                                                                                        plainText(
                                                                                                                                "Delete everything"))),
                                                                                        button(
                                                                                                b ->
                                                                                                        b.actionId(
                                                                                                                        CANCEL_FORGET)
                                                                                                                .value(
                                                                                                                        user)
                                                                                                                .text(
                                                                                                                        plainText(
                                                                                                                                "Keep my data")))))))));
    }

    private Response confirmForget(BlockActionRequest req, ActionContext ctx) {
        String team = req.getPayload().getTeam().getId();
        String user = req.getPayload().getUser().getId();
        String value = ButtonValue.clicked(req);
        if (!user.equals(value)) {
            log.warn("confirm_forget from {}/{} carried another user's id; refused", team, user);
            afterAck.run(
                    "forget refusal",
                    () ->
                            ctx.respond(
                                    r ->
                                            r.responseType("ephemeral")
                                                    .replaceOriginal(false)
                                                    .text(
                                                            ":no_entry: That button isn't yours. Nothing was deleted.")),
                    reason -> {});
            return ctx.ack();
        }
        int deleted = managers.forget(team, user);
        log.info("Forgot manager {}/{} ({} row)", team, user, deleted);
        afterAck.run(
                "forget confirmation",
                () ->
                        ctx.respond(
                                r ->
                                        r.replaceOriginal(true)
                                                .text(
                                                        ":wastebasket: Done — everything bossreview stored about you is deleted. "
                                                                + "`/bossreview` starts fresh whenever you like.")),
                reason -> {});
        return ctx.ack();
    }
}
