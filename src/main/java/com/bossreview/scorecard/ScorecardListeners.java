package com.bossreview.scorecard;

import com.bossreview.command.CommandRouter;
import com.bossreview.command.Listeners;
import com.bossreview.command.Subcommand;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.news.NewsText;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/** {@code /bossreview social <text>} and the pulse's buttons. */
public final class ScorecardListeners implements Listeners {
    private final SocialTime social;
    private final Pulses pulses;
    private final ManagerService managers;
    private final ZoneRefresher zones;
    private final Clicks clicks;
    private final AfterAck afterAck;

    public ScorecardListeners(
            SocialTime social,
            Pulses pulses,
            ManagerService managers,
            ZoneRefresher zones,
            Clicks clicks,
            AfterAck afterAck) {
        this.social = social;
        this.pulses = pulses;
        this.managers = managers;
        this.zones = zones;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public void register(CommandRouter router, App app) {
        router.register(Subcommand.SOCIAL, this::social);
        app.blockAction(PulseViews.ACTIONS, new PulseAction(pulses, managers, clicks, afterAck));
    }

    private Response social(String args, SlashCommandRequest req, SlashCommandContext ctx) {
        // The same text rules as news: trimmed, control characters dropped, at most 2,000
        // characters.
        NewsText.Checked checked = NewsText.check(args);
        if (checked instanceof NewsText.Invalid invalid) {
            return ctx.ack(
                    (invalid.problem() == NewsText.Problem.EMPTY
                                    ? ":thinking_face: What did you do together? Nothing was logged."
                                    : ":scissors: That's "
                                            + invalid.length()
                                            + " characters; a line of at most "
                                            + NewsText.MAX_CHARS
                                            + " will do. Nothing was logged.")
                            + " Usage: `"
                            + Subcommand.SOCIAL.usage()
                            + "`, e.g. `/bossreview social coffee after the QBR`");
        }
        Manager m = zones.touch(req.getPayload().getTeamId(), req.getPayload().getUserId());
        long recent = social.log(m, ((NewsText.Valid) checked).body());
        String boss = m.bossUserId().map(b -> "<@" + b + ">").orElse("your boss");
        return ctx.ack(
                ":coffee: Logged your social time with "
                        + boss
                        + " ("
                        + recent
                        + (recent == 1 ? " time" : " times")
                        + " in the last 30 days). Time well spent: the monthly recap counts it.");
    }
}
