package com.bossreview.install;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.AppUninstalledTeamEvent;
import com.slack.api.model.event.TeamAccessGrantedEvent;
import com.slack.api.model.event.TeamAccessRevokedEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code app_uninstalled}, {@code app_uninstalled_team}, {@code tokens_revoked} and, for org-wide
 * installs, {@code team_access_revoked}/{@code team_access_granted}: the work is done before the
 * ack (a few deletes) so that by the time Slack hears back, the token is gone.
 */
public final class UninstallEvents implements Consumer<App> {
    private static final Logger log = LoggerFactory.getLogger(UninstallEvents.class);
    private static final Pattern WORKSPACE_ID = Pattern.compile("[TW][A-Z0-9]{2,20}");

    private final Uninstalls uninstalls;

    public UninstallEvents(Uninstalls uninstalls) {
        this.uninstalls = uninstalls;
    }

    @Override
    public void accept(App app) {
        app.event(AppUninstalledEvent.class, this::appUninstalled);
        app.event(TokensRevokedEvent.class, this::tokensRevoked);
        app.event(AppUninstalledTeamEvent.class, this::appUninstalledTeam);
        app.event(TeamAccessRevokedEvent.class, this::teamAccessRevoked);
        app.event(TeamAccessGrantedEvent.class, this::teamAccessGranted);
    }

    /**
     * An org-wide install lost access to these workspaces of its organization (removed from them by
     * an org admin): each goes like a workspace the app was removed from; the install stays for the
     * others.
     */
    private Response teamAccessRevoked(
            EventsApiPayload<TeamAccessRevokedEvent> payload, EventContext ctx) {
        List<String> teams = workspaces(payload.getEnterpriseId(), payload.getEvent().getTeamIds());
        if (teams.isEmpty()) {
            log.warn(
                    "team_access_revoked without workspaces from {}: nothing to do",
                    payload.getEnterpriseId());
        }
        teams.forEach(uninstalls::removedFromWorkspace);
        return ctx.ack();
    }

    /**
     * An org-wide install was given (back) access to these workspaces: data kept for retention is
     * theirs again.
     */
    private Response teamAccessGranted(
            EventsApiPayload<TeamAccessGrantedEvent> payload, EventContext ctx) {
        String enterprise =
                payload.getEnterpriseId() != null
                        ? payload.getEnterpriseId()
                        : ctx.getEnterpriseId();
        uninstalls.accessGranted(
                enterprise, workspaces(enterprise, payload.getEvent().getTeamIds()));
        return ctx.ack();
    }

    /**
     * Workspace ids as Slack sends them (T…/W…), without blanks, repeats or the organization's own
     * id.
     */
    static List<String> workspaces(String enterpriseId, List<String> teamIds) {
        if (teamIds == null) {
            return List.of();
        }
        return teamIds.stream()
                .filter(
                        t ->
                                t != null
                                        && WORKSPACE_ID.matcher(t).matches()
                                        && !t.equals(enterpriseId))
                .distinct()
                .toList();
    }

    private Response appUninstalled(
            EventsApiPayload<AppUninstalledEvent> payload, EventContext ctx) {
        uninstalls.uninstalled(payload.getEnterpriseId(), payload.getTeamId());
        return ctx.ack();
    }

    /**
     * Enterprise Grid: an app was removed from one workspace ({@code event.team_id}), or from the
     * whole organization when that id is the organization's. Slack documents it for admin apps
     * watching every app of an organization, so only an event naming this app ({@code app_id =
     * api_app_id}) counts.
     */
    private Response appUninstalledTeam(
            EventsApiPayload<AppUninstalledTeamEvent> payload, EventContext ctx) {
        AppUninstalledTeamEvent event = payload.getEvent();
        String team = event.getTeamId();
        if (event.getAppId() == null || !event.getAppId().equals(payload.getApiAppId())) {
            log.info(
                    "app_uninstalled_team about app {}, not this one ({}): nothing to do",
                    event.getAppId(),
                    payload.getApiAppId());
        } else if (team == null || team.isEmpty()) {
            log.warn(
                    "app_uninstalled_team without a team_id from {}/{}: nothing to do",
                    payload.getEnterpriseId(),
                    payload.getTeamId());
        } else if (team.equals(payload.getEnterpriseId())) {
            uninstalls.uninstalled(team, null);
        } else {
            uninstalls.removedFromWorkspace(team);
        }
        return ctx.ack();
    }

    /**
     * Only the bot token matters: bossreview asks for no user tokens, so revoked user tokens change
     * nothing.
     */
    private Response tokensRevoked(EventsApiPayload<TokensRevokedEvent> payload, EventContext ctx) {
        TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
        if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            uninstalls.uninstalled(payload.getEnterpriseId(), payload.getTeamId());
        } else {
            log.info(
                    "User tokens revoked in {}/{}: bossreview stores none, nothing to do",
                    payload.getEnterpriseId(),
                    payload.getTeamId());
        }
        return ctx.ack();
    }
}
