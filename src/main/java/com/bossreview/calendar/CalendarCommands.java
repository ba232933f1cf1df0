package com.bossreview.calendar;

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
import com.bossreview.slack.Messenger;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code connect calendar} and {@code disconnect calendar} (SPEC §8). Connecting answers with a
 * link button per configured provider; the link is the manager's alone for ten minutes. Slack sends
 * a {@code block_actions} payload when a link button is clicked too: those are acked and nothing
 * else.
 */
public final class CalendarCommands implements Listeners {
    public static final String CONNECT_GOOGLE = "connect_calendar_google";
    public static final String CONNECT_MICROSOFT = "connect_calendar_microsoft";

    /** The target word after {@code connect}/{@code disconnect}, and its short form. */
    static final List<String> TARGET = List.of("calendar", "cal");

    static final String CONNECT_USAGE = "/bossreview connect calendar";
    static final String DISCONNECT_USAGE = "/bossreview disconnect calendar";

    private final Optional<CalendarConnections> connections;
    private final ManagerService managers;

    /** {@code connections}: empty when no provider is configured (the feature is off). */
    public CalendarCommands(Optional<CalendarConnections> connections, ManagerService managers) {
        this.connections = connections;
        this.managers = managers;
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.registerTarget(Subcommand.CONNECT, TARGET, this::connect);
        router.registerTarget(Subcommand.DISCONNECT, TARGET, this::disconnect);
        app.blockAction(Pattern.compile("^connect_calendar_.*"), (req, ctx) -> ctx.ack());
    }

    private static final String OFF =
            ":calendar: Calendar connections aren't set up on this bossreview yet. Your admin can"
                    + " turn them on (GOOGLE_CLIENT_ID / MICROSOFT_CLIENT_ID, see the README). Until"
                    + " then, book the review by hand and tell me with `/bossreview booked`.";

    private Response connect(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        if (!args.isBlank()) {
            return ctx.ack(":thinking_face: Connect what? Try `" + CONNECT_USAGE + "`.");
        }
        if (connections.isEmpty()) {
            return ctx.ack(OFF);
        }
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        managers.getOrCreate(team, user);
        Optional<CalendarConnections.Connection> now = connections.get().find(team, user);
        Map<CalendarProvider, URI> links = connections.get().start(team, user);
        String intro =
                now.filter(CalendarConnections.Connection::working)
                        .map(
                                c ->
                                        ":white_check_mark: Your "
                                                + describe(c)
                                                + " is connected already. To switch, pick one"
                                                + " below (the old connection is replaced).")
                        .orElse(
                                ":calendar: *Connect your calendar* and I'll find review slots"
                                        + " that are free and outside your prime hours, book the"
                                        + " weekly review with your boss in one click, and see"
                                        + " when it's held, moved or cancelled — no more"
                                        + " `booked`/`held`. I only touch the review event, and"
                                        + " read free/busy.");
        List<BlockElement> buttons = new ArrayList<>();
        links.forEach(
                (p, url) ->
                        buttons.add(
                                button(
                                        b ->
                                                b.actionId(
                                                                p == CalendarProvider.GOOGLE
                                                                        ? CONNECT_GOOGLE
                                                                        : CONNECT_MICROSOFT)
                                                        .url(url.toString())
                                                        .text(plainText("Connect " + p.label())))));
        List<LayoutBlock> blocks =
                List.of(
                        section(s -> s.text(markdownText(intro))),
                        actions(a -> a.blockId("connect_calendar").elements(buttons)),
                        section(
                                s ->
                                        s.text(
                                                markdownText(
                                                        "_The link is yours alone and works once,"
                                                                + " for "
                                                                + CalendarConnections.STATE_LIFETIME
                                                                        .toMinutes()
                                                                + " minutes._"))));
        return ctx.ack(r -> r.text(intro).blocks(blocks));
    }

    private Response disconnect(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        if (!args.isBlank()) {
            return ctx.ack(":thinking_face: Disconnect what? Try `" + DISCONNECT_USAGE + "`.");
        }
        if (connections.isEmpty()) {
            return ctx.ack(
                    ":calendar: No calendar is connected, so there's nothing to disconnect.");
        }
        String team = req.getPayload().getTeamId();
        String user = req.getPayload().getUserId();
        return ctx.ack(
                connections
                        .get()
                        .disconnect(team, user)
                        .map(
                                c ->
                                        ":wave: Disconnected your "
                                                + describe(c)
                                                + (CalendarConnections.revokesAtProvider(
                                                                c.provider())
                                                        ? ": its tokens are deleted here and"
                                                                + " Google is asked to revoke"
                                                                + " bossreview's access."
                                                        : ": its tokens are deleted here. To"
                                                                + " remove bossreview from your"
                                                                + " Microsoft account too, see"
                                                                + " https://myapps.microsoft.com.")
                                                + " I'll ask about your reviews again:"
                                                + " `/bossreview booked` and `held`.")
                        .orElse(
                                ":calendar: No calendar is connected, so there's nothing to"
                                        + " disconnect."));
    }

    /** After the browser came back connected: a DM saying so, sent in the background. */
    public static void tellConnected(
            CalendarConnections.Completed.Connected done, Messenger messenger, AfterAck afterAck) {
        String text =
                ":white_check_mark: Your "
                        + describe(done.connection())
                        + " is connected. I'll offer review slots that are free in it, and read"
                        + " booked, held, moved and cancelled reviews from it. `"
                        + DISCONNECT_USAGE
                        + "` undoes it.";
        afterAck.notice(
                "calendar connected DM",
                () ->
                        messenger.dm(
                                done.teamId(),
                                done.userId(),
                                text,
                                List.of(section(s -> s.text(markdownText(text))))));
    }

    /** App Home's calendar line, under the status card. */
    public static List<LayoutBlock> home(Optional<CalendarConnections.Connection> c) {
        String text =
                c.map(
                                conn ->
                                        conn.working()
                                                ? ":calendar: Calendar: *"
                                                        + describe(conn)
                                                        + "* connected. `"
                                                        + DISCONNECT_USAGE
                                                        + "` to stop."
                                                : ":warning: Calendar: "
                                                        + describe(conn)
                                                        + " stopped working (access was"
                                                        + " withdrawn). `"
                                                        + CONNECT_USAGE
                                                        + "` to reconnect.")
                        .orElse(
                                ":calendar: Calendar: not connected. `"
                                        + CONNECT_USAGE
                                        + "` and your review is booked and tracked from it.");
        return List.of(
                com.slack.api.model.block.Blocks.context(
                        x -> x.elements(List.of(markdownText(text)))));
    }

    static String describe(CalendarConnections.Connection c) {
        return c.provider().label() + c.account().map(a -> " (" + a + ")").orElse("");
    }
}
