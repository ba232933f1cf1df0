package com.bossreview.manager;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class BossCommandTest {
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String ME = "U0MANAGER";
    private static FakeSlack slack;
    private static TestApp app;
    private static int responsesBefore;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        app = TestApp.start(slack, MutableClock.atRealNow());
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void count() {
        responsesBefore = slack.calls(FakeSlack.RESPONSE_URL).size();
    }

    private static String nextResponse() throws InterruptedException {
        return slack.awaitCalls(FakeSlack.RESPONSE_URL, responsesBefore + 1, Duration.ofSeconds(10))
                .get(responsesBefore)
                .param("text");
    }

    private static Optional<String> storedBoss() {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT boss_user_id FROM manager WHERE team_id = :t AND user_id = :u")
                                        .bind("t", TEAM)
                                        .bind("u", ME)
                                        .mapTo(String.class)
                                        .findOne());
    }

    @Test
    void boss_is_checked_with_slack_and_stored() throws Exception {
        slack.user("U0BOSS", TEAM, false, false, "Europe/Paris");
        assertThat(app.slack().command(TEAM, ME, "boss <@U0BOSS|maria>").statusCode())
                .isEqualTo(200);
        assertThat(nextResponse()).contains("<@U0BOSS> is your boss");
        assertThat(storedBoss()).contains("U0BOSS");
        assertThat(slack.calls("users.info"))
                .anySatisfy(c -> assertThat(c.param("user")).isEqualTo("U0BOSS"));
    }

    @Test
    void the_managers_time_zone_comes_from_their_slack_profile() throws Exception {
        slack.user(ME, TEAM, false, false, "Asia/Tokyo");
        app.slack().command(TEAM, ME, "boss <@U0BOSS2>");
        nextResponse();
        slack.awaitCalls("users.info", 2, Duration.ofSeconds(10));
        String zone = awaitZone("Asia/Tokyo");
        assertThat(zone).isEqualTo("Asia/Tokyo");
    }

    @Test
    void a_manager_cannot_be_their_own_boss() {
        String body = SlackRequests.text(app.slack().command(TEAM, ME, "boss <@" + ME + "|me>"));
        assertThat(body).contains("can't be your own boss");
        assertThat(storedBoss()).isEmpty();
    }

    @Test
    void a_bot_is_refused() throws Exception {
        slack.user("U0BOT", TEAM, true, false, "UTC");
        app.slack().command(TEAM, ME, "boss <@U0BOT>");
        assertThat(nextResponse()).contains("is a bot").contains("Nothing was changed");
        assertThat(storedBoss()).isEmpty();
    }

    @Test
    void a_user_of_another_workspace_is_refused() throws Exception {
        slack.user("U0STRANGER", "T0OTHER", false, false, "UTC");
        app.slack().command(TEAM, ME, "boss <@U0STRANGER>");
        assertThat(nextResponse()).contains("can't find <@U0STRANGER> in this workspace");
        assertThat(storedBoss()).isEmpty();
    }

    @Test
    void
            on_enterprise_grid_a_boss_whose_home_is_another_workspace_of_the_org_but_who_is_a_member_here_is_accepted()
                    throws Exception {
        slack.orgUser("W0GRIDBOSS", "T0HQ", "E0ORG", java.util.List.of("T0HQ", TEAM));
        app.slack().command(TEAM, ME, "boss <@W0GRIDBOSS>");
        assertThat(nextResponse()).contains("<@W0GRIDBOSS> is your boss");
        assertThat(storedBoss()).contains("W0GRIDBOSS");
    }

    @Test
    void on_enterprise_grid_a_member_of_other_workspaces_only_is_refused() throws Exception {
        slack.orgUser("W0ELSEWHERE", "T0HQ", "E0ORG", java.util.List.of("T0HQ", "T0SALES"));
        app.slack().command(TEAM, ME, "boss <@W0ELSEWHERE>");
        assertThat(nextResponse()).contains("can't find <@W0ELSEWHERE> in this workspace");
        assertThat(storedBoss()).isEmpty();
    }

    @Test
    void text_that_is_not_one_mention_gets_the_usage_and_changes_nothing() {
        for (String bad :
                new String[] {"", "maria", "<@U1> <@U2>", "'; drop table manager; --", "@maria"}) {
            String body = SlackRequests.text(app.slack().command(TEAM, ME, "boss " + bad));
            assertThat(body).contains("/bossreview boss @user");
        }
        assertThat(storedBoss()).isEmpty();
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void slack_failing_is_told_to_the_user_and_changes_nothing() throws Exception {
        slack.fail("users.info", new FakeSlack.Fault.ServerError(500), 1);
        app.slack().command(TEAM, ME, "boss <@U0BOSS>");
        assertThat(nextResponse())
                .contains("couldn't check <@U0BOSS> with Slack")
                .contains("http_500")
                .contains("not changed");
        assertThat(storedBoss()).isEmpty();
    }

    private static String awaitZone(String expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String zone = null;
        while (System.nanoTime() < deadline) {
            zone =
                    TestDatabase.database()
                            .jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery(
                                                            "SELECT time_zone FROM manager WHERE team_id = :t AND user_id = :u")
                                                    .bind("t", TEAM)
                                                    .bind("u", ME)
                                                    .mapTo(String.class)
                                                    .findOne()
                                                    .orElse(null));
            if (expected.equals(zone)) {
                return zone;
            }
            Thread.onSpinWait();
        }
        return zone;
    }
}
