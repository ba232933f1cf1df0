package com.bossreview.forecast;

import com.bossreview.boss.BossDms;
import com.bossreview.boss.ShareWithBoss;
import com.bossreview.boss.Subject;
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
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code share_forecast}: the manager's click sends their own forecast to their boss as a DM.
 * Claimed in the database first (a double click sends one DM), released again if the DM does not go
 * out ({@link ShareWithBoss}). Only the latest figure of its quarter is sent: a button of a
 * replaced figure sends nothing and names the latest.
 */
final class ShareForecastAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(ShareForecastAction.class);

    private final ForecastService forecasts;
    private final ManagerService managers;
    private final ShareWithBoss shareWithBoss;
    private final Clicks clicks;
    private final AfterAck afterAck;

    ShareForecastAction(
            ForecastService forecasts,
            ManagerService managers,
            BossDms bossDms,
            Clicks clicks,
            AfterAck afterAck) {
        this.forecasts = forecasts;
        this.managers = managers;
        this.shareWithBoss = new ShareWithBoss(bossDms);
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        OptionalLong id = ButtonValue.id(ButtonValue.clicked(request));
        Clicks.Click click = clicks.of(request, ctx);
        afterAck.run(
                "forecast share",
                () -> share(click, id),
                reason -> click.note(ForecastViews.shareFailed(reason)));
        return ctx.ack();
    }

    private void share(Clicks.Click click, OptionalLong id) {
        String team = click.team();
        String user = click.user();
        Optional<Manager> manager = managers.find(team, user);
        Optional<ShareOutcome> shared =
                id.isEmpty() || manager.isEmpty()
                        ? Optional.of(new ShareOutcome.NotFound())
                        : shareWithBoss.share(
                                click,
                                manager,
                                "forecast " + id.getAsLong(),
                                dm ->
                                        forecasts.share(
                                                manager.get(),
                                                id.getAsLong(),
                                                (recorded, boss) -> {
                                                    ForecastViews.Message m =
                                                            ForecastViews.bossDm(user, recorded);
                                                    dm.send(
                                                            boss,
                                                            Subject.forecast(
                                                                    recorded.forecast().id()),
                                                            m.text(),
                                                            m.blocks());
                                                }),
                                ForecastViews::notSent);
        if (shared.isEmpty()) {
            return;
        }
        ShareOutcome outcome = shared.get();
        if (outcome instanceof ShareOutcome.NotFound) {
            log.info("Refused share_forecast of {}/{}: not their forecast", team, user);
            click.note(ForecastViews.notYours());
        } else if (outcome instanceof ShareOutcome.NoBoss) {
            click.note(ForecastViews.noBoss());
        } else if (outcome instanceof ShareOutcome.AlreadyShared already) {
            click.note(ForecastViews.alreadyShared(already.boss(), already.via()));
        } else if (outcome instanceof ShareOutcome.NotLatest notLatest) {
            click.note(ForecastViews.notLatest(notLatest.latest(), notLatest.boss()));
        } else if (outcome instanceof ShareOutcome.AlreadyKnown known) {
            click.note(ForecastViews.alreadyKnown(known.recorded(), known.boss()));
        } else if (outcome instanceof ShareOutcome.Shared sent) {
            log.info(
                    "Forecast {} of {}/{} shared with {}",
                    sent.recorded().forecast().id(),
                    team,
                    user,
                    sent.boss());
            ForecastViews.Message answer = ForecastViews.sent(sent.recorded(), sent.boss());
            try {
                click.replace(answer.text(), answer.blocks());
            } catch (RuntimeException e) {
                // The boss has the message; only the manager's copy could not be updated.
                log.warn(
                        "Forecast {} of {}/{} sent, but the manager was not told: {}",
                        sent.recorded().forecast().id(),
                        team,
                        user,
                        e.getMessage());
            }
        }
    }
}
