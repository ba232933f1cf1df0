package com.bossreview.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** After Held, the optional feedback modal; what it keeps opens the next agenda. */
class FeedbackFlowTest extends AppTest {
    private static final String WEEK = "2026-W48";

    private static HttpResponse<String> submit(String week, String said, String will) {
        JsonObject values = new JsonObject();
        values.add(FeedbackViews.SAID_BLOCK, field(said));
        values.add(FeedbackViews.WILL_BLOCK, field(will));
        return app.slack().submit(TEAM, ME, FeedbackViews.CALLBACK, week, values);
    }

    private static JsonObject field(String text) {
        JsonObject input = new JsonObject();
        input.addProperty("type", "plain_text_input");
        if (text != null) {
            input.addProperty("value", text);
        }
        JsonObject field = new JsonObject();
        field.add(FeedbackViews.TEXT_ACTION, input);
        return field;
    }

    private static FakeSlack.Call modalAfter(int opens) throws InterruptedException {
        return slack.awaitCalls("views.open", opens + 1, Duration.ofSeconds(10)).get(opens);
    }

    private static String feedback(String column) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT coalesce("
                                                        + column
                                                        + ", '-') FROM review_feedback WHERE team_id = :t AND user_id = :u")
                                        .bind("t", TEAM)
                                        .bind("u", ME)
                                        .mapTo(String.class)
                                        .one());
    }

    @Test
    void the_held_button_opens_the_modal_and_its_answers_open_the_next_agenda_and_the_boss_copy()
            throws Exception {
        managerWithBoss();
        int opens = seen("views.open");
        app.slack().click(TEAM, ME, "review_held", WEEK);
        FakeSlack.Call open = modalAfter(opens);
        assertThat(open.param("trigger_id")).isNotBlank();
        assertThat(open.json("view"))
                .contains(
                        "\"callback_id\":\"review_feedback\"",
                        "\"private_metadata\":\"2026-W48\"",
                        "What did your boss say?",
                        "What will you do?",
                        "<@U0BOSS>");
        assertThat(TestDatabase.rows("weekly_review WHERE state = 'HELD'")).isOne();

        HttpResponse<String> saved =
                submit(WEEK, "  Push <Initech> to close\nthis quarter ", "Call Initech's CFO");
        assertThat(saved.body()).contains("\"response_action\":\"update\"", "Noted");
        assertThat(feedback("boss_said")).isEqualTo("Push <Initech> to close\nthis quarter");
        assertThat(feedback("boss_user_id")).isEqualTo(BOSS);

        String agenda = commandJson("agenda").toString();
        assertThat(agenda)
                .contains(
                        "*Last time <@U0BOSS> said:* Push &lt;Initech&gt; to close this quarter",
                        "*You said you would:* Call Initech's CFO");
        assertThat(agenda.indexOf("Last time")).isLessThan(agenda.indexOf("Since our last review"));
        int publishes = seen("views.publish");
        app.slack().appHomeOpened(TEAM, ME);
        assertThat(next("views.publish", publishes).json("view"))
                .contains("*Last time <@U0BOSS> said:* Push &lt;Initech&gt; to close this quarter");

        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "send_agenda", WEEK);
        assertThat(next("chat.postMessage", dms).json("blocks"))
                .contains(
                        "*Last time <@U0BOSS> said:* Push &lt;Initech&gt; to close this quarter",
                        "*You said you would:* Call Initech's CFO");
    }

    @Test
    void a_form_closed_by_mistake_opens_again_from_the_message_held_was_clicked_on()
            throws Exception {
        managerWithBoss();
        int opens = seen("views.open");
        int replies = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "review_held", WEEK);
        modalAfter(opens);
        // The message the click replaced offers Add feedback: Held again, which opens the form.
        FakeSlack.Call replaced = next(FakeSlack.RESPONSE_URL, replies);
        assertThat(replaced.json("blocks"))
                .contains("\"action_id\":\"review_held\"", "Add feedback", "\"value\":\"" + WEEK);
        app.slack().click(TEAM, ME, "review_held", WEEK);
        assertThat(modalAfter(opens + 1).json("view"))
                .contains("\"private_metadata\":\"2026-W48\"");
        assertThat(TestDatabase.rows("weekly_review WHERE state = 'HELD'")).isOne();
    }

    @Test
    void the_held_command_opens_the_modal_and_a_failed_modal_still_counts_the_review()
            throws Exception {
        managerWithBoss();
        slack.fail("views.open", new FakeSlack.Fault.ServerError(500), 1);
        int opens = seen("views.open");
        assertThat(command("held")).contains("marked as held");
        modalAfter(opens);
        assertThat(TestDatabase.rows("weekly_review WHERE state = 'HELD'")).isOne();
        assertThat(TestDatabase.rows("review_feedback")).isZero();
    }

    @Test
    void skip_and_booked_open_no_modal() throws Exception {
        managerWithBoss();
        int opens = seen("views.open");
        assertThat(command("booked")).contains("is booked");
        assertThat(command("skip")).contains("skipped");
        // A held afterwards opens one: the first modal seen is that one, so none came before.
        assertThat(command("held")).contains("marked as held");
        modalAfter(opens);
        assertThat(seen("views.open")).isEqualTo(opens + 1);
    }

    @Test
    void both_answers_empty_store_nothing_and_saving_again_replaces() {
        managerWithBoss();
        command("held");
        assertThat(submit(WEEK, "  ", null).body()).contains("Nothing noted");
        assertThat(TestDatabase.rows("review_feedback")).isZero();
        submit(WEEK, "Good quarter so far", null);
        submit(WEEK, null, "Send the forecast by Friday");
        assertThat(TestDatabase.rows("review_feedback")).isOne();
        assertThat(feedback("boss_said")).isEqualTo("-");
        assertThat(feedback("will_do")).isEqualTo("Send the forecast by Friday");
        assertThat(commandJson("agenda").toString())
                .contains("You said you would:* Send the forecast by Friday")
                .doesNotContain("Last time");
    }

    @Test
    void too_long_an_answer_keeps_the_modal_open_with_the_reason_and_stores_nothing() {
        managerWithBoss();
        command("held");
        String body = submit(WEEK, "x".repeat(1001), "fine").body();
        assertThat(body).contains("\"response_action\":\"errors\"", "1,001 characters", "1,000");
        assertThat(TestDatabase.rows("review_feedback")).isZero();
    }

    @Test
    void feedback_for_a_week_not_held_or_forged_is_refused() {
        managerWithBoss();
        command("booked");
        assertThat(submit(WEEK, "said", "will").body()).contains("marked held any more");
        assertThat(submit("2026-W99", "said", "will").body()).contains("out of date");
        assertThat(submit("'; drop table review_feedback; --", "said", "will").body())
                .contains("out of date");
        assertThat(TestDatabase.rows("review_feedback")).isZero();
    }

    @Test
    void a_newer_reviews_feedback_replaces_the_older_one_on_the_agenda() {
        managerWithBoss();
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "INSERT INTO weekly_review VALUES (?, ?, 2026, 47, 'HELD', ?)",
                                        TEAM,
                                        ME,
                                        WEDNESDAY.minus(Duration.ofDays(7))));
        submit("2026-W47", "Older advice", "Older plan");
        assertThat(commandJson("agenda").toString()).contains("Older advice", "Older plan");
        command("held");
        submit(WEEK, "Newer advice", null);
        assertThat(commandJson("agenda").toString())
                .contains("Newer advice")
                .doesNotContain("Older advice", "Older plan");
        assertThat(TestDatabase.rows("review_feedback")).isEqualTo(2);
    }
}
