package com.bossreview.review;

import com.bossreview.command.Subcommand;
import com.bossreview.command.SubcommandHandler;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ZoneRefresher;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/**
 * {@code /bossreview booked}, {@code held}, {@code skip}: this ISO week, in the manager's zone.
 * Answered in the ack.
 */
final class MarkCommand implements SubcommandHandler {
    private final Subcommand subcommand;
    private final ReviewState state;
    private final ReviewService reviews;
    private final ZoneRefresher zones;

    MarkCommand(
            Subcommand subcommand, ReviewState state, ReviewService reviews, ZoneRefresher zones) {
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
        Marking marking = reviews.markWeek(m, reviews.currentWeek(m), state);
        return ctx.ack(ReviewViews.marked(marking, WeekWindow.CURRENT));
    }
}
