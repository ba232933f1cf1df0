package com.bossreview.install;

import static com.bossreview.install.Workspaces.MONDAY_0800_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MultiWorkspaceAppTest;
import com.bossreview.support.Nudging;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An Enterprise Grid org-wide install: one token serving every workspace of the organization. */
class EnterpriseInstallTest extends MultiWorkspaceAppTest {
    static final String ORG = "E0INITECH",
            T3 = "T0SALES",
            T4 = "T0SUPPORT",
            ORG_TOKEN = "xoxb-999-initech-org";

    @BeforeAll
    static void startApp() {
        start(MONDAY_0800_NEW_YORK, Map.of());
        slack.user("U3CARA", T3, false, false, "America/New_York")
                .user("U3BOSS", T3, false, false, "America/New_York");
        slack.user("U4DAN", T4, false, false, "America/New_York")
                .user("U4BOSS", T4, false, false, "America/New_York");
    }

    @BeforeEach
    void installedOrgWide() throws Exception {
        clock.set(MONDAY_0800_NEW_YORK);
        HttpResponse<String> done =
                InstallBrowser.install(
                        app, slack, "code-org", FakeSlack.Grant.organization(ORG, ORG_TOKEN));
        assertThat(done.body()).contains("your organization <b>Org " + ORG + "</b>");
    }

    /**
     * A manager with news in each workspace, and a request from each (which links it to the
     * organization).
     */
    private static void bothWorkspacesInUse() {
        Workspaces.managerWithNews(T3, "U3CARA", "U3BOSS", "Sales closed Q4 early");
        Workspaces.managerWithNews(T4, "U4DAN", "U4BOSS", "Support backlog at zero");
        app.slack().command(ORG, T3, "U3CARA", "help");
        app.slack().command(ORG, T4, "U4DAN", "help");
    }

    private static List<FakeSlack.Call> lookupsOf(String user) {
        return slack.calls("users.info").stream()
                .filter(c -> user.equals(c.param("user")))
                .toList();
    }

    @Test
    void the_org_install_is_stored_once_for_the_organization_with_its_token_sealed() {
        assertThat(
                        TestDatabase.rows(
                                "installation WHERE is_enterprise_install AND enterprise_id = '"
                                        + ORG
                                        + "' AND team_id IS NULL AND bot_token NOT LIKE '%initech%'"))
                .isEqualTo(1);
    }

    @Test
    void
            two_workspaces_of_the_organization_are_served_with_the_one_token_and_keep_their_data_apart()
                    throws Exception {
        assertThat(
                        SlackRequests.text(
                                app.slack()
                                        .command(ORG, T3, "U3CARA", "good Sales closed Q4 early")))
                .isNotBlank();
        assertThat(
                        SlackRequests.text(
                                app.slack()
                                        .command(ORG, T4, "U4DAN", "good Support backlog at zero")))
                .isNotBlank();
        assertThat(app.slack().command(ORG, T3, "U3CARA", "agenda").body())
                .contains("Sales closed")
                .doesNotContain("Support backlog");
        assertThat(app.slack().command(ORG, T4, "U4DAN", "agenda").body())
                .contains("Support backlog")
                .doesNotContain("Sales closed");

        app.slack().command(ORG, T3, "U3CARA", "boss <@U3BOSS>");
        app.slack().command(ORG, T4, "U4DAN", "boss <@U4BOSS>");
        slack.awaitCalls(FakeSlack.RESPONSE_URL, 2, Duration.ofSeconds(10));
        assertThat(lookupsOf("U3BOSS"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(ORG_TOKEN));
        assertThat(lookupsOf("U4BOSS"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(ORG_TOKEN));
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE team_id = '" + T3 + "' AND boss_user_id = 'U3BOSS'"))
                .isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE team_id = '" + T4 + "' AND boss_user_id = 'U4BOSS'"))
                .isEqualTo(1);
        assertThat(TestDatabase.rows("enterprise_workspace WHERE enterprise_id = '" + ORG + "'"))
                .isEqualTo(2);
    }

    @Test
    void a_nudge_which_knows_only_the_team_finds_the_organizations_token() throws Exception {
        app.slack()
                .command(
                        ORG, T3, "U3CARA",
                        "help"); // the first request tells which organization T3 belongs to
        Workspaces.managerWithNews(T3, "U3CARA", "U3BOSS", "Sales closed Q4 early");
        app.nudges().materializer().replan(T3, "U3CARA");
        clock.set(MONDAY_0800_NEW_YORK.plus(Duration.ofMinutes(30)));
        Nudging.drain(app.nudges().engine());
        List<FakeSlack.Call> dms =
                slack.calls("chat.postMessage").stream()
                        .filter(c -> "U3CARA".equals(c.param("channel")))
                        .toList();
        assertThat(dms).isNotEmpty().allSatisfy(c -> assertThat(c.token()).isEqualTo(ORG_TOKEN));
    }

    @Test
    void a_workspace_of_another_organization_is_not_served_by_this_token() {
        String reply =
                SlackRequests.text(app.slack().command("E0OTHER", "T0ELSEWHERE", "U9EVE", "help"));
        assertThat(reply).contains("isn't installed in this workspace");
        reply = SlackRequests.text(app.slack().command(null, "T0ELSEWHERE", "U9EVE", "help"));
        assertThat(reply).contains("isn't installed in this workspace");
    }

    @Test
    void
            uninstalling_the_org_install_deletes_its_token_and_the_data_of_every_workspace_it_served() {
        bothWorkspacesInUse();
        assertThat(InstallBrowser.appUninstalled(app, ORG, T3).statusCode()).isEqualTo(200);
        assertThat(TestDatabase.rows("installation")).isZero();
        assertThat(Workspaces.rowsOf(T3)).isZero();
        assertThat(Workspaces.rowsOf(T4)).isZero();
        assertThat(SlackRequests.text(app.slack().command(ORG, T4, "U4DAN", "help")))
                .contains("isn't installed");
    }

    @Test
    void
            removing_the_app_from_one_workspace_deletes_that_workspaces_data_and_keeps_the_org_install() {
        bothWorkspacesInUse();

        assertThat(InstallBrowser.appUninstalledTeam(app, ORG, T4, "A0BOSSREVIEW", T3).statusCode())
                .isEqualTo(200);

        assertThat(Workspaces.rowsOf(T3)).isZero();
        assertThat(TestDatabase.rows("enterprise_workspace WHERE team_id = '" + T3 + "'"))
                .as("nudges for the workspace no longer find the organization's token")
                .isZero();
        assertThat(
                        TestDatabase.rows(
                                "installation WHERE is_enterprise_install AND enterprise_id = '"
                                        + ORG
                                        + "'"))
                .isEqualTo(1);
        assertThat(Workspaces.rowsOf(T4)).isPositive();
        assertThat(app.slack().command(ORG, T4, "U4DAN", "agenda").body())
                .contains("Support backlog");
    }

    @Test
    void app_uninstalled_team_about_another_app_changes_nothing() {
        Workspaces.managerWithNews(T3, "U3CARA", "U3BOSS", "Sales closed Q4 early");
        app.slack().command(ORG, T3, "U3CARA", "help");

        assertThat(
                        InstallBrowser.appUninstalledTeam(app, ORG, T3, "A0SOMEOTHERAPP", T3)
                                .statusCode())
                .isEqualTo(200);

        assertThat(Workspaces.rowsOf(T3)).isPositive();
        assertThat(TestDatabase.rows("installation")).isEqualTo(1);
        assertThat(TestDatabase.rows("enterprise_workspace WHERE team_id = '" + T3 + "'"))
                .isEqualTo(1);
    }

    @Test
    void app_uninstalled_team_naming_the_organization_uninstalls_it_everywhere() {
        bothWorkspacesInUse();

        assertThat(
                        InstallBrowser.appUninstalledTeam(app, ORG, T3, "A0BOSSREVIEW", ORG)
                                .statusCode())
                .isEqualTo(200);

        assertThat(TestDatabase.rows("installation")).isZero();
        assertThat(Workspaces.rowsOf(T3)).isZero();
        assertThat(Workspaces.rowsOf(T4)).isZero();
    }

    @Test
    void team_access_revoked_removes_those_workspaces_and_keeps_the_org_install_for_the_others() {
        bothWorkspacesInUse();

        assertThat(InstallBrowser.teamAccess(app, ORG, "team_access_revoked", T3).statusCode())
                .isEqualTo(200);

        assertThat(Workspaces.rowsOf(T3)).isZero();
        assertThat(TestDatabase.rows("enterprise_workspace WHERE team_id = '" + T3 + "'")).isZero();
        assertThat(
                        TestDatabase.rows(
                                "installation WHERE is_enterprise_install AND enterprise_id = '"
                                        + ORG
                                        + "'"))
                .isEqualTo(1);
        assertThat(Workspaces.rowsOf(T4)).isPositive();
        assertThat(app.slack().command(ORG, T4, "U4DAN", "agenda").body())
                .contains("Support backlog");
    }

    @Test
    void team_access_revoked_naming_no_real_workspace_changes_nothing() {
        bothWorkspacesInUse();

        assertThat(
                        InstallBrowser.teamAccess(
                                        app,
                                        ORG,
                                        "team_access_revoked",
                                        "",
                                        ORG,
                                        "T0'; DROP TABLE manager; --",
                                        "t0sales")
                                .statusCode())
                .isEqualTo(200);

        assertThat(Workspaces.rowsOf(T3)).isPositive();
        assertThat(Workspaces.rowsOf(T4)).isPositive();
        assertThat(TestDatabase.rows("installation")).isEqualTo(1);
        assertThat(TestDatabase.rows("enterprise_workspace WHERE enterprise_id = '" + ORG + "'"))
                .isEqualTo(2);
        assertThat(
                        UninstallEvents.workspaces(
                                ORG,
                                java.util.Arrays.asList(
                                        "",
                                        ORG,
                                        "T0'; DROP TABLE manager; --",
                                        "t0sales",
                                        null,
                                        T3,
                                        T3,
                                        "W0GRIDUSER")))
                .containsExactly(T3, "W0GRIDUSER");
    }
}
