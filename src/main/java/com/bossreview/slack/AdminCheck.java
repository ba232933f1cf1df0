package com.bossreview.slack;

import com.bossreview.slack.UserDirectory.SlackUser;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/**
 * Commands only a Slack workspace admin or owner may run ({@code users.info} {@code is_admin} /
 * {@code is_owner}): the ack says the check is under way, the check runs after it (Slack's 3
 * seconds), and the answer follows on the response URL. If Slack cannot answer, the user is told
 * nothing was changed.
 */
public final class AdminCheck {
    public static final String CHECKING = ":hourglass_flowing_sand: Checking you're a Slack admin…";

    /** What to do once Slack said whether the user is an admin; its replies go to the context. */
    @FunctionalInterface
    public interface Then {
        void run(boolean admin) throws Exception;
    }

    private final UserDirectory users;
    private final AfterAck afterAck;

    public AdminCheck(UserDirectory users, AfterAck afterAck) {
        this.users = users;
        this.afterAck = afterAck;
    }

    /**
     * Acks with {@link #CHECKING} and runs {@code then} after the ack.
     *
     * @param what what is being done, for the log (no user text)
     */
    public Response then(
            SlashCommandContext ctx, String team, String user, String what, Then then) {
        afterAck.run(
                what,
                () -> then.run(isAdmin(team, user)),
                reason ->
                        Replies.respond(
                                ctx,
                                ":warning: I couldn't check with Slack whether you're an admin ("
                                        + reason
                                        + "). Nothing was changed; try again in a minute."));
        return ctx.ack(CHECKING);
    }

    private boolean isAdmin(String team, String user) throws SlackCallException {
        return users.lookup(team, user).filter(SlackUser::admin).isPresent();
    }
}
