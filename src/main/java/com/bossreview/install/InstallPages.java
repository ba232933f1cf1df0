package com.bossreview.install;

import com.bossreview.slack.HtmlPage;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthInstallPageRenderer;
import com.slack.api.bolt.service.builtin.oauth.view.OAuthRedirectUriPageRenderer;
import java.util.Map;

/** The small HTML pages of the install flow: "Add to Slack", installed, and what went wrong. */
final class InstallPages implements OAuthInstallPageRenderer, OAuthRedirectUriPageRenderer {
    static final String INSTALL_PATH = "/slack/install";

    private static final Map<String, String> REASONS =
            Map.of(
                    "access_denied",
                            "The install was cancelled on Slack's page, so nothing was installed.",
                    "state_missing",
                            "This page was opened without the install link's security check.",
                    "state_mismatch",
                            "This install was started in another browser or window, or the link was tampered with.",
                    "state_unknown_or_used",
                            "This install link was already used, or it didn't come from this app.",
                    "state_expired",
                            "This install link expired: links last "
                                    + OAuthStates.LIFETIME.toMinutes()
                                    + " minutes.",
                    "slack_unreachable", "Slack could not be reached to confirm the install.",
                    "storage_failed",
                            "Slack confirmed the install, but bossreview could not save it.");

    /** {@code GET /slack/install}: what bossreview does, what it keeps, and the button. */
    @Override
    public String render(String authorizeUrl) {
        return page(
                "Add bossreview to Slack",
                """
                <h1>bossreview</h1>
                <p>Coaching for sales managers to manage up: a weekly review with your boss, good news shared
                quickly and bad news immediately, and no forecast downgrade left for quarter end.</p>
                <p><a class="button" href="%s">Add to Slack</a></p>
                <p class="small">What managers log stays theirs: only they see it, and their boss sees only
                what they choose to send. Uninstalling deletes the workspace's tokens at once and its data.</p>
                """
                        .formatted(escape(authorizeUrl)));
    }

    String success(Installation i) {
        String where =
                i.enterpriseInstall()
                        ? "your organization"
                                + i.enterpriseName()
                                        .map(n -> " <b>" + escape(n) + "</b>")
                                        .orElse("")
                        : i.teamName()
                                .map(n -> "<b>" + escape(n) + "</b>")
                                .orElse("your workspace");
        String open =
                i.teamId().isPresent() && i.appId().isPresent()
                        ? "slack://app?team=" + i.teamId().get() + "&id=" + i.appId().get()
                        : "slack://open";
        String browser =
                i.teamId()
                        .map(t -> "https://app.slack.com/client/" + t)
                        .orElse("https://app.slack.com/");
        return page(
                "bossreview is installed",
                """
                <h1>bossreview is installed</h1>
                <p>It's ready in %s. In any channel or DM, type <code>/bossreview help</code> to start.</p>
                <p><a class="button" href="%s">Open Slack</a> <a href="%s">or open it in the browser</a></p>
                """
                        .formatted(where, escape(open), escape(browser)));
    }

    @Override
    public String renderSuccessPage(Installer installer, String completionUrl) {
        return page(
                "bossreview is installed",
                """
                <h1>bossreview is installed</h1>
                <p>In any channel or DM, type <code>/bossreview help</code> to start.</p>""");
    }

    @Override
    public String renderFailurePage(String installPath, String reason) {
        String why =
                REASONS.getOrDefault(
                        reason, "Slack did not confirm the install (" + escape(reason) + ").");
        return page(
                "bossreview was not installed",
                """
                <h1>bossreview was not installed</h1>
                <p>%s Nothing was changed.</p>
                <p><a class="button" href="%s">Start again</a></p>
                """
                        .formatted(why, escape(installPath == null ? INSTALL_PATH : installPath)));
    }

    private static String page(String title, String body) {
        return HtmlPage.of(title, body);
    }

    static String escape(String s) {
        return HtmlPage.escape(s);
    }
}
