package com.bossreview.install;

import static com.bossreview.install.Workspaces.MONDAY_0800_NEW_YORK;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MultiWorkspaceAppTest;
import com.bossreview.support.Nudging;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * app_uninstalled and tokens_revoked in multi-workspace mode, with data deleted at once (the
 * default).
 */
class UninstallTest extends MultiWorkspaceAppTest {
    static final String T1 = "T0ACME", T2 = "T0GLOBEX";
    static final String TOKEN1 = "xoxb-111-acme", TOKEN2 = "xoxb-222-globex";

    @BeforeAll
    static void startApp() {
        start(MONDAY_0800_NEW_YORK, Map.of());
    }

    @BeforeEach
    void twoWorkspacesInUse() throws Exception {
        clock.set(MONDAY_0800_NEW_YORK);
        InstallBrowser.install(app, slack, "code-1", FakeSlack.Grant.workspace(T1, "Acme", TOKEN1));
        InstallBrowser.install(
                app, slack, "code-2", FakeSlack.Grant.workspace(T2, "Globex", TOKEN2));
        Workspaces.managerWithNews(T1, "U1ANNA", "U1BOSS", "Acme renewal signed");
        Workspaces.managerWithNews(T2, "U2BOB", "U2BOSS", "Globex pilot live");
        app.nudges().materializer().replan(T1, "U1ANNA");
        app.nudges().materializer().replan(T2, "U2BOB");
        assertThat(TestDatabase.rows("nudge WHERE team_id = '" + T1 + "'")).isPositive();
    }

    private static List<FakeSlack.Call> dmsTo(String user) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> user.equals(c.param("channel")))
                .toList();
    }

    @Test
    void
            uninstalling_deletes_the_token_and_data_at_once_and_stops_nudges_while_the_other_workspace_goes_on()
                    throws Exception {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    "INSERT INTO review_feedback (team_id, user_id, week, boss_said, written_at)"
                                            + " VALUES (?, 'U1ANNA', '2026-W49', 'Keep going', now())",
                                    T1);
                            h.execute(
                                    "INSERT INTO agenda_item (team_id, user_id, kind, body, added_at)"
                                            + " VALUES (?, 'U1ANNA', 'ASK', 'Two more SEs', now())",
                                    T1);
                        });
        HttpResponse<String> ack = InstallBrowser.appUninstalled(app, null, T1);
        assertThat(ack.statusCode()).isEqualTo(200);

        assertThat(TestDatabase.rows("installation WHERE team_id = '" + T1 + "'")).isZero();
        assertThat(Workspaces.tablesWithTeamId())
                .contains(
                        "manager",
                        "news",
                        "weekly_review",
                        "forecast",
                        "agenda_sent",
                        "review_feedback",
                        "agenda_item",
                        "nudge",
                        "installation");
        assertThat(Workspaces.rowsOf(T1)).isZero();
        assertThat(TestDatabase.rows("installation WHERE team_id = '" + T2 + "'")).isEqualTo(1);
        assertThat(TestDatabase.rows("news WHERE team_id = '" + T2 + "'")).isEqualTo(1);

        int annaBefore = dmsTo("U1ANNA").size();
        clock.set(MONDAY_0800_NEW_YORK.plus(Duration.ofMinutes(30)));
        Nudging.drain(app.nudges().engine());
        assertThat(dmsTo("U1ANNA")).hasSize(annaBefore);
        assertThat(dmsTo("U2BOB"))
                .isNotEmpty()
                .allSatisfy(c -> assertThat(c.token()).isEqualTo(TOKEN2));

        String agenda = app.slack().command(T2, "U2BOB", "agenda").body();
        assertThat(agenda).contains("Globex pilot live");
    }

    @Test
    void a_command_from_an_uninstalled_workspace_is_answered_politely_and_changes_nothing() {
        InstallBrowser.appUninstalled(app, null, T1);
        HttpResponse<String> ack = app.slack().command(T1, "U1NEWCOMER", "good We won Initech");
        assertThat(ack.statusCode()).isEqualTo(200);
        JsonObject reply = JsonParser.parseString(ack.body()).getAsJsonObject();
        assertThat(reply.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(reply.get("text").getAsString())
                .contains(
                        "bossreview isn't installed in this workspace any more",
                        "ask a Slack admin to reinstall it");
        assertThat(Workspaces.rowsOf(T1)).isZero();
    }

    @Test
    void a_button_or_a_home_tab_from_an_uninstalled_workspace_gets_a_200_and_a_note_not_an_error()
            throws Exception {
        InstallBrowser.appUninstalled(app, null, T1);
        int responses = slack.calls(FakeSlack.RESPONSE_URL).size();
        int publishes = slack.calls("views.publish").size();
        assertThat(app.slack().click(T1, "U1ANNA", "review_held", "2026-W49").statusCode())
                .isEqualTo(200);
        FakeSlack.Call note =
                slack.awaitCalls(FakeSlack.RESPONSE_URL, responses + 1, Duration.ofSeconds(10))
                        .get(responses);
        assertThat(note.param("text")).contains("isn't installed in this workspace any more");
        assertThat(app.slack().appHomeOpened(T1, "U1ANNA").statusCode()).isEqualTo(200);
        assertThat(slack.calls("views.publish")).hasSize(publishes);
        assertThat(Workspaces.rowsOf(T1)).isZero();
    }

    @Test
    void a_repeated_uninstall_event_is_harmless() {
        assertThat(InstallBrowser.appUninstalled(app, null, T1).statusCode()).isEqualTo(200);
        assertThat(InstallBrowser.appUninstalled(app, null, T1).statusCode()).isEqualTo(200);
        assertThat(Workspaces.rowsOf(T1)).isZero();
        assertThat(TestDatabase.rows("installation")).isEqualTo(1);
    }

    @Test
    void a_revoked_bot_token_removes_the_workspace_like_an_uninstall() {
        assertThat(
                        InstallBrowser.tokensRevoked(app, T1, List.of("UBOT" + T1), List.of())
                                .statusCode())
                .isEqualTo(200);
        assertThat(Workspaces.rowsOf(T1)).isZero();
        assertThat(Workspaces.rowsOf(T2)).isPositive();
    }

    @Test
    void revoked_user_tokens_change_nothing_since_bossreview_keeps_none() {
        int before = Workspaces.rowsOf(T1);
        assertThat(InstallBrowser.tokensRevoked(app, T1, List.of(), List.of("U1ANNA")).statusCode())
                .isEqualTo(200);
        assertThat(Workspaces.rowsOf(T1)).isEqualTo(before);
        assertThat(SlackRequests.text(app.slack().command(T1, "U1ANNA", "help"))).isNotBlank();
    }

    @Test
    void reinstalling_after_an_uninstall_starts_afresh() throws Exception {
        InstallBrowser.appUninstalled(app, null, T1);
        InstallBrowser.install(
                app,
                slack,
                "code-again",
                FakeSlack.Grant.workspace(T1, "Acme", "xoxb-111-acme-again"));
        slack.user("U1ANNA", T1, false, false, "America/New_York");
        app.slack().command(T1, "U1ANNA", "good Back again");
        List<FakeSlack.Call> lookups = slack.awaitCalls("users.info", 1, Duration.ofSeconds(10));
        assertThat(lookups.get(lookups.size() - 1).token()).isEqualTo("xoxb-111-acme-again");
        assertThat(TestDatabase.rows("news WHERE team_id = '" + T1 + "'")).isEqualTo(1);
    }
}
