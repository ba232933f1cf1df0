package com.bossreview.install;

import static com.bossreview.install.Workspaces.MONDAY_0800_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MultiWorkspaceAppTest;
import com.bossreview.support.Nudging;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BOSSREVIEW_UNINSTALL_RETENTION_DAYS=30: tokens go at once, data after 30 days unless the
 * workspace comes back.
 */
class RetentionTest extends MultiWorkspaceAppTest {
    static final String T1 = "T0ACME", T2 = "T0GLOBEX";

    /** The purge a scheduled job runs; built here on the test database with the same retention. */
    private static Uninstalls purge;

    @BeforeAll
    static void startApp() {
        start(MONDAY_0800_NEW_YORK, Map.of("BOSSREVIEW_UNINSTALL_RETENTION_DAYS", "30"));
        purge =
                new Uninstalls(
                        TestDatabase.database().jdbi(),
                        Optional.empty(),
                        Duration.ofDays(30),
                        clock);
    }

    @BeforeEach
    void twoWorkspacesInUse() throws Exception {
        clock.set(MONDAY_0800_NEW_YORK);
        InstallBrowser.install(
                app, slack, "code-1", FakeSlack.Grant.workspace(T1, "Acme", "xoxb-111-acme"));
        InstallBrowser.install(
                app, slack, "code-2", FakeSlack.Grant.workspace(T2, "Globex", "xoxb-222-globex"));
        Workspaces.managerWithNews(T1, "U1ANNA", "U1BOSS", "Acme renewal signed");
        Workspaces.managerWithNews(T2, "U2BOB", "U2BOSS", "Globex pilot live");
    }

    @Test
    void the_token_goes_at_once_and_the_data_once_the_retention_period_has_passed() {
        InstallBrowser.appUninstalled(app, null, T1);
        assertThat(TestDatabase.rows("installation WHERE team_id = '" + T1 + "'")).isZero();
        assertThat(TestDatabase.rows("news WHERE team_id = '" + T1 + "'")).isEqualTo(1);
        assertThat(SlackRequests.text(app.slack().command(T1, "U1ANNA", "status")))
                .contains("isn't installed");

        assertThat(
                        purge.purgeExpired(
                                MONDAY_0800_NEW_YORK.plus(Duration.ofDays(30)).minusSeconds(1)))
                .isZero();
        assertThat(TestDatabase.rows("news WHERE team_id = '" + T1 + "'")).isEqualTo(1);
        assertThat(purge.purgeExpired(MONDAY_0800_NEW_YORK.plus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(Workspaces.rowsOf(T1)).isZero();
        assertThat(Workspaces.rowsOf(T2)).isPositive();
    }

    @Test
    void a_nudge_due_meanwhile_is_not_sent() {
        app.nudges().materializer().replan(T1, "U1ANNA");
        String due =
                "nudge WHERE team_id = '"
                        + T1
                        + "' AND kind = 'BOOK_REVIEW' AND due_at = '2026-11-30T13:30:00Z'";
        assertThat(TestDatabase.rows(due + " AND state = 'PENDING'")).isEqualTo(1);
        InstallBrowser.appUninstalled(app, null, T1);
        clock.set(MONDAY_0800_NEW_YORK.plus(Duration.ofMinutes(30)));
        Nudging.drain(app.nudges().engine());
        assertThat(slack.calls("chat.postMessage"))
                .noneMatch(c -> "U1ANNA".equals(c.param("channel")));
        assertThat(TestDatabase.rows(due + " AND state = 'FAILED' AND outcome = 'not_installed'"))
                .isEqualTo(1);
    }

    @Test
    void reinstalling_within_the_retention_period_keeps_the_data() throws Exception {
        InstallBrowser.appUninstalled(app, null, T1);
        clock.advance(Duration.ofDays(3));
        InstallBrowser.install(
                app,
                slack,
                "code-back",
                FakeSlack.Grant.workspace(T1, "Acme", "xoxb-111-acme-back"));
        assertThat(purge.purgeExpired(MONDAY_0800_NEW_YORK.plus(Duration.ofDays(60)))).isZero();
        assertThat(app.slack().command(T1, "U1ANNA", "agenda").body())
                .contains("Acme renewal signed");
    }

    @Test
    void no_nudges_are_planned_for_an_uninstalled_workspace_meanwhile() {
        InstallBrowser.appUninstalled(app, null, T1);
        app.nudges().materializer().materialize();
        clock.advance(Duration.ofDays(3));
        app.nudges().materializer().materialize();
        assertThat(TestDatabase.rows("nudge WHERE team_id = '" + T1 + "'")).isZero();
        assertThat(TestDatabase.rows("nudge WHERE team_id = '" + T2 + "' AND kind = 'BOOK_REVIEW'"))
                .isEqualTo(2);
    }

    @Test
    void reinstalling_plans_the_workspaces_nudges_again() throws Exception {
        InstallBrowser.appUninstalled(app, null, T1);
        app.nudges().materializer().materialize();
        clock.advance(Duration.ofDays(3));
        app.nudges().materializer().materialize();
        InstallBrowser.install(
                app,
                slack,
                "code-back",
                FakeSlack.Grant.workspace(T1, "Acme", "xoxb-111-acme-back"));
        String nextMonday =
                "nudge WHERE team_id = '"
                        + T1
                        + "' AND kind = 'BOOK_REVIEW' AND due_at = '2026-12-07T13:30:00Z'";
        assertThat(TestDatabase.rows(nextMonday + " AND state = 'PENDING'")).isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE team_id = '"
                                        + T1
                                        + "' AND due_at < '2026-12-03T05:00:00Z'"))
                .as("nothing from the days it was uninstalled")
                .isZero();

        clock.advance(Duration.ofDays(7));
        app.nudges().materializer().materialize();
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE team_id = '"
                                        + T1
                                        + "' AND kind = 'BOOK_REVIEW' AND due_at = '2026-12-14T13:30:00Z'"))
                .as("the regular planning takes it up again")
                .isEqualTo(1);
    }

    @Test
    void uninstalling_twice_keeps_the_first_date() {
        InstallBrowser.appUninstalled(app, null, T1);
        clock.advance(Duration.ofDays(10));
        InstallBrowser.appUninstalled(app, null, T1);
        assertThat(purge.purgeExpired(MONDAY_0800_NEW_YORK.plus(Duration.ofDays(30)))).isEqualTo(1);
    }

    @Test
    void
            a_workspace_an_org_wide_install_loses_and_regains_keeps_its_data_and_gets_its_nudges_planned_again()
                    throws Exception {
        String org = "E0INITECH", sales = "T0SALES";
        InstallBrowser.install(
                app, slack, "code-org", FakeSlack.Grant.organization(org, "xoxb-999-initech-org"));
        Workspaces.managerWithNews(sales, "U3CARA", "U3BOSS", "Sales closed Q4 early");
        app.slack()
                .command(org, sales, "U3CARA", "help"); // links the workspace to the organization

        InstallBrowser.teamAccess(app, org, "team_access_revoked", sales);
        assertThat(TestDatabase.rows("uninstalled_workspace WHERE team_id = '" + sales + "'"))
                .isEqualTo(1);
        assertThat(TestDatabase.rows("news WHERE team_id = '" + sales + "'"))
                .as("kept for the retention period")
                .isEqualTo(1);
        app.nudges().materializer().materialize();
        assertThat(TestDatabase.rows("nudge WHERE team_id = '" + sales + "'")).isZero();

        clock.advance(Duration.ofDays(3));
        InstallBrowser.teamAccess(app, org, "team_access_granted", sales);
        assertThat(TestDatabase.rows("uninstalled_workspace WHERE team_id = '" + sales + "'"))
                .isZero();
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE team_id = '"
                                        + sales
                                        + "' AND kind = 'BOOK_REVIEW' AND state = 'PENDING'"))
                .as("planned again at once")
                .isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "enterprise_workspace WHERE team_id = '"
                                        + sales
                                        + "' AND enterprise_id = '"
                                        + org
                                        + "'"))
                .as("linked to its organization again before anyone there sends a command")
                .isEqualTo(1);

        // The nudge goes out with the organization's token, though nobody in the workspace has used
        // bossreview since.
        // (Only this workspace's nudges: the fake Slack keeps its calls for the other tests of the
        // class.)
        TestDatabase.database()
                .jdbi()
                .useHandle(h -> h.execute("DELETE FROM nudge WHERE team_id <> ?", sales));
        clock.set(
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT due_at FROM nudge WHERE team_id = :t AND kind = 'BOOK_REVIEW'")
                                                .bind("t", sales)
                                                .mapTo(java.time.Instant.class)
                                                .one()));
        Nudging.drain(app.nudges().engine());
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE team_id = '"
                                        + sales
                                        + "' AND kind = 'BOOK_REVIEW' AND state = 'SENT'"))
                .isEqualTo(1);
        assertThat(slack.calls("chat.postMessage"))
                .filteredOn(c -> "U3CARA".equals(c.param("channel")))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo("xoxb-999-initech-org"));
        assertThat(purge.purgeExpired(MONDAY_0800_NEW_YORK.plus(Duration.ofDays(60)))).isZero();
        assertThat(app.slack().command(org, sales, "U3CARA", "agenda").body())
                .contains("Sales closed Q4 early");
    }
}
