package com.bossreview.forecast;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.SlackApi;
import com.bossreview.time.FiscalQuarter;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import java.util.Optional;

/**
 * {@code open_forecast_modal} (from the forecast reply, the status card, App Home, nudges): opens
 * the modal with {@code views.open} after the ack; a failure is told to the manager wherever they
 * clicked.
 */
final class OpenForecastModalAction implements BlockActionHandler {
    private final ForecastService forecasts;
    private final ManagerService managers;
    private final SlackApi slack;
    private final Clicks clicks;
    private final AfterAck afterAck;

    OpenForecastModalAction(
            ForecastService forecasts,
            ManagerService managers,
            SlackApi slack,
            Clicks clicks,
            AfterAck afterAck) {
        this.forecasts = forecasts;
        this.managers = managers;
        this.slack = slack;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        String team = request.getPayload().getTeam().getId();
        String user = request.getPayload().getUser().getId();
        String trigger = request.getPayload().getTriggerId();
        Optional<Manager> manager = managers.find(team, user);
        Optional<FiscalQuarter> quarter = manager.map(forecasts::currentQuarter);
        Clicks.Click click = clicks.of(request, ctx);
        View modal =
                ForecastViews.modal(
                        quarter,
                        manager.flatMap(forecasts::latest),
                        click.surface() == Clicks.Surface.HOME ? ForecastViews.FROM_HOME : "");
        afterAck.run(
                "forecast modal open",
                () -> slack.openModal(team, trigger, modal),
                reason -> click.note(ForecastViews.modalOpenFailed(reason)));
        return ctx.ack();
    }
}
