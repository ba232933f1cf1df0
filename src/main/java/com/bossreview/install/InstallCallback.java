package com.bossreview.install;

import com.bossreview.config.Secret;
import com.bossreview.slack.SlackApi;
import com.bossreview.slack.SlackCallException;
import com.slack.api.Slack;
import com.slack.api.bolt.request.builtin.OAuthCallbackRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.service.OAuthCallbackService;
import com.slack.api.methods.response.oauth.OAuthV2AccessResponse;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /slack/oauth_redirect}: spends the state, exchanges the code with {@code
 * oauth.v2.access} (at {@code SLACK_API_URL}), stores the installation with its token sealed, and
 * shows a page. It replaces Bolt's default callback so that the state is spent before the exchange
 * (single use even when the exchange fails) and nothing of the request (code, state) is logged.
 */
final class InstallCallback implements OAuthCallbackService {
    private static final Logger log = LoggerFactory.getLogger(InstallCallback.class);

    private final Slack slack;
    private final String clientId;
    private final Secret clientSecret;
    private final Optional<String> redirectUri;
    private final OAuthStates states;
    private final Installations installations;
    private final InstallPages pages;
    private final Clock clock;

    InstallCallback(
            Slack slack,
            String clientId,
            Secret clientSecret,
            Optional<String> redirectUri,
            OAuthStates states,
            Installations installations,
            InstallPages pages,
            Clock clock) {
        this.slack = slack;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.redirectUri = redirectUri;
        this.states = states;
        this.installations = installations;
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    public Response handle(OAuthCallbackRequest request) {
        Response response = Response.builder().build();
        states.clearCookie(response);
        OAuthStates.Verdict verdict = states.take(request);
        if (request.getPayload().getError() != null) {
            log.info(
                    "Install cancelled on Slack's page ({})",
                    printable(request.getPayload().getError()));
            return page(
                    response,
                    200,
                    pages.renderFailurePage(InstallPages.INSTALL_PATH, "access_denied"));
        }
        if (verdict != OAuthStates.Verdict.VALID) {
            log.warn("Refused an OAuth redirect: state {}", verdict);
            return page(
                    response,
                    400,
                    pages.renderFailurePage(
                            InstallPages.INSTALL_PATH,
                            "state_" + verdict.name().toLowerCase(Locale.ROOT)));
        }
        String code = request.getPayload().getCode();
        if (code == null || code.isBlank()) {
            log.warn("Refused an OAuth redirect without a code");
            return page(
                    response, 400, pages.renderFailurePage(InstallPages.INSTALL_PATH, "no_code"));
        }
        OAuthV2AccessResponse access;
        try {
            access =
                    SlackApi.execute(
                            "oauth.v2.access",
                            slack.methods(),
                            c ->
                                    c.oauthV2Access(
                                            r ->
                                                    r.clientId(clientId)
                                                            .clientSecret(clientSecret.reveal())
                                                            .code(code)
                                                            .redirectUri(
                                                                    redirectUri.orElse(null))));
        } catch (SlackCallException e) {
            if (e.transientFailure()) {
                log.warn("oauth.v2.access could not be reached: {}", e.error());
                return page(
                        response,
                        502,
                        pages.renderFailurePage(InstallPages.INSTALL_PATH, "slack_unreachable"));
            }
            log.warn("oauth.v2.access refused the code: {}", e.error());
            return page(
                    response,
                    400,
                    pages.renderFailurePage(InstallPages.INSTALL_PATH, printable(e.error())));
        }
        if (access.getAccessToken() == null || !access.getAccessToken().startsWith("xoxb-")) {
            log.warn(
                    "oauth.v2.access answered without a bot token (token type {})",
                    access.getTokenType());
            return page(
                    response,
                    400,
                    pages.renderFailurePage(InstallPages.INSTALL_PATH, "no_bot_token"));
        }
        if (access.getRefreshToken() != null) {
            log.warn(
                    "This Slack app has token rotation on; bossreview does not refresh tokens, so this install will "
                            + "stop working when the token expires. Turn token rotation off in the app's settings.");
        }
        Installation installation;
        try {
            installation = installation(access);
        } catch (IllegalArgumentException e) {
            log.warn(
                    "oauth.v2.access answered without the ids bossreview needs: {}",
                    e.getMessage());
            return page(
                    response,
                    400,
                    pages.renderFailurePage(InstallPages.INSTALL_PATH, "incomplete_answer"));
        }
        try {
            installations.save(installation);
        } catch (RuntimeException e) {
            log.error("Could not store the installation for {}", installation.describe(), e);
            return page(
                    response,
                    500,
                    pages.renderFailurePage(InstallPages.INSTALL_PATH, "storage_failed"));
        }
        return page(response, 200, pages.success(installation));
    }

    private Installation installation(OAuthV2AccessResponse o) {
        Optional<String> enterpriseId =
                Optional.ofNullable(o.getEnterprise()).map(OAuthV2AccessResponse.Enterprise::getId);
        return new Installation(
                enterpriseId,
                o.isEnterpriseInstall()
                        ? Optional.empty()
                        : Optional.ofNullable(o.getTeam()).map(OAuthV2AccessResponse.Team::getId),
                o.isEnterpriseInstall(),
                Optional.ofNullable(o.getAppId()),
                Optional.ofNullable(o.getEnterprise())
                        .map(OAuthV2AccessResponse.Enterprise::getName),
                Optional.ofNullable(o.getTeam()).map(OAuthV2AccessResponse.Team::getName),
                Optional.ofNullable(o.getBotUserId()),
                Optional.empty(),
                Optional.ofNullable(o.getScope()),
                new Secret(o.getAccessToken()),
                Optional.ofNullable(o.getAuthedUser()).map(OAuthV2AccessResponse.AuthedUser::getId),
                clock.instant());
    }

    private static Response page(Response response, int status, String html) {
        response.setStatusCode(status);
        response.setContentType("text/html; charset=utf-8");
        response.setBody(html);
        return response;
    }

    private static String printable(String s) {
        String clean = s == null ? "unknown" : s.replaceAll("[^a-z0-9_]", "");
        return clean.length() > 40 ? clean.substring(0, 40) : clean;
    }
}
