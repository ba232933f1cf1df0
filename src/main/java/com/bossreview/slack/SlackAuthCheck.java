package com.bossreview.slack;

import com.bossreview.config.Secret;
import com.slack.api.Slack;
import com.slack.api.methods.response.auth.AuthTestResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Slack who our bot is ({@code auth.test}) at start-up. A token Slack rejects stops start-up:
 * nothing could work with it. A Slack that cannot be reached does not: start-up goes on and the
 * question is asked again in the background, with growing pauses, until Slack answers.
 */
public final class SlackAuthCheck implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SlackAuthCheck.class);

    /** auth.test errors that mean the token itself is bad; anything else may pass by itself. */
    static final Set<String> TOKEN_ERRORS =
            Set.of(
                    "invalid_auth",
                    "not_authed",
                    "account_inactive",
                    "token_revoked",
                    "token_expired",
                    "no_permission",
                    "not_allowed_token_type",
                    "ekm_access_denied",
                    "org_login_required",
                    "team_access_not_granted");

    static final Duration MAX_DELAY = Duration.ofMinutes(5);

    private final Slack slack;
    private final Secret token;
    private final BotIdentity identity;
    private final Duration firstRetryDelay;
    private final ScheduledExecutorService retries =
            Executors.newSingleThreadScheduledExecutor(
                    r -> {
                        Thread t = new Thread(r, "slack-auth-check");
                        t.setDaemon(true);
                        return t;
                    });

    public SlackAuthCheck(
            Slack slack, Secret token, BotIdentity identity, Duration firstRetryDelay) {
        this.slack = slack;
        this.token = token;
        this.identity = identity;
        this.firstRetryDelay = firstRetryDelay;
    }

    /**
     * @throws SlackTokenRejectedException when Slack says the token is not valid
     */
    public void checkAtStartup() {
        if (!attempt()) {
            schedule(firstRetryDelay);
        }
    }

    /** True when settled (Slack answered); false to try again later. */
    private boolean attempt() {
        String reason;
        try {
            AuthTestResponse r =
                    SlackApi.execute(
                            "auth.test",
                            slack.methods(token.reveal()),
                            c -> c.authTest(req -> req));
            identity.confirmed(new BotIdentity.Bot(r.getTeamId(), r.getUserId(), r.getBotId()));
            log.info(
                    "Slack accepted the bot token: team {} ({}), bot user {}",
                    r.getTeamId(),
                    r.getTeam(),
                    r.getUserId());
            return true;
        } catch (SlackCallException e) {
            if (TOKEN_ERRORS.contains(e.error())) {
                throw new SlackTokenRejectedException(
                        "SLACK_BOT_TOKEN was rejected by Slack ("
                                + e.error()
                                + "): copy the Bot User OAuth Token (xoxb-…) again from your app's OAuth & Permissions page, "
                                + "or reinstall the app to your workspace.");
            }
            reason = "auth.test answered " + e.error();
        }
        identity.unreachable();
        log.warn(
                "Slack could not be reached to check the bot token ({}); running anyway and asking again",
                reason);
        return false;
    }

    private void schedule(Duration delay) {
        retries.schedule(
                () -> {
                    try {
                        if (!attempt()) {
                            schedule(
                                    delay.multipliedBy(2).compareTo(MAX_DELAY) > 0
                                            ? MAX_DELAY
                                            : delay.multipliedBy(2));
                        }
                    } catch (SlackTokenRejectedException e) {
                        log.error(
                                "{} Requests will fail until this is fixed and the app restarted.",
                                e.getMessage());
                    }
                },
                delay.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
