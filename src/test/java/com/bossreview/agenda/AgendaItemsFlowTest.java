package com.bossreview.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code ask} and {@code credit}: on every agenda until resolved, with one working button. */
class AgendaItemsFlowTest extends AppTest {

    private static long onlyItem() {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT id FROM agenda_item").mapTo(Long.class).one());
    }

    @Test
    void ask_and_credit_go_on_the_agenda_and_the_boss_learns_the_reps_name() throws Exception {
        managerWithBoss();
        String asked = commandJson("ask Two more SEs for <Q1>").toString();
        assertThat(asked)
                .contains("Added for senior management", "\"action_id\":\"resolve_agenda_item\"");
        String credited =
                commandJson("credit <@U0REP|dana> closed Initech, our biggest deal").toString();
        assertThat(credited).contains("Credit noted", "<@U0REP>");
        assertThat(TestDatabase.rows("agenda_item WHERE kind = 'CREDIT' AND rep_user_id = 'U0REP'"))
                .isOne();

        String agenda = commandJson("agenda").toString();
        assertThat(agenda)
                .contains(
                        "*For senior management*",
                        "Two more SEs for &lt;Q1&gt;",
                        "*Credit where due*",
                        "<@U0REP> closed Initech, our biggest deal");
        assertThat(agenda.split("resolve_agenda_item", -1)).hasSize(3);

        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");
        assertThat(next("chat.postMessage", dms).json("blocks"))
                .contains(
                        "*For senior management*\\n• Two more SEs for &lt;Q1&gt;",
                        "*Credit where due*\\n• <@U0REP> closed Initech, our biggest deal");

        // Carried over: next week's agenda still has both.
        clock.advance(Duration.ofDays(7));
        assertThat(commandJson("agenda").toString())
                .contains("Two more SEs for &lt;Q1&gt;", "<@U0REP> closed Initech");
    }

    @Test
    void credit_without_a_mention_or_a_win_and_an_empty_or_long_ask_change_nothing() {
        managerWithBoss();
        assertThat(command("credit dana closed Initech"))
                .contains("Slack mention", "Usage: `/bossreview credit @rep <text>`");
        assertThat(command("credit <@U0REP|dana>"))
                .contains("say what they won", "Usage: `/bossreview credit @rep <text>`");
        assertThat(command("credit")).contains("Usage: `/bossreview credit @rep <text>`");
        assertThat(command("ask   ")).contains("Usage: `/bossreview ask <text>`");
        assertThat(command("ask " + "x".repeat(501))).contains("501 characters", "500");
        assertThat(TestDatabase.rows("agenda_item")).isZero();
    }

    @Test
    void resolved_on_the_draft_shows_the_draft_again_without_it_and_a_second_click_changes_nothing()
            throws Exception {
        managerWithBoss();
        command("ask Budget for the Q1 kickoff");
        long id = onlyItem();
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "resolve_agenda_item", Long.toString(id), "agenda_item_" + id);
        FakeSlack.Call answer = next(FakeSlack.RESPONSE_URL, responses);
        assertThat(answer.param("replace_original")).isEqualTo("true");
        assertThat(answer.param("text")).contains("Resolved", "Budget for the Q1 kickoff");
        assertThat(answer.param("blocks"))
                .contains("Agenda for your next weekly review", "send_agenda")
                .doesNotContain("resolve_agenda_item", "For senior management");
        String resolvedAt = resolvedAt(id);

        clock.advance(Duration.ofMinutes(5));
        app.slack().click(TEAM, ME, "resolve_agenda_item", Long.toString(id), "agenda_item_added");
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 1).param("text"))
                .contains("already resolved");
        assertThat(resolvedAt(id)).isEqualTo(resolvedAt);
        assertThat(commandJson("agenda").toString()).doesNotContain("Budget for the Q1 kickoff");
    }

    @Test
    void resolved_on_app_home_republishes_the_tab_with_the_answer() throws Exception {
        managerWithBoss();
        command("credit <@U0REP|dana> renewed Hooli early");
        long id = onlyItem();
        int publishes = seen("views.publish");
        app.slack().clickOnHome(TEAM, ME, "resolve_agenda_item", Long.toString(id));
        assertThat(next("views.publish", publishes).json("view"))
                .contains("Resolved, off your agenda", "\"type\":\"home\"")
                .doesNotContain("resolve_agenda_item");
        assertThat(TestDatabase.rows("agenda_item WHERE resolved_at IS NOT NULL")).isOne();
    }

    @Test
    void a_forged_or_someone_elses_item_is_not_found_and_stays_open() throws Exception {
        managerWithBoss();
        command("ask Hiring freeze exemption");
        long id = onlyItem();
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, "U0MALLORY", "resolve_agenda_item", Long.toString(id));
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("can't find");
        app.slack().click(TEAM, ME, "resolve_agenda_item", "1e3");
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 1).param("text"))
                .contains("can't find");
        assertThat(TestDatabase.rows("agenda_item WHERE resolved_at IS NULL")).isOne();
    }

    @Test
    void the_agenda_asks_which_reps_win_senior_management_should_hear_about() {
        assertThat(AgendaService.QUESTIONS)
                .contains("Which of my reps' wins should senior management hear about?")
                .noneMatch(q -> q.contains("get to know better"));
    }

    private static String resolvedAt(long id) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT resolved_at::text FROM agenda_item WHERE id = :id")
                                        .bind("id", id)
                                        .mapTo(String.class)
                                        .one());
    }
}
