package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With BOSSREVIEW_PUBLIC_URL the redirect URI is explicit, and the reinstall hint links to the
 * install page.
 */
@ExtendWith(TestDatabase.class)
class PublicUrlTest {
    static final String PUBLIC = "https://bossreview.example.com";

    private static FakeSlack slack;
    private static TestApp app;

    @BeforeAll
    static void startApp() {
        slack = new FakeSlack();
        app =
                TestApp.startMultiWorkspace(
                        slack,
                        MutableClock.atRealNow(),
                        Map.of("BOSSREVIEW_PUBLIC_URL", PUBLIC + "/"));
    }

    @AfterAll
    static void stopApp() {
        app.close();
        slack.close();
    }

    @Test
    void the_redirect_uri_goes_to_slack_both_on_the_authorize_page_and_in_the_exchange()
            throws Exception {
        InstallBrowser.Started started = InstallBrowser.start(app);
        assertThat(started.query()).containsEntry("redirect_uri", PUBLIC + "/slack/oauth_redirect");
        slack.grant("code-1", FakeSlack.Grant.workspace("T0ACME", "Acme", "xoxb-111-acme"));
        assertThat(InstallBrowser.finish(app, started, "code-1").statusCode()).isEqualTo(200);
        assertThat(slack.calls("oauth.v2.access"))
                .last()
                .satisfies(
                        c ->
                                assertThat(c.param("redirect_uri"))
                                        .isEqualTo(PUBLIC + "/slack/oauth_redirect"));
    }

    @Test
    void a_workspace_without_an_installation_is_pointed_to_the_install_page() {
        assertThat(SlackRequests.text(app.slack().command("T0GONE", "U1", "status")))
                .contains("reinstall it from " + PUBLIC + "/slack/install");
    }

    @Test
    void the_scopes_asked_on_install_are_the_manifests_bot_scopes() throws Exception {
        JsonNode manifest =
                new ObjectMapper(new YAMLFactory()).readTree(Path.of("app-manifest.yml").toFile());
        List<String> scopes = new ArrayList<>();
        manifest.at("/oauth_config/scopes/bot").forEach(s -> scopes.add(s.asText()));
        assertThat(Distribution.BOT_SCOPES.split(",")).containsExactlyInAnyOrderElementsOf(scopes);
        List<String> events = new ArrayList<>();
        manifest.at("/settings/event_subscriptions/bot_events")
                .forEach(e -> events.add(e.asText()));
        assertThat(events).contains("app_uninstalled", "tokens_revoked");
        List<String> redirects = new ArrayList<>();
        manifest.at("/oauth_config/redirect_urls").forEach(u -> redirects.add(u.asText()));
        assertThat(redirects).anySatisfy(u -> assertThat(u).endsWith("/slack/oauth_redirect"));
    }
}
