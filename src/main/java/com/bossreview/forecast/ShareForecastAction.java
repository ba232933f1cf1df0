package com.bossreview.forecast;

import com.bossreview.boss.BossDmRefused;
import com.bossreview.boss.BossDms;
import com.bossreview.boss.Subject;
import com.bossreview.manager.Manager;
import com.bossreview.manager.ManagerService;
import com.bossreview.slack.AfterAck;
import com.bossreview.slack.ButtonValue;
import com.bossreview.slack.Clicks;
import com.bossreview.slack.SlackCallException;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code share_forecast}: the manager's click sends their own forecast to their boss as a DM. Claimed in the
 * database first (a double click sends one DM), released again if Slack does not take the message. Only the
 * latest figure of its quarter is sent: a button of a replaced figure sends nothing and names the latest.
 */
final class ShareForecastAction implements BlockActionHandler {
    private static final Logger log = LoggerFactory.getLogger(ShareForecastAction.class);

    private final ForecastService forecasts;
    private final ManagerService managers;
    private final BossDms bossDms;
    private final Clicks clicks;
    private final AfterAck afterAck;

    ShareForecastAction(ForecastService forecasts, ManagerService managers, BossDms bossDms, Clicks clicks,
                        AfterAck afterAck) {
        this.forecasts = forecasts;
        this.managers = managers;
        this.bossDms = bossDms;
        this.clicks = clicks;
        this.afterAck = afterAck;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String team = payload.getTeam().getId();
        String user = payload.getUser().getId();
        OptionalLong id = ButtonValue.id(ButtonValue.clicked(request));
        Clicks.Click click = clicks.of(request, ctx);
        afterAck.run("forecast share", () -> share(click, team, user, id),
                reason -> click.note(ForecastViews.shareFailed(reason)));
        return ctx.ack();
    }

    private void share(Clicks.Click click, String team, String user, OptionalLong id) throws Exception {
        Optional<Manager> manager = managers.find(team, user);
        ShareClaim claim = id.isEmpty() || manager.isEmpty() ? new ShareClaim.NotFound()
                : forecasts.claimShare(manager.get(), id.getAsLong());
        if (claim instanceof ShareClaim.NotFound) {
            log.info("Refused share_forecast of {}/{}: not their forecast", team, user);
            click.note(ForecastViews.notYours());
        } else if (claim instanceof ShareClaim.NoBoss) {
            click.note(ForecastViews.noBoss());
        } else if (claim instanceof ShareClaim.AlreadyShared already) {
            click.note(ForecastViews.alreadyShared(already.boss(), already.via()));
        } else if (claim instanceof ShareClaim.NotLatest notLatest) {
            click.note(ForecastViews.notLatest(notLatest.latest(), notLatest.boss()));
        } else if (claim instanceof ShareClaim.AlreadyKnown known) {
            click.note(ForecastViews.alreadyKnown(known.recorded(), known.boss()));
        } else if (claim instanceof ShareClaim.Claimed claimed) {
            send(click, manager.get(), claimed);
        }
    }

    private void send(Clicks.Click click, Manager manager, ShareClaim.Claimed claimed) throws Exception {
        String team = manager.teamId();
        String user = manager.userId();
        ForecastViews.Message dm = ForecastViews.bossDm(user, claimed.recorded());
        long id = claimed.recorded().forecast().id();
        try {
            bossDms.send(team, user, claimed.boss(), Subject.forecast(id), dm.text(), dm.blocks());
        } catch (BossDmRefused r) {
            // Stopped by the boss or over the hour's limit: not shared, so the button works again later.
            forecasts.releaseShare(team, user, id, claimed.claimedAt());
            log.info("Forecast {} of {}/{} not sent to the boss: {}", id, team, user, r.error());
            click.note(r.toManager(manager.zone(), manager.clock()));
            return;
        } catch (SlackCallException | RuntimeException e) {
            forecasts.releaseShare(team, user, id, claimed.claimedAt());
            String reason = e instanceof SlackCallException s ? s.error() : e.getClass().getSimpleName();
            log.warn("Forecast {} of {}/{} not sent to the boss: {}", id, team, user, reason);
            click.note(ForecastViews.notSent(claimed.boss(), reason));
            return;
        }
        ForecastViews.Message sent = ForecastViews.sent(claimed.recorded(), claimed.boss());
        try {
            click.replace(sent.text(), sent.blocks());
        } catch (RuntimeException e) {
            // The boss has the message; only the manager's copy could not be updated.
            log.warn("Forecast {} of {}/{} sent, but the manager was not told: {}", id, team, user, e.getMessage());
        }
    }
}
