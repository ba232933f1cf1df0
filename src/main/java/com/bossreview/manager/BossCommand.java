package com.bossreview.manager;

import com.bossreview.command.Subcommand;
import com.bossreview.command.SubcommandHandler;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Replies;
import com.bossreview.slack.UserDirectory;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import java.util.Optional;

/** {@code /bossreview boss @user}: checked with {@code users.info} after the ack, then stored. */
public final class BossCommand implements SubcommandHandler {
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final UserDirectory users;
    private final AfterAck afterAck;

    public BossCommand(
            ManagerService managers, ZoneRefresher zones, UserDirectory users, AfterAck afterAck) {
        this.managers = managers;
        this.zones = zones;
        this.users = users;
        this.afterAck = afterAck;
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        String team = request.getPayload().getTeamId();
        String me = request.getPayload().getUserId();
        Optional<String> boss = Mentions.singleUser(arguments);
        if (boss.isEmpty()) {
            return ctx.ack(ManagerViews.bossUsage(arguments.isBlank()));
        }
        if (boss.get().equals(me)) {
            return ctx.ack(
                    ":upside_down_face: You can't be your own boss here — mention the person you report to. "
                            + "Usage: `"
                            + Subcommand.BOSS.usage()
                            + "`");
        }
        afterAck.run(
                "boss lookup",
                () -> ctx.respond(check(team, me, boss.get())),
                reason ->
                        Replies.respond(
                                ctx,
                                ":warning: I couldn't check <@"
                                        + boss.get()
                                        + "> with Slack just now ("
                                        + reason
                                        + "). Your boss was not changed — please try again in a minute."));
        return ctx.ack();
    }

    private String check(String team, String me, String boss) throws Exception {
        Optional<UserDirectory.SlackUser> user = users.lookup(team, boss);
        if (user.isEmpty() || !user.get().memberOf(team)) {
            return ":no_entry: I can't find <@"
                    + boss
                    + "> in this workspace. Your boss must be a member here. "
                    + "Nothing was changed.";
        }
        if (user.get().bot()) {
            return ":robot_face: <@"
                    + boss
                    + "> is a bot. Bots make poor bosses — mention a person. Nothing was changed.";
        }
        if (user.get().deleted()) {
            return ":no_entry: <@"
                    + boss
                    + "> is deactivated in this workspace. Nothing was changed.";
        }
        zones.touch(team, me);
        managers.setBoss(team, me, boss);
        return ":handshake: Got it — <@"
                + boss
                + "> is your boss. They only ever see what you choose to send them. "
                + "Next: set your weekly review slot with `"
                + Subcommand.REVIEW.usage()
                + "`.";
    }
}
