package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.config.Secret;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MultiWorkspaceAppTest;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth install flow of multi-workspace mode, through the real app against the fake Slack. */
class InstallFlowTest extends MultiWorkspaceAppTest {
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final String T1 = "T0ACME", T2 = "T0GLOBEX";
    static final String TOKEN1 = "xoxb-111-acme-secret-token",
            TOKEN2 = "xoxb-222-globex-secret-token";

    @BeforeAll
    static void startApp() {
        start(NOW, Map.of());
    }

    @BeforeEach
    void resetClock() {
        clock.set(NOW);
    }

    private static int exchanges() {
        return slack.calls("oauth.v2.access").size();
    }

    private static String storedToken(String team) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT bot_token FROM installation WHERE team_id = :t")
                                        .bind("t", team)
                                        .mapTo(String.class)
                                        .one());
    }

    @Test
    void the_install_page_links_to_slacks_authorize_page_with_a_fresh_state_also_set_as_a_cookie()
            throws Exception {
        InstallBrowser.Started first = InstallBrowser.start(app);
        InstallBrowser.Started second = InstallBrowser.start(app);
        assertThat(first.page().headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(first.page().body())
                .contains("Add to Slack", "<title>Add bossreview to Slack</title>");
        assertThat(first.query())
                .containsEntry("client_id", TestApp.CLIENT_ID)
                .containsEntry(
                        "scope",
                        "commands,chat:write,im:write,users:read,users:read.email,files:write")
                .doesNotContainKey("redirect_uri");
        assertThat(first.state()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.state());
        assertThat(first.cookie()).isEqualTo(OAuthStates.COOKIE + "=" + first.state());
        assertThat(first.page().headers().firstValue("Set-Cookie").orElseThrow())
                .contains("HttpOnly", "Secure", "SameSite=Lax", "Max-Age=600");
        // Signed, not stored: showing the page writes nothing.
        assertThat(TestDatabase.rows("oauth_state")).isZero();
    }

    @Test
    void installing_exchanges_the_code_at_slack_api_url_and_stores_the_token_sealed()
            throws Exception {
        HttpResponse<String> done =
                InstallBrowser.install(
                        app,
                        slack,
                        "code-acme",
                        FakeSlack.Grant.workspace(T1, "Acme & Co", TOKEN1));

        FakeSlack.Call exchange = slack.calls("oauth.v2.access").get(exchanges() - 1);
        assertThat(exchange.param("code")).isEqualTo("code-acme");
        assertThat(exchange.param("client_id")).isEqualTo(TestApp.CLIENT_ID);
        assertThat(exchange.param("client_secret")).isEqualTo(TestApp.CLIENT_SECRET);
        assertThat(done.body())
                .contains(
                        "Acme &amp; Co",
                        "/bossreview help",
                        "slack://app?team=" + T1 + "&amp;id=A0BOSSREVIEW");
        assertThat(done.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith(OAuthStates.COOKIE + "=deleted"));

        String sealed = storedToken(T1);
        assertThat(sealed).startsWith("v1:").doesNotContain(TOKEN1).doesNotContain("acme-secret");
        TokenCipher right = new TokenCipher(new Secret(TestApp.ENCRYPTION_KEY), Optional.empty());
        assertThat(right.decrypt(sealed, "T:" + T1)).isEqualTo(TOKEN1);
        TokenCipher wrong =
                new TokenCipher(
                        new Secret("some-other-key-of-the-right-length-0000"), Optional.empty());
        assertThatThrownBy(() -> wrong.decrypt(sealed, "T:" + T1))
                .isInstanceOf(TokenCipher.UndecryptableException.class);
        assertThat(
                        TestDatabase.rows(
                                "installation WHERE team_id = '"
                                        + T1
                                        + "' AND NOT is_enterprise_install "
                                        + "AND bot_user_id = 'UBOT"
                                        + T1
                                        + "' AND installer_user_id = 'U0ADMIN"
                                        + T1
                                        + "' AND app_id = 'A0BOSSREVIEW'"))
                .isEqualTo(1);
        // The spent state is remembered (by its SHA-256 only) until it would have expired anyway.
        assertThat(TestDatabase.rows("oauth_state")).isEqualTo(1);
        assertThat(TestDatabase.rows("oauth_state WHERE state_sha256 LIKE '%" + TOKEN1 + "%'"))
                .isZero();
    }

    @Test
    void a_forged_state_is_refused_with_a_friendly_page_and_slack_is_never_asked()
            throws Exception {
        slack.grant("code-forged", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        int before = exchanges();
        String forged = "c3RhdGUtdGhhdC10aGlzLWFwcC1uZXZlci1pc3N1ZWQtYXQtYWxs";
        HttpResponse<String> page =
                InstallBrowser.redirect(
                        app, "code=code-forged&state=" + forged, OAuthStates.COOKIE + "=" + forged);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains(
                        "bossreview was not installed",
                        "already used, or it didn't come from this app",
                        "Nothing was changed",
                        "href=\"/slack/install\"");
        assertThat(exchanges()).isEqualTo(before);
        assertThat(TestDatabase.rows("installation")).isZero();
    }

    @Test
    void a_state_without_the_browsers_cookie_or_with_another_one_is_refused() throws Exception {
        slack.grant("code-csrf", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        InstallBrowser.Started victim = InstallBrowser.start(app);
        InstallBrowser.Started attacker = InstallBrowser.start(app);
        int before = exchanges();
        assertThat(
                        InstallBrowser.redirect(app, "code=code-csrf&state=" + victim.state(), null)
                                .body())
                .contains("started in another browser");
        assertThat(
                        InstallBrowser.redirect(
                                        app,
                                        "code=code-csrf&state=" + victim.state(),
                                        attacker.cookie())
                                .statusCode())
                .isEqualTo(400);
        assertThat(InstallBrowser.redirect(app, "code=code-csrf", victim.cookie()).body())
                .contains("security check");
        assertThat(
                        InstallBrowser.redirect(
                                        app,
                                        "code=code-csrf&state=" + victim.state(),
                                        OAuthStates.COOKIE + "=")
                                .statusCode())
                .isEqualTo(400);
        assertThat(exchanges()).isEqualTo(before);
        // the refused attempts did not spend the real state: the right browser can still finish
        assertThat(InstallBrowser.finish(app, victim, "code-csrf").statusCode()).isEqualTo(200);
    }

    @Test
    void a_state_works_only_once() throws Exception {
        slack.grant("code-once", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        InstallBrowser.Started started = InstallBrowser.start(app);
        assertThat(InstallBrowser.finish(app, started, "code-once").statusCode()).isEqualTo(200);
        int before = exchanges();
        HttpResponse<String> replay = InstallBrowser.finish(app, started, "code-once");
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(replay.body()).contains("already used");
        assertThat(exchanges()).isEqualTo(before);
    }

    @Test
    void a_state_that_failed_its_exchange_cannot_be_replayed_either() throws Exception {
        InstallBrowser.Started started = InstallBrowser.start(app);
        HttpResponse<String> refused =
                InstallBrowser.finish(app, started, "a-code-slack-does-not-know");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Slack did not confirm the install (invalid_code)");
        assertThat(TestDatabase.rows("installation")).isZero();
        slack.grant("code-late", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        assertThat(InstallBrowser.finish(app, started, "code-late").body())
                .contains("already used");
    }

    @Test
    void an_expired_state_is_refused() throws Exception {
        slack.grant("code-slow", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        InstallBrowser.Started started = InstallBrowser.start(app);
        clock.advance(OAuthStates.LIFETIME.plusSeconds(1));
        int before = exchanges();
        HttpResponse<String> page = InstallBrowser.finish(app, started, "code-slow");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("This install link expired");
        assertThat(exchanges()).isEqualTo(before);
        assertThat(TestDatabase.rows("installation")).isZero();
    }

    @Test
    void a_state_just_inside_its_lifetime_still_works() throws Exception {
        slack.grant("code-in-time", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        InstallBrowser.Started started = InstallBrowser.start(app);
        clock.advance(OAuthStates.LIFETIME.minusSeconds(1));
        assertThat(InstallBrowser.finish(app, started, "code-in-time").statusCode()).isEqualTo(200);
    }

    @Test
    void cancelling_on_slacks_page_installs_nothing() throws Exception {
        InstallBrowser.Started started = InstallBrowser.start(app);
        int before = exchanges();
        HttpResponse<String> page =
                InstallBrowser.redirect(
                        app, "error=access_denied&state=" + started.state(), started.cookie());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("cancelled", "Start again");
        assertThat(exchanges()).isEqualTo(before);
        assertThat(TestDatabase.rows("installation")).isZero();
    }

    @Test
    void slack_down_during_the_exchange_shows_a_failure_page_not_a_stack_trace() throws Exception {
        slack.fail("oauth.v2.access", new FakeSlack.Fault.ServerError(503), 1);
        HttpResponse<String> page =
                InstallBrowser.finish(app, InstallBrowser.start(app), "code-whatever");
        assertThat(page.statusCode()).isEqualTo(502);
        assertThat(page.body()).contains("Slack could not be reached");
    }

    @Test
    void only_get_is_served_on_the_install_paths() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var post =
                http.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(
                                                "http://127.0.0.1:"
                                                        + app.port()
                                                        + "/slack/install"))
                                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void two_workspaces_installed_side_by_side_each_see_only_their_own_data_with_their_own_token()
            throws Exception {
        InstallBrowser.install(app, slack, "code-1", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        InstallBrowser.install(
                app, slack, "code-2", FakeSlack.Grant.workspace(T2, "Globex", TOKEN2));
        slack.user("U1ANNA", T1, false, false, "Europe/Berlin")
                .user("U1BOSS", T1, false, false, "Europe/Berlin");
        slack.user("U2BOB", T2, false, false, "America/Chicago")
                .user("U2BOSS", T2, false, false, "America/Chicago");

        assertThat(
                        SlackRequests.text(
                                app.slack().command(T1, "U1ANNA", "good Closed the Acme renewal")))
                .isNotBlank();
        assertThat(
                        SlackRequests.text(
                                app.slack().command(T2, "U2BOB", "good Globex pilot went live")))
                .isNotBlank();
        String acmeAgenda = app.slack().command(T1, "U1ANNA", "agenda").body();
        String globexAgenda = app.slack().command(T2, "U2BOB", "agenda").body();
        assertThat(acmeAgenda).contains("Closed the Acme renewal").doesNotContain("Globex pilot");
        assertThat(globexAgenda).contains("Globex pilot went live").doesNotContain("Acme renewal");

        app.slack().command(T1, "U1ANNA", "boss <@U1BOSS>");
        app.slack().command(T2, "U2BOB", "boss <@U2BOSS>");
        List<FakeSlack.Call> lookups = slack.awaitCalls("users.info", 4, Duration.ofSeconds(10));
        slack.awaitCalls(FakeSlack.RESPONSE_URL, 2, Duration.ofSeconds(10));
        assertThat(lookups)
                .filteredOn(c -> c.param("user").startsWith("U1"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(TOKEN1));
        assertThat(lookups)
                .filteredOn(c -> c.param("user").startsWith("U2"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(TOKEN2));
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE team_id = '" + T1 + "' AND boss_user_id = 'U1BOSS'"))
                .isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE team_id = '" + T2 + "' AND boss_user_id = 'U2BOSS'"))
                .isEqualTo(1);
        assertThat(TestDatabase.rows("news WHERE team_id = '" + T1 + "'")).isEqualTo(1);
        assertThat(TestDatabase.rows("news WHERE team_id = '" + T2 + "'")).isEqualTo(1);
    }

    @Test
    void reinstalling_replaces_the_workspaces_token() throws Exception {
        InstallBrowser.install(app, slack, "code-a", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        InstallBrowser.install(
                app,
                slack,
                "code-b",
                FakeSlack.Grant.workspace(T1, "Acme", "xoxb-111-acme-new-token"));
        assertThat(TestDatabase.rows("installation")).isEqualTo(1);
        TokenCipher cipher = new TokenCipher(new Secret(TestApp.ENCRYPTION_KEY), Optional.empty());
        assertThat(cipher.decrypt(storedToken(T1), "T:" + T1)).isEqualTo("xoxb-111-acme-new-token");
    }
}
