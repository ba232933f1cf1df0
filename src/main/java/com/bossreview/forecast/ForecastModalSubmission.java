package com.bossreview.forecast;

import com.bossreview.manager.Manager;
import com.bossreview.manager.ZoneRefresher;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.Messenger;
import com.bossreview.slack.ModalInput;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code forecast_modal} submitted: a bad amount keeps the modal open with the reason under the
 * field; a good one is stored like the command, the modal closes, and the reply (with its buttons)
 * arrives as a DM.
 */
final class ForecastModalSubmission implements ViewSubmissionHandler {
    private static final Logger log = LoggerFactory.getLogger(ForecastModalSubmission.class);

    private final ForecastService forecasts;
    private final ZoneRefresher zones;
    private final Messenger messenger;
    private final Clicks.HomeTab home;
    private final AfterAck afterAck;

    ForecastModalSubmission(
            ForecastService forecasts,
            ZoneRefresher zones,
            Messenger messenger,
            Clicks.HomeTab home,
            AfterAck afterAck) {
        this.forecasts = forecasts;
        this.zones = zones;
        this.messenger = messenger;
        this.home = home;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        String team = request.getPayload().getTeam().getId();
        String user = request.getPayload().getUser().getId();
        Amount amount;
        Optional<String> note;
        try {
            amount =
                    Amounts.read(
                            ModalInput.typed(
                                    request,
                                    ForecastViews.AMOUNT_BLOCK,
                                    ForecastViews.AMOUNT_ACTION));
        } catch (Amounts.InvalidAmount e) {
            return ctx.ackWithErrors(
                    Map.of(ForecastViews.AMOUNT_BLOCK, ForecastViews.modalError(e.problem())));
        }
        try {
            note =
                    ForecastInput.note(
                            ModalInput.typed(
                                    request, ForecastViews.NOTE_BLOCK, ForecastViews.NOTE_ACTION));
        } catch (IllegalArgumentException e) {
            return ctx.ackWithErrors(
                    Map.of(
                            ForecastViews.NOTE_BLOCK,
                            "Keep the note to " + ForecastInput.NOTE_MAX_LENGTH + " characters."));
        }
        Manager m = zones.touch(team, user);
        ForecastViews.Message reply =
                ForecastViews.recorded(
                        forecasts.record(m, amount.value(), amount.currency(), note),
                        m.bossUserId());
        // A view submission has no response_url: the confirmation goes to the manager's DM with the
        // app.
        boolean fromHome =
                ForecastViews.FROM_HOME.equals(request.getPayload().getView().getPrivateMetadata());
        afterAck.run(
                "forecast confirmation DM",
                () -> {
                    messenger.dm(team, user, reply.text(), reply.blocks());
                    if (fromHome) { // the card on the tab still shows the old figure
                        home.publish(team, user, reply.text());
                    }
                },
                reason ->
                        log.warn(
                                "The manager {}/{} saw the modal close but got no confirmation DM: {}",
                                team,
                                user,
                                reason));
        return ctx.ack();
    }
}
