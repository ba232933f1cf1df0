package com.bossreview.review;

import com.bossreview.command.Subcommand;
import com.bossreview.command.SubcommandHandler;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.time.IsoWeek;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * {@code /bossreview booked}, {@code held}, {@code skip}: this ISO week, in the manager's zone.
 * Answered in the ack; {@code held} also opens the optional feedback modal ({@link AfterHeld}).
 */
final class MarkCommand implements SubcommandHandler {
    private final Subcommand subcommand;
    private final ReviewState state;
    private final ReviewService reviews;
    private final ZoneRefresher zones;
    private final HeldFollowUp held;

    MarkCommand(
            Subcommand subcommand,
            ReviewState state,
            ReviewService reviews,
            ZoneRefresher zones,
            HeldFollowUp held) {
        this.held = held;
        this.subcommand = subcommand;
        this.state = state;
        this.reviews = reviews;
        this.zones = zones;
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        if (!arguments.isBlank()) {
            return ctx.ack(ReviewViews.noArguments(subcommand));
        }
        Manager m = zones.touch(request.getPayload().getTeamId(), request.getPayload().getUserId());
        IsoWeek week = reviews.currentWeek(m);
        Marking marking = reviews.markWeek(m, week, state);
        held.after(m, week, marking, request.getPayload().getTriggerId());
        return ctx.ack(ReviewViews.marked(marking, WeekWindow.CURRENT));
    }
}
