package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.calendar.SlackButtons;
import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeOAuthServer;
import com.bossreview.support.FakeSalesforce;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 16, step 2: a manager connects their own CRM, an admin the workspace's, through the real
 * Bolt app, the fake Slack and the fake Salesforce and HubSpot; links work once, refusals store
 * nothing, and disconnect, {@code forget} and uninstall delete the tokens and revoke them.
 */
@ExtendWith(TestDatabase.class)
class CrmConnectFlowTest {
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";
    static final String ADMIN = "U0ADMIN";
    static final Instant MONDAY = Instant.parse("2026-11-30T14:00:00Z");

    FakeSlack slack;
    FakeSalesforce salesforce;
    FakeHubSpot hubspot;
    MutableClock clock;
    TestApp app;
    Jdbi jdbi;

    @BeforeEach
    void start() {
        slack = new FakeSlack();
        salesforce = new FakeSalesforce();
        hubspot = new FakeHubSpot();
        clock = new MutableClock(MONDAY);
        app =
                TestApp.start(
                        slack,
                        clock,
                        Map.of(
                                "SALESFORCE_CLIENT_ID", FakeSalesforce.CLIENT_ID,
                                "SALESFORCE_CLIENT_SECRET", FakeSalesforce.CLIENT_SECRET,
                                "SALESFORCE_LOGIN_URL", salesforce.url(),
                                "HUBSPOT_CLIENT_ID", FakeHubSpot.CLIENT_ID,
                                "HUBSPOT_CLIENT_SECRET", FakeHubSpot.CLIENT_SECRET,
                                "HUBSPOT_API_URL", hubspot.url(),
                                "HUBSPOT_OAUTH_URL", hubspot.authorizeUrl(),
                                "BOSSREVIEW_PUBLIC_URL", "https://bossreview.test",
                                "BOSSREVIEW_ENCRYPTION_KEY", TestApp.ENCRYPTION_KEY));
        jdbi = TestDatabase.database().jdbi();
        // Slack's sample user (what the fake answers by default) is an admin: ours is not.
        slack.userField(ME, "is_admin", "false").userField(ME, "is_owner", "false");
        slack.userField(ADMIN, "is_admin", "true").userField(ADMIN, "is_owner", "false");
    }

    @AfterEach
    void stop() {
        app.close();
        hubspot.close();
        salesforce.close();
        slack.close();
    }

    private String command(String user, String text) {
        return SlackRequests.text(app.slack().command(TEAM, user, text));
    }

    /**
     * {@code user} runs a command answered after the ack (an admin check): the ack, and the reply
     * that follows on the response URL.
     */
    private FakeSlack.Call laterReply(String user, String text) throws InterruptedException {
        int before = slack.calls(FakeSlack.RESPONSE_URL).size();
        assertThat(command(user, text)).contains("Checking you're a Slack admin");
        return slack.awaitCalls(FakeSlack.RESPONSE_URL, before + 1, Duration.ofSeconds(10))
                .get(before);
    }

    /** {@code user} asks for a link; the consent page's address of {@code provider}. */
    private URI link(String user, String text, String actionId) throws Exception {
        if (!text.endsWith("workspace")) {
            HttpResponse<String> ack = app.slack().command(TEAM, user, text);
            return URI.create(SlackButtons.url(ack.body(), actionId));
        }
        return URI.create(SlackButtons.url(laterReply(user, text).json("blocks"), actionId));
    }

    private HttpResponse<String> back(URI redirect) throws Exception {
        assertThat(redirect.getPath()).startsWith("/crm/callback/");
        return app.get(redirect.getRawPath() + "?" + redirect.getRawQuery());
    }

    private HttpResponse<String> connect(
            String user, String text, FakeOAuthServer provider, String actionId, String account)
            throws Exception {
        return back(provider.consent(link(user, text, actionId), account));
    }

    private int count(String where) {
        return jdbi.withHandle(
                h ->
                        h.createQuery("SELECT count(*) FROM crm_connection WHERE " + where)
                                .mapTo(Integer.class)
                                .one());
    }

    @Test
    void a_manager_connects_salesforce_for_themselves_with_a_link_that_works_once()
            throws Exception {
        String ack = app.slack().command(TEAM, ME, "connect crm").body();
        assertThat(ack).contains("Connect your CRM", "yours alone and works once, for 10 minutes");
        URI authorize = URI.create(SlackButtons.url(ack, CrmCommands.CONNECT_SALESFORCE));
        assertThat(SlackButtons.url(ack, CrmCommands.CONNECT_HUBSPOT))
                .contains("hubspot-client-id");
        URI redirect = salesforce.consent(authorize, "ann@acme.test");

        HttpResponse<String> page = back(redirect);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Salesforce is connected", "for you");
        assertThat(
                        slack.awaitCalls("chat.postMessage", 1, Duration.ofSeconds(10))
                                .get(0)
                                .param("text"))
                .contains("Your Salesforce is connected, read-only", "disconnect crm`");
        var row = jdbi.withExtension(CrmDao.class, dao -> dao.ofManager(TEAM, ME)).orElseThrow();
        assertThat(row.provider()).isEqualTo("salesforce");
        assertThat(row.instanceUrl()).isEqualTo(salesforce.instanceUrl());
        assertThat(row.crmUserId()).startsWith("005FAKE");
        assertThat(row.connectedBy()).isEqualTo(ME);
        assertThat(row.refreshToken()).startsWith("v1:");
        assertThat(row.accessToken()).startsWith("v1:");
        // the PKCE verifier went with the code exchange
        assertThat(
                        salesforce
                                .requests("POST", "/services/oauth2/token")
                                .get(0)
                                .form("code_verifier"))
                .isNotBlank();

        // The same link again: refused, nothing more stored.
        HttpResponse<String> again = back(redirect);
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("expired or was used already");
        assertThat(count("true")).isEqualTo(1);
        assertThat(command(ME, "connect crm")).contains("Your Salesforce is connected already");

        // Switching to HubSpot replaces the connection, and the old one is revoked.
        connect(ME, "connect crm", hubspot, CrmCommands.CONNECT_HUBSPOT, "ann@acme.test");
        assertThat(count("true")).isEqualTo(1);
        assertThat(count("provider = 'hubspot' AND user_id = '" + ME + "'")).isEqualTo(1);
        salesforce.awaitRequests("POST", "/services/oauth2/revoke", 1, Duration.ofSeconds(10));
        assertThat(salesforce.revoked()).hasSize(1);
    }

    @Test
    void an_admin_connects_the_workspace_and_anyone_else_asking_for_it_gets_their_own()
            throws Exception {
        FakeSlack.Call offer = laterReply(ADMIN, "connect crm workspace");
        assertThat(offer.param("text")).contains("for the whole workspace");
        URI authorize =
                URI.create(SlackButtons.url(offer.json("blocks"), CrmCommands.CONNECT_HUBSPOT));
        HttpResponse<String> page = back(hubspot.consent(authorize, "admin@acme.test"));
        assertThat(page.body()).contains("HubSpot is connected", "for the whole workspace");
        var workspace =
                jdbi.withExtension(CrmDao.class, dao -> dao.ofWorkspace(TEAM)).orElseThrow();
        assertThat(workspace.userId()).isNull();
        assertThat(workspace.connectedBy()).isEqualTo(ADMIN);
        assertThat(workspace.instanceUrl()).isNull();
        assertThat(count("user_id IS NULL")).isEqualTo(1);
        assertThat(TestDatabase.rows("manager")).isZero(); // an admin need not be a manager

        int replies = slack.calls(FakeSlack.RESPONSE_URL).size();
        URI mine = link(ME, "connect crm workspace", CrmCommands.CONNECT_SALESFORCE);
        assertThat(slack.calls(FakeSlack.RESPONSE_URL).get(replies).param("text"))
                .contains("Only a Slack admin or owner", "*for you only*", "workspace's HubSpot");
        assertThat(back(salesforce.consent(mine, "ann@acme.test")).body()).contains("for you");
        assertThat(count("user_id = '" + ME + "'")).isEqualTo(1);
        assertThat(count("user_id IS NULL AND provider = 'hubspot'")).isEqualTo(1);

        // App Home: the manager's own line; someone without their own sees the workspace's.
        assertThat(home(ME)).contains("CRM: *Salesforce* connected for you");
        command("U0OTHER", "connect crm"); // a manager now, with no CRM of their own
        assertThat(home("U0OTHER")).contains("CRM: *HubSpot* connected for the workspace");
    }

    @Test
    void a_refusal_or_a_broken_link_stores_nothing() throws Exception {
        URI authorize = link(ME, "connect crm", CrmCommands.CONNECT_HUBSPOT);
        String state = query(authorize, "state");
        HttpResponse<String> denied =
                app.get("/crm/callback/hubspot?error=access_denied&state=" + state);
        assertThat(denied.statusCode()).isEqualTo(400);
        assertThat(denied.body()).contains("did not allow");
        assertThat(app.get("/crm/callback/hubspot?code=x&state=forged").body())
                .contains("expired or was used already");
        assertThat(app.get("/crm/callback/pipedrive?code=x&state=y").statusCode()).isEqualTo(404);

        // A code the provider refuses: nothing stored either.
        URI again = link(ME, "connect crm", CrmCommands.CONNECT_SALESFORCE);
        HttpResponse<String> bad =
                app.get(
                        "/crm/callback/salesforce?code=never-issued&state="
                                + query(again, "state"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("did not complete the connection");
        assertThat(count("true")).isZero();
        assertThat(slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void disconnect_and_forget_delete_the_tokens_and_revoke_them() throws Exception {
        connect(ME, "connect crm", salesforce, CrmCommands.CONNECT_SALESFORCE, "ann@acme.test");
        assertThat(command(ME, "disconnect crm")).contains("Disconnected your Salesforce");
        assertThat(count("true")).isZero();
        salesforce.awaitRequests("POST", "/services/oauth2/revoke", 1, Duration.ofSeconds(10));
        assertThat(salesforce.revoked()).hasSize(1);

        connect(ME, "connect crm", hubspot, CrmCommands.CONNECT_HUBSPOT, "ann@acme.test");
        connect(
                ADMIN,
                "connect crm workspace",
                hubspot,
                CrmCommands.CONNECT_HUBSPOT,
                "a@acme.test");
        // Not an admin: the workspace's stays.
        assertThat(laterReply(ME, "disconnect crm workspace").param("text"))
                .contains("Only a Slack admin or owner can disconnect");
        assertThat(count("user_id IS NULL")).isEqualTo(1);

        int before = slack.calls(FakeSlack.RESPONSE_URL).size();
        app.slack().click(TEAM, ME, "confirm_forget", ME);
        assertThat(
                        slack.awaitCalls(FakeSlack.RESPONSE_URL, before + 1, Duration.ofSeconds(10))
                                .get(before)
                                .param("text"))
                .contains("everything bossreview stored about you is deleted");
        hubspot.awaitRequests("POST", "/token/revoke", 1, Duration.ofSeconds(10));
        assertThat(count("user_id IS NOT NULL")).isZero();
        assertThat(count("user_id IS NULL")).isEqualTo(1); // forget is the manager's own

        assertThat(laterReply(ADMIN, "disconnect crm workspace").param("text"))
                .contains("Disconnected the workspace's HubSpot");
        hubspot.awaitRequests("POST", "/token/revoke", 2, Duration.ofSeconds(10));
        assertThat(count("true")).isZero();
        assertThat(hubspot.revoked()).hasSize(2);
    }

    @Test
    void an_uninstall_deletes_every_connection_of_the_workspace_and_revokes_them()
            throws Exception {
        connect(ME, "connect crm", salesforce, CrmCommands.CONNECT_SALESFORCE, "ann@acme.test");
        connect(
                ADMIN,
                "connect crm workspace",
                hubspot,
                CrmCommands.CONNECT_HUBSPOT,
                "a@acme.test");
        assertThat(count("true")).isEqualTo(2);
        assertThat(app.slack().appUninstalled(TEAM).statusCode()).isEqualTo(200);
        assertThat(count("true")).isZero();
        salesforce.awaitRequests("POST", "/services/oauth2/revoke", 1, Duration.ofSeconds(10));
        hubspot.awaitRequests("POST", "/token/revoke", 1, Duration.ofSeconds(10));
    }

    /** App Home as published for {@code user} when they open it. */
    private String home(String user) throws InterruptedException {
        int before = slack.calls("views.publish").size();
        assertThat(app.slack().appHomeOpened(TEAM, user).statusCode()).isEqualTo(200);
        return slack.awaitCalls("views.publish", before + 1, Duration.ofSeconds(10))
                .get(before)
                .json("view");
    }

    @Test
    void a_link_expires_after_ten_minutes_and_app_home_says_not_connected() throws Exception {
        URI redirect =
                salesforce.consent(
                        link(ME, "connect crm", CrmCommands.CONNECT_SALESFORCE), "ann@acme.test");
        assertThat(home(ME)).contains("CRM: not connected");
        clock.set(MONDAY.plus(Duration.ofMinutes(11)));
        HttpResponse<String> late = back(redirect);
        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(late.body()).contains("expired or was used already");
        assertThat(count("true")).isZero();
        assertThat(salesforce.requests("POST", "/services/oauth2/token")).isEmpty();
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + uri);
    }
}
