package com.bossreview.install;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.AppUninstalledTeamEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * {@code app_uninstalled}, {@code app_uninstalled_team} and {@code tokens_revoked}: the work is done
 * before the ack (a few deletes) so that by the time Slack hears back, the token is gone.
 */
public final class UninstallEvents implements Consumer<App> {
    private static final Logger log = LoggerFactory.getLogger(UninstallEvents.class);

    private final Uninstalls uninstalls;

    public UninstallEvents(Uninstalls uninstalls) {
        this.uninstalls = uninstalls;
    }

    @Override
    public void accept(App app) {
        app.event(AppUninstalledEvent.class, this::appUninstalled);
        app.event(TokensRevokedEvent.class, this::tokensRevoked);
        app.event(AppUninstalledTeamEvent.class, this::appUninstalledTeam);
    }

    private Response appUninstalled(EventsApiPayload<AppUninstalledEvent> payload, EventContext ctx) {
        uninstalls.uninstalled(payload.getEnterpriseId(), payload.getTeamId());
        return ctx.ack();
    }

    /**
     * Enterprise Grid: an app was removed from one workspace ({@code event.team_id}), or from the whole
     * organization when that id is the organization's. Slack documents it for admin apps watching every
     * app of an organization, so only an event naming this app ({@code app_id = api_app_id}) counts.
     */
    private Response appUninstalledTeam(EventsApiPayload<AppUninstalledTeamEvent> payload, EventContext ctx) {
        AppUninstalledTeamEvent event = payload.getEvent();
        String team = event.getTeamId();
        if (event.getAppId() == null || !event.getAppId().equals(payload.getApiAppId())) {
            log.info("app_uninstalled_team about app {}, not this one ({}): nothing to do", event.getAppId(), payload.getApiAppId());
        } else if (team == null || team.isEmpty()) {
            log.warn("app_uninstalled_team without a team_id from {}/{}: nothing to do", payload.getEnterpriseId(), payload.getTeamId());
        } else if (team.equals(payload.getEnterpriseId())) {
            uninstalls.uninstalled(team, null);
        } else {
            uninstalls.removedFromWorkspace(team);
        }
        return ctx.ack();
    }

    /** Only the bot token matters: bossreview asks for no user tokens, so revoked user tokens change nothing. */
    private Response tokensRevoked(EventsApiPayload<TokensRevokedEvent> payload, EventContext ctx) {
        TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
        if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            uninstalls.uninstalled(payload.getEnterpriseId(), payload.getTeamId());
        } else {
            log.info("User tokens revoked in {}/{}: bossreview stores none, nothing to do",
                    payload.getEnterpriseId(), payload.getTeamId());
        }
        return ctx.ack();
    }
}
