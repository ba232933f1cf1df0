package com.bossreview.scorecard;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Optional;

/**
 * The pulse's buttons ({@code pulse_answer_<score>}), in the DM or wherever they are shown: the
 * clicker's own answer of the month the value names is stored (replacing that month's earlier one);
 * a forged value, a closed month or someone who never used bossreview changes nothing.
 */
final class PulseAction implements BlockActionHandler {
    private final Pulses pulses;
    private final ManagerService managers;
    private final Clicks clicks;
    private final AfterAck afterAck;

    PulseAction(Pulses pulses, ManagerService managers, Clicks clicks, AfterAck afterAck) {
        this.pulses = pulses;
        this.managers = managers;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        Clicks.Click click = clicks.of(req, ctx);
        String actionId = req.getPayload().getActions().get(0).getActionId();
        Optional<PulseViews.Answer> answer = PulseViews.parse(actionId, ButtonValue.clicked(req));
        Optional<Manager> m = managers.find(click.team(), click.user());
        if (answer.isEmpty() || m.isEmpty()) {
            afterAck.run("pulse refusal", () -> click.note(PulseViews.REFUSED), reason -> {});
            return ctx.ack();
        }
        Pulses.Outcome outcome = pulses.answer(m.get(), answer.get());
        afterAck.run(
                "pulse answer",
                () -> {
                    switch (outcome) {
                        case Pulses.Stored s ->
                                click.replace(
                                        PulseViews.answeredText(answer.get(), s.trend()),
                                        PulseViews.answered(answer.get(), s.trend()));
                        case Pulses.Closed c -> click.note(PulseViews.tooOld(answer.get().month()));
                    }
                },
                reason -> {});
        return ctx.ack();
    }
}
