package com.bossreview.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.Nudging;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The monthly pulse through the real app (its DM from the nudge engine, its buttons in the DM and
 * on App Home, forged and stale clicks) and {@code social <text>}, with export and forget.
 */
class PulseAndSocialTest extends AppTest {
    /** Thu 10 Dec 2026, 10:00 in New York. */
    static final Instant DEC_10 = Instant.parse("2026-12-10T15:00:00Z");

    /** Tue 15 Dec 2026, 08:30 in New York: the first working day from the 15th, booking time. */
    static final Instant PULSE_DUE = Instant.parse("2026-12-15T13:30:00Z");

    @BeforeEach
    void manager() {
        managerWithBoss();
        clock.set(DEC_10);
        app.nudges().materializer().replan(TEAM, ME);
    }

    private static List<Integer> scores() {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT score FROM pulse_answer WHERE team_id = :t AND user_id = :u ORDER BY month")
                                        .bind("t", TEAM)
                                        .bind("u", ME)
                                        .mapTo(Integer.class)
                                        .list());
    }

    private static String outcome(String kind) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT state || coalesce(':' || outcome, '') FROM nudge WHERE kind = :k AND period = '2026-12'")
                                        .bind("k", kind)
                                        .mapTo(String.class)
                                        .one());
    }

    /** The pulse DM, sent by the engine at its time. */
    private static FakeSlack.Call pulseDm() throws Exception {
        clock.set(PULSE_DUE);
        int dms = seen("chat.postMessage");
        Nudging.drain(app.nudges().engine());
        return slack.calls("chat.postMessage").subList(dms, seen("chat.postMessage")).stream()
                .filter(c -> c.param("text").contains("happy with your work"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pulse DM"));
    }

    private static String clickIn(FakeSlack.Call dm, String actionId, String value)
            throws Exception {
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().clickIn(TEAM, dm, ME, actionId, value);
        return next(FakeSlack.RESPONSE_URL, responses).param("text");
    }

    @Test
    void the_pulse_asks_once_a_month_and_a_second_click_replaces_that_months_answer()
            throws Exception {
        FakeSlack.Call dm = pulseDm();
        assertThat(dm.param("channel")).isEqualTo(ME);
        assertThat(dm.param("text"))
                .isEqualTo(
                        ":thermometer: Just for you: how sure are you that <@U0BOSS> is happy with"
                                + " your work? 1 = not at all, 5 = completely.");
        assertThat(dm.json("blocks"))
                .contains(
                        "\"action_id\":\"pulse_answer_1\"",
                        "\"value\":\"2026-12:1\"",
                        "\"action_id\":\"pulse_answer_5\"",
                        "\"value\":\"2026-12:5\"")
                .doesNotContain("snooze");
        assertThat(outcome("PULSE")).startsWith("SENT");

        assertThat(clickIn(dm, "pulse_answer_2", "2026-12:2"))
                .isEqualTo(
                        ":thermometer: Noted 2 for December 2026 — only you see it. Your trend: 2."
                                + " Click again this month to change it.");
        assertThat(clickIn(dm, "pulse_answer_4", "2026-12:4")).contains("Noted 4", "trend: 4.");
        assertThat(scores()).containsExactly(4);
        // Nobody else is told: no DM to the boss, ever.
        assertThat(slack.calls("chat.postMessage")).noneMatch(c -> BOSS.equals(c.param("channel")));
        // Answered: the engine's next run has nothing more to say this month.
        Nudging.drain(app.nudges().engine());
        assertThat(outcome("PULSE")).startsWith("SENT");
    }

    @Test
    void a_forged_or_stale_pulse_click_changes_nothing() throws Exception {
        clock.set(PULSE_DUE);
        for (String[] forged :
                new String[][] {
                    {"pulse_answer_4", "2026-12:5"}, // the value's score is not the button's
                    {"pulse_answer_4", "2026-12:4 "},
                    {"pulse_answer_4", "4"},
                    {"pulse_answer_4", "1999-13:4"}
                }) {
            int responses = seen(FakeSlack.RESPONSE_URL);
            app.slack().click(TEAM, ME, forged[0], forged[1]);
            assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                    .as(forged[1])
                    .contains("isn't valid, so nothing was recorded");
        }
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "pulse_answer_3", "2026-09:3");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("The pulse of September 2026 is closed; nothing was recorded");
        app.slack().click(TEAM, ME, "pulse_answer_3", "2027-01:3");
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 1).param("text"))
                .contains("closed; nothing was recorded");
        // Someone who never used bossreview stores nothing either.
        app.slack().click(TEAM, "U0STRANGER", "pulse_answer_3", "2026-12:3");
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 2).param("text"))
                .contains("nothing was recorded");
        assertThat(TestDatabase.rows("pulse_answer")).isZero();
        assertThat(TestDatabase.rows("manager WHERE user_id = 'U0STRANGER'")).isZero();
    }

    @Test
    void a_pulse_button_on_app_home_republishes_the_tab_with_the_answer_and_the_trend()
            throws Exception {
        clock.set(PULSE_DUE);
        int publishes = seen("views.publish");
        app.slack().clickOnHome(TEAM, ME, "pulse_answer_5", "2026-12:5");
        JsonObject view =
                JsonParser.parseString(next("views.publish", publishes).param("view"))
                        .getAsJsonObject();
        assertThat(view.toString())
                .contains("Noted 5 for December 2026")
                .contains("*How sure you are <@U0BOSS> is happy* (1–5): 5");
        assertThat(scores()).containsExactly(5);
    }

    @Test
    void the_pulse_is_skipped_while_paused() throws Exception {
        assertThat(command("pause 2026-12-20")).doesNotContain("Usage");
        clock.set(PULSE_DUE);
        int dms = seen("chat.postMessage");
        Nudging.drain(app.nudges().engine());
        assertThat(seen("chat.postMessage")).isEqualTo(dms);
        assertThat(outcome("PULSE")).isEqualTo("SKIPPED:paused");
    }

    @Test
    void social_time_is_logged_exported_and_forgotten() throws Exception {
        assertThat(command("social"))
                .contains("What did you do together? Nothing was logged.")
                .contains("/bossreview social <text>");
        assertThat(command("social " + "x".repeat(2001))).contains("2001 characters");
        assertThat(TestDatabase.rows("social_time")).isZero();

        assertThat(command("social coffee after the QBR"))
                .isEqualTo(
                        ":coffee: Logged your social time with <@U0BOSS> (1 time in the last 30"
                                + " days). Time well spent: the monthly recap counts it.");
        clock.set(PULSE_DUE);
        assertThat(command("social lunch")).contains("(2 times in the last 30 days)");
        int answered = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "pulse_answer_3", "2026-12:3");
        assertThat(next(FakeSlack.RESPONSE_URL, answered).param("text")).contains("Noted 3");

        int uploads = seen(FakeSlack.FILE_UPLOAD);
        assertThat(command("export")).contains("Preparing your export");
        JsonObject export =
                JsonParser.parseString(next(FakeSlack.FILE_UPLOAD, uploads).param("content"))
                        .getAsJsonObject();
        assertThat(export.getAsJsonArray("social_time").toString())
                .contains("\"text\":\"coffee after the QBR\"", "\"text\":\"lunch\"");
        assertThat(export.getAsJsonArray("pulse").toString())
                .contains("\"month\":\"2026-12\"", "\"score\":3");

        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "confirm_forget", ME);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("deleted");
        assertThat(TestDatabase.rows("social_time")).isZero();
        assertThat(TestDatabase.rows("pulse_answer")).isZero();
    }
}
