package com.bossreview.boss;

import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.SlackCallException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code boss_thanks}, {@code boss_lets_talk} (and the old {@code boss_ack_news}, a Let's talk): the boss's
 * closing answer. The manager is told which it was, once; the boss's message loses its buttons and shows it.
 */
final class AnswerAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(AnswerAction.class);

    private final BossReply reply;
    private final Function<String, Optional<Subject>> parse;
    private final BossReplies replies;
    private final Messenger messenger;
    private final Clicks clicks;
    private final AfterAck afterAck;

    AnswerAction(BossReply reply, Function<String, Optional<Subject>> parse, BossReplies replies, Messenger messenger,
                 Clicks clicks, AfterAck afterAck) {
        this.reply = reply;
        this.parse = parse;
        this.replies = replies;
        this.messenger = messenger;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Clicks.Click click = clicks.of(request, ctx);
        String value = payload.getActions().get(0).getValue();
        // The message as the boss sees it, so that its answered copy keeps what each feature wrote.
        List<LayoutBlock> shown = payload.getMessage() == null || payload.getMessage().getBlocks() == null
                ? List.of() : payload.getMessage().getBlocks();
        afterAck.run("boss answer", () -> answer(click, value, shown),
                reason -> click.note(BossReplyViews.failed(reason)));
        return ctx.ack();
    }

    private void answer(Clicks.Click click, String value, List<LayoutBlock> shown) {
        String team = click.team();
        String boss = click.user();
        Optional<Subject> subject = parse.apply(value);
        if (subject.isEmpty()) {
            log.info("Refused {} of {}/{}: not a subject", reply, team, boss);
            click.note(BossReplyViews.notYours());
            return;
        }
        BossReplies.Outcome outcome;
        try {
            outcome = replies.answer(team, boss, subject.get(), reply, Optional.empty(), sent -> {
                BossReplyViews.Message m = BossReplyViews.toManager(reply, boss, sent, null);
                messenger.dm(team, sent.managerId(), m.text(), m.blocks());
            });
        } catch (SlackCallException e) {
            log.warn("{} of {}/{} to {} not delivered: {}", reply, team, boss, subject.get().value(), e.error());
            String manager = replies.find(team, boss, subject.get()).map(Sent::managerId).orElse(null);
            click.note(BossReplyViews.notSent(manager, e.error()));
            return;
        }
        if (outcome instanceof BossReplies.Outcome.Answered a) {
            log.info("{} of {}/{} to {} told to {}", reply, team, boss, subject.get().value(), a.sent().managerId());
            click.replace(BossReplyViews.answeredText(reply, a.sent().managerId()),
                    BossReplyViews.answered(shown, reply, a.sent().managerId()));
        } else if (outcome instanceof BossReplies.Outcome.AlreadyAnswered a) {
            click.note(BossReplyViews.alreadyAnswered(a.reply(), a.sent().managerId()));
        } else {
            log.info("Refused {} of {}/{} to {}: not sent to them", reply, team, boss, subject.get().value());
            click.note(BossReplyViews.notYours());
        }
    }
}
