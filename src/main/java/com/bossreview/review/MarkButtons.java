package com.bossreview.review;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.Replies;
import com.bossreview.time.IsoWeek;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;

import java.util.List;

/**
 * The {@code review_booked} / {@code review_held} / {@code review_skip} buttons (nudges, status
 * card). The value names a week; the clicker's own record in the clicker's workspace is marked, and
 * only for this week or last week. The message is replaced with the new state after the ack.
 */
final class MarkButtons implements BlockActionHandler {
    private final ReviewService reviews;
    private final ManagerService managers;
    private final Messenger messenger;
    private final AfterAck afterAck;

    MarkButtons(ReviewService reviews, ManagerService managers, Messenger messenger, AfterAck afterAck) {
        this.reviews = reviews;
        this.managers = managers;
        this.messenger = messenger;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        var payload = req.getPayload();
        String team = payload.getTeam().getId();
        String me = payload.getUser().getId();
        var action = payload.getActions().get(0);
        ReviewState state = ReviewViews.stateOf(action.getActionId());
        IsoWeek week;
        try {
            week = IsoWeek.parse(action.getValue());
        } catch (IllegalArgumentException e) {
            tell(ctx, team, me, ReviewViews.badWeekValue());
            return ctx.ack();
        }
        Manager m = managers.getOrCreate(team, me);
        WeekWindow window = reviews.window(m, week);
        if (!window.markable()) {
            tell(ctx, team, me, ReviewViews.weekGone(window));
            return ctx.ack();
        }
        Marking marking = reviews.markWeek(m, week, state);
        String text = ReviewViews.marked(marking, window);
        List<LayoutBlock> card = ReviewViews.markedCard(marking, window);
        afterAck.run("review button update", () -> Replies.check(ctx.respond(r -> r.replaceOriginal(true)
                        .text(text).blocks(card))),
                reason -> dm(team, me, text + "\n(I couldn't update the message with the buttons: " + reason + ".)", card));
        return ctx.ack();
    }

    /** A refusal, as an ephemeral reply that leaves the original message (and its buttons) alone. */
    private void tell(ActionContext ctx, String team, String me, String text) {
        afterAck.run("review button refusal", () -> Replies.check(ctx.respond(r -> r.replaceOriginal(false)
                .responseType("ephemeral").text(text))), reason -> dm(team, me, text, List.of()));
    }

    /** When the response_url fails, the clicker still hears what happened, by DM. */
    private void dm(String team, String me, String text, List<LayoutBlock> blocks) {
        try {
            messenger.dm(team, me, text, blocks.isEmpty() ? null : blocks);
        } catch (Exception e) {
            throw new IllegalStateException("DM fallback failed too", e);
        }
    }
}
