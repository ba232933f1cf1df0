package com.bossreview.review;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.time.IsoWeek;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * The {@code review_booked} / {@code review_held} / {@code review_skip} buttons (nudges, status
 * card, App Home). The value names a week; the clicker's own record in the clicker's workspace is
 * marked, and only for this week or last week. The clicked message (or the Home tab) shows the new
 * state after the ack; a week marked held also opens the optional feedback modal ({@link
 * AfterHeld}).
 */
final class MarkButtons implements BlockActionHandler {
    private final ReviewService reviews;
    private final ManagerService managers;
    private final Clicks clicks;
    private final AfterAck afterAck;
    private final HeldFollowUp held;

    MarkButtons(
            ReviewService reviews,
            ManagerService managers,
            Clicks clicks,
            AfterAck afterAck,
            HeldFollowUp held) {
        this.held = held;
        this.reviews = reviews;
        this.managers = managers;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest req, ActionContext ctx) {
        Clicks.Click click = clicks.of(req, ctx);
        var action = req.getPayload().getActions().get(0);
        ReviewState state = ReviewViews.stateOf(action.getActionId());
        IsoWeek week;
        try {
            week = IsoWeek.parse(action.getValue());
        } catch (IllegalArgumentException e) {
            afterAck.run(
                    "review button refusal",
                    () -> click.note(ReviewViews.badWeekValue()),
                    reason -> {});
            return ctx.ack();
        }
        Manager m = managers.getOrCreate(click.team(), click.user());
        WeekWindow window = reviews.window(m, week);
        if (!window.markable()) {
            afterAck.run(
                    "review button refusal",
                    () -> click.note(ReviewViews.weekGone(window)),
                    reason -> {});
            return ctx.ack();
        }
        Marking marking = reviews.markWeek(m, week, state);
        // First, while the click's trigger_id is fresh: the optional feedback modal after Held.
        held.after(m, week, marking, req.getPayload().getTriggerId());
        String text = ReviewViews.marked(marking, window);
        List<LayoutBlock> card = ReviewViews.markedCard(marking, window);
        afterAck.run("review button update", () -> click.replace(text, card), reason -> {});
        return ctx.ack();
    }
}
