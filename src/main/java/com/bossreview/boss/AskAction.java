package com.bossreview.boss;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.SlackApi;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * {@code boss_ask}: opens the question form ({@code views.open} with the click's trigger_id, after the ack) for
 * the boss the thing was sent to; anyone else is refused without a form. The DM keeps its buttons: a boss may
 * ask again, or still say thanks.
 */
final class AskAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(AskAction.class);

    private final BossReplies replies;
    private final SlackApi slack;
    private final Clicks clicks;
    private final AfterAck afterAck;

    AskAction(BossReplies replies, SlackApi slack, Clicks clicks, AfterAck afterAck) {
        this.replies = replies;
        this.slack = slack;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Clicks.Click click = clicks.of(request, ctx);
        String value = payload.getActions().get(0).getValue();
        String trigger = payload.getTriggerId();
        afterAck.run("boss question form", () -> {
            Optional<Subject> subject = Subject.parse(value);
            Optional<Sent> sent = subject.flatMap(s -> replies.find(click.team(), click.user(), s));
            if (sent.isEmpty()) {
                log.info("Refused boss_ask of {}/{}: not sent to them", click.team(), click.user());
                click.note(BossReplyViews.notYours());
                return;
            }
            slack.call(click.team(), "views.open", c -> c.viewsOpen(r -> r.triggerId(trigger)
                    .view(BossReplyViews.askModal(subject.get(), sent.get()))));
        }, reason -> click.note(BossReplyViews.formFailed(reason)));
        return ctx.ack();
    }
}
