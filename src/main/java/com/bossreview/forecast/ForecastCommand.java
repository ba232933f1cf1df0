package com.bossreview.forecast;

import com.bossreview.command.SubcommandHandler;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ZoneRefresher;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;

/** {@code /bossreview forecast <amount> [note]}: stored before the ack, which carries the reply. */
final class ForecastCommand implements SubcommandHandler {
    private final ForecastService forecasts;
    private final ZoneRefresher zones;

    ForecastCommand(ForecastService forecasts, ZoneRefresher zones) {
        this.forecasts = forecasts;
        this.zones = zones;
    }

    @Override
    public Response handle(String arguments, SlashCommandRequest request, SlashCommandContext ctx) {
        ForecastInput input;
        try {
            input = ForecastInput.parse(arguments);
        } catch (IllegalArgumentException e) {
            return ctx.ack(e.getMessage());
        }
        Manager m = zones.touch(request.getPayload().getTeamId(), request.getPayload().getUserId());
        ForecastViews.Message reply =
                ForecastViews.recorded(
                        forecasts.record(m, input.amount(), input.currency(), input.note()),
                        m.bossUserId());
        return ctx.ack(r -> r.responseType("ephemeral").text(reply.text()).blocks(reply.blocks()));
    }
}
