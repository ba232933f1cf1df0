package com.bossreview.install;

import com.bossreview.support.AppTest;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Single-workspace mode (SLACK_BOT_TOKEN): the token lives in the environment, the data is still deleted. */
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
    void there_are_no_install_pages_and_commands_work_as_before() throws Exception {
        assertThat(app.get("/slack/install").statusCode()).isEqualTo(404);
        assertThat(app.get("/slack/oauth_redirect?code=x&state=y").statusCode()).isEqualTo(404);
        assertThat(SlackRequests.text(app.slack().command(TEAM, ME, "help"))).isNotBlank();
        assertThat(TestDatabase.rows("installation")).isZero();
    }
}
