package com.bossreview.crm;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AdminCheck;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.Replies;
import com.bossreview.slack.UserDirectory;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code connect crm} and {@code disconnect crm} (issue 16, SPEC §9): a manager's own connection,
 * or with {@code workspace} the whole workspace's, which only a Slack admin or owner makes or
 * removes ({@code users.info} {@code is_admin}/{@code is_owner}, checked after the ack: Slack's 3
 * seconds). Someone else asking for the workspace gets a link for their own, and the reply says so.
 * The link buttons are the asker's alone, for ten minutes, once; their {@code block_actions} are
 * acked and nothing else.
 */
public final class CrmCommands implements Listeners {
    public static final String CONNECT_SALESFORCE = "connect_crm_salesforce";
    public static final String CONNECT_HUBSPOT = "connect_crm_hubspot";

    static final List<String> TARGET = List.of("crm");
    static final String CONNECT_USAGE = "/bossreview connect crm";
    static final String DISCONNECT_USAGE = "/bossreview disconnect crm";

    static final String OFF =
            ":bar_chart: CRM connections aren't set up on this bossreview yet. Your admin can turn"
                    + " them on (SALESFORCE_CLIENT_ID / HUBSPOT_CLIENT_ID, see the README). Until"
                    + " then, log bad news yourself with `/bossreview bad`.";

    private final Optional<CrmConnections> connections;
    private final ManagerService managers;
    private final AdminCheck admins;

    /** {@code connections}: empty when no provider is configured (the feature is off). */
    public CrmCommands(
            Optional<CrmConnections> connections,
            ManagerService managers,
            UserDirectory users,
            AfterAck afterAck) {
        this.connections = connections;
        this.managers = managers;
        this.admins = new AdminCheck(users, afterAck);
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.registerTarget(Subcommand.CONNECT, TARGET, this::connect);
        router.registerTarget(Subcommand.DISCONNECT, TARGET, this::disconnect);
        app.blockAction(Pattern.compile("^connect_crm_.*"), (req, ctx) -> ctx.ack());
    }

    /** The words after {@code crm}: nothing (your own), {@code workspace}; empty: neither. */
    static Optional<Boolean> forWorkspace(String args) {
        return switch (args.strip().toLowerCase(Locale.ROOT)) {
            case "" -> Optional.of(false);
            case "workspace", "team" -> Optional.of(true);
            default -> Optional.empty();
        };
    }

    private Response connect(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        Optional<Boolean> workspace = forWorkspace(args);
        if (workspace.isEmpty()) {
            return ctx.ack(
                    ":thinking_face: Connect what? `"
                            + CONNECT_USAGE
                            + "` (yours) or `"
                            + CONNECT_USAGE
                            + " workspace` (an admin's, for everyone).");
        }
        if (connections.isEmpty()) {
            return ctx.ack(OFF);
        }
        CrmConnections crm = connections.get();
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        if (!workspace.get()) {
            managers.getOrCreate(team, user);
            String intro = ownIntro(crm, team, user);
            return ctx.ack(
                    r -> r.text(intro).blocks(linkBlocks(intro, crm.start(team, user, false))));
        }
        return admins.then(
                ctx,
                team,
                user,
                "crm admin check",
                admin -> {
                    String intro;
                    Map<CrmProvider, URI> links;
                    if (admin) {
                        intro =
                                crm.ofWorkspace(team)
                                        .filter(CrmConnections.Connection::working)
                                        .map(
                                                c ->
                                                        ":white_check_mark: The workspace's "
                                                                + describe(c)
                                                                + " is connected already. To"
                                                                + " switch, pick one below (the"
                                                                + " old connection is replaced).")
                                        .orElse(
                                                ":bar_chart: *Connect the CRM for the whole"
                                                        + " workspace*, read-only: every manager's"
                                                        + " team deals are read through it, unless"
                                                        + " they connect their own.");
                        links = crm.start(team, user, true);
                    } else {
                        managers.getOrCreate(team, user);
                        intro =
                                ":information_source: Only a Slack admin or owner can connect the"
                                        + " CRM for the whole workspace, so this link connects it"
                                        + " *for you only*. "
                                        + ownIntro(crm, team, user);
                        links = crm.start(team, user, false);
                    }
                    Replies.delivered(
                            ctx.respond(
                                    r ->
                                            r.responseType("ephemeral")
                                                    .text(intro)
                                                    .blocks(linkBlocks(intro, links))));
                });
    }

    private static String ownIntro(CrmConnections crm, String team, String user) {
        Optional<CrmConnections.Connection> own =
                crm.ofManager(team, user).filter(CrmConnections.Connection::working);
        if (own.isPresent()) {
            return ":white_check_mark: Your "
                    + describe(own.get())
                    + " is connected already. To switch, pick one below (the old connection is"
                    + " replaced).";
        }
        String workspace =
                crm.ofWorkspace(team)
                        .filter(CrmConnections.Connection::working)
                        .map(
                                c ->
                                        " The workspace's "
                                                + c.provider().label()
                                                + " is connected already; yours would be used for"
                                                + " your team instead.")
                        .orElse("");
        return ":bar_chart: *Connect your CRM*, read-only, and I'll spot the deals your boss"
                + " must not hear about from someone else: lost, slipped out of the quarter, cut."
                + workspace;
    }

    private static List<LayoutBlock> linkBlocks(String intro, Map<CrmProvider, URI> links) {
        List<BlockElement> buttons = new ArrayList<>();
        links.forEach(
                (p, url) ->
                        buttons.add(
                                button(
                                        b ->
                                                b.actionId(
                                                                p == CrmProvider.SALESFORCE
                                                                        ? CONNECT_SALESFORCE
                                                                        : CONNECT_HUBSPOT)
                                                        .url(url.toString())
                                                        .text(plainText("Connect " + p.label())))));
        return List.of(
                section(s -> s.text(markdownText(intro))),
                actions(a -> a.blockId("connect_crm").elements(buttons)),
                section(
                        s ->
                                s.text(
                                        markdownText(
                                                "_The link is yours alone and works once, for "
                                                        + CrmConnections.STATE_LIFETIME.toMinutes()
                                                        + " minutes._"))));
    }

    private Response disconnect(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        Optional<Boolean> workspace = forWorkspace(args);
        if (workspace.isEmpty()) {
            return ctx.ack(
                    ":thinking_face: Disconnect what? `"
                            + DISCONNECT_USAGE
                            + "` (yours) or `"
                            + DISCONNECT_USAGE
                            + " workspace` (an admin's).");
        }
        if (connections.isEmpty()) {
            return ctx.ack(":bar_chart: No CRM is connected, so there's nothing to disconnect.");
        }
        CrmConnections crm = connections.get();
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        if (!workspace.get()) {
            return ctx.ack(
                    crm.disconnect(team, user, false)
                            .map(c -> disconnected("your " + describe(c)))
                            .orElse(
                                    ":bar_chart: You have no CRM connection of your own, so"
                                            + " there's nothing to disconnect."
                                            + (crm.ofWorkspace(team).isPresent()
                                                    ? " The workspace's is an admin's: `"
                                                            + DISCONNECT_USAGE
                                                            + " workspace`."
                                                    : "")));
        }
        return admins.then(
                ctx,
                team,
                user,
                "crm admin check",
                admin ->
                        Replies.delivered(
                                Replies.respond(
                                        ctx,
                                        admin
                                                ? crm.disconnect(team, user, true)
                                                        .map(
                                                                c ->
                                                                        disconnected(
                                                                                "the workspace's "
                                                                                        + describe(
                                                                                                c)))
                                                        .orElse(
                                                                ":bar_chart: The workspace has no"
                                                                        + " CRM connection, so"
                                                                        + " there's nothing to"
                                                                        + " disconnect.")
                                                : ":no_entry: Only a Slack admin or owner can"
                                                        + " disconnect the workspace's CRM."
                                                        + " Nothing was changed. `"
                                                        + DISCONNECT_USAGE
                                                        + "` removes your own.")));
    }

    private static String disconnected(String what) {
        return ":wave: Disconnected "
                + what
                + ": its tokens are deleted here and the CRM is asked to revoke bossreview's"
                + " access.";
    }

    /** After the browser came back connected: a DM saying so, sent in the background. */
    public static void tellConnected(
            CrmConnections.Completed.Connected done, Messenger messenger, AfterAck afterAck) {
        String text =
                ":white_check_mark: "
                        + (done.connection().forWorkspace()
                                ? "The workspace's " + describe(done.connection())
                                : "Your " + describe(done.connection()))
                        + " is connected, read-only. `"
                        + DISCONNECT_USAGE
                        + (done.connection().forWorkspace() ? " workspace" : "")
                        + "` undoes it.";
        afterAck.notice(
                "crm connected DM",
                () ->
                        messenger.dm(
                                done.teamId(),
                                done.userId(),
                                text,
                                List.of(section(s -> s.text(markdownText(text))))));
    }

    /** App Home's CRM line: the manager's own connection, else the workspace's, else none. */
    public static List<LayoutBlock> home(
            Optional<CrmConnections.Connection> own,
            Optional<CrmConnections.Connection> workspace) {
        String text;
        if (own.isPresent()) {
            text =
                    own.get().working()
                            ? ":bar_chart: CRM: *"
                                    + describe(own.get())
                                    + "* connected for you. `"
                                    + DISCONNECT_USAGE
                                    + "` to stop."
                            : ":warning: CRM: your "
                                    + describe(own.get())
                                    + " stopped working (access was withdrawn). `"
                                    + CONNECT_USAGE
                                    + "` to reconnect.";
        } else if (workspace.isPresent()) {
            text =
                    workspace.get().working()
                            ? ":bar_chart: CRM: *"
                                    + workspace.get().provider().label()
                                    + "* connected for the workspace."
                            : ":warning: CRM: the workspace's "
                                    + workspace.get().provider().label()
                                    + " stopped working; an admin can reconnect it (`"
                                    + CONNECT_USAGE
                                    + " workspace`).";
        } else {
            text =
                    ":bar_chart: CRM: not connected. `"
                            + CONNECT_USAGE
                            + "` and deals your boss must hear about are drafted as news for you.";
        }
        return List.of(context(x -> x.elements(List.of(markdownText(text)))));
    }

    static String describe(CrmConnections.Connection c) {
        return c.provider().label() + c.account().map(a -> " (" + a + ")").orElse("");
    }
}
