package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Single-workspace mode (SLACK_BOT_TOKEN): the token lives in the environment, the data is still
 * deleted.
 */
class SingleWorkspaceUninstallTest extends AppTest {

    @Test
    void an_uninstall_deletes_that_workspaces_data_and_nothing_else() {
        Workspaces.managerWithNews(TEAM, ME, BOSS, "Closed Acme");
        Workspaces.managerWithNews("T0OTHER", ME, BOSS, "Closed Globex");
        assertThat(InstallBrowser.appUninstalled(app, null, TEAM).statusCode()).isEqualTo(200);
        assertThat(Workspaces.rowsOf(TEAM)).isZero();
        assertThat(TestDatabase.rows("news WHERE team_id = 'T0OTHER'")).isEqualTo(1);
    }

    @Test
    void an_uninstall_deletes_the_workspace_defaults_an_admin_set() throws Exception {
        slack.userField("U0ADMIN", "is_admin", "true");
        int replies = seen(FakeSlack.RESPONSE_URL);
        app.slack().command(TEAM, "U0ADMIN", "settings workspace currency €");
        assertThat(next(FakeSlack.RESPONSE_URL, replies).param("text")).contains("now in €");
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "INSERT INTO workspace_defaults (team_id, default_fiscal_start_month,"
                                                + " defaults_set_by, defaults_set_at) VALUES ('T0OTHER', 4, 'U0ADMIN', now())"));
        assertThat(TestDatabase.rows("workspace_defaults")).isEqualTo(2);
        assertThat(InstallBrowser.appUninstalled(app, null, TEAM).statusCode()).isEqualTo(200);
        assertThat(TestDatabase.rows("workspace_defaults WHERE team_id = '" + TEAM + "'")).isZero();
        assertThat(TestDatabase.rows("workspace_defaults")).isEqualTo(1);
    }

    @Test
    void there_are_no_install_pages_and_commands_work_as_before() throws Exception {
        assertThat(app.get("/slack/install").statusCode()).isEqualTo(404);
        assertThat(app.get("/slack/oauth_redirect?code=x&state=y").statusCode()).isEqualTo(404);
        assertThat(SlackRequests.text(app.slack().command(TEAM, ME, "help"))).isNotBlank();
        assertThat(TestDatabase.rows("installation")).isZero();
    }

    @Test
    void
            with_a_retention_period_a_workspace_that_reinstalled_is_served_and_planned_again_after_the_restart() {
        Map<String, String> retention = Map.of("BOSSREVIEW_UNINSTALL_RETENTION_DAYS", "30");
        try (TestApp before = TestApp.start(slack, clock, retention)) {
            Workspaces.managerWithNews(TEAM, ME, BOSS, "Closed Acme");
            assertThat(InstallBrowser.appUninstalled(before, null, TEAM).statusCode())
                    .isEqualTo(200);
            assertThat(TestDatabase.rows("uninstalled_workspace WHERE team_id = '" + TEAM + "'"))
                    .isEqualTo(1);
            before.nudges().materializer().materialize();
            assertThat(TestDatabase.rows("nudge WHERE team_id = '" + TEAM + "'")).isZero();
        }
        // Reinstalled, the new token configured, restarted: Slack's auth.test accepts it for TEAM
        // at start-up.
        try (TestApp after = TestApp.start(slack, clock, retention)) {
            assertThat(TestDatabase.rows("uninstalled_workspace")).isZero();
            assertThat(
                            TestDatabase.rows(
                                    "nudge WHERE team_id = '"
                                            + TEAM
                                            + "' AND user_id = '"
                                            + ME
                                            + "' AND kind = 'BOOK_REVIEW'"))
                    .as("planned again at start-up")
                    .isEqualTo(1);
            assertThat(after.slack().command(TEAM, ME, "agenda").body()).contains("Closed Acme");
        }
    }
}
