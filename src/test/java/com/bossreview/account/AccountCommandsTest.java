package com.bossreview.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class AccountCommandsTest extends AppTest {

    private static void data(String team) {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    "INSERT INTO weekly_review VALUES (?, ?, 2026, 47, 'HELD', ?)",
                                    team,
                                    ME,
                                    WEDNESDAY);
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at, shared_at, shared_with) "
                                            + "VALUES (?, ?, 'BAD', 'Lost the \"Acme\" renewal', ?, ?, 'U0BOSS')",
                                    team,
                                    ME,
                                    WEDNESDAY,
                                    WEDNESDAY);
                            h.execute(
                                    "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, note, recorded_at, "
                                            + "shared_at, shared_with, told_via) VALUES (?, ?, 2026, 4, 250000.50, 'GBP', 'after Acme', ?, ?, 'U0BOSS', "
                                            + "'AGENDA')",
                                    team,
                                    ME,
                                    WEDNESDAY,
                                    WEDNESDAY);
                            h.execute(
                                    "INSERT INTO agenda_sent (team_id, user_id, sent_at, sent_to, body) VALUES (?, ?, ?, 'U0BOSS', 'agenda')",
                                    team,
                                    ME,
                                    WEDNESDAY);
                            h.execute(
                                    "INSERT INTO boss_reply (team_id, user_id, boss_user_id, news_id, reply, question, answered_at) "
                                            + "SELECT team_id, user_id, 'U0BOSS', id, 'ASK', 'Who else knows?', ? FROM news WHERE team_id = ?",
                                    WEDNESDAY,
                                    team);
                            h.execute(
                                    "INSERT INTO boss_intro (team_id, boss_user_id, user_id, introduced_at) VALUES (?, 'U0BOSS', ?, ?)",
                                    team,
                                    ME,
                                    WEDNESDAY);
                            h.execute(
                                    "INSERT INTO review_feedback (team_id, user_id, week, boss_user_id, boss_said, written_at) "
                                            + "VALUES (?, ?, '2026-W47', 'U0BOSS', 'Close Acme before the 15th', ?)",
                                    team,
                                    ME,
                                    WEDNESDAY);
                            h.execute(
                                    "INSERT INTO agenda_item (team_id, user_id, kind, rep_user_id, body, added_at) "
                                            + "VALUES (?, ?, 'CREDIT', 'U0REP', 'won Initech', ?)",
                                    team,
                                    ME,
                                    WEDNESDAY);
                        });
    }

    @Test
    void export_sends_everything_stored_as_a_json_file_in_a_dm() throws Exception {
        managerWithBoss();
        data(TEAM);
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    "INSERT INTO boss_coffee (team_id, user_id, offered_at) VALUES (?, ?, ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY);
                            h.execute(
                                    "UPDATE manager SET crm_owners = 'amy@acme.com', crm_threshold = 50000"
                                            + " WHERE user_id = ?",
                                    ME);
                        });
        int uploads = seen(FakeSlack.FILE_UPLOAD);
        int completes = seen("files.completeUploadExternal");
        assertThat(command("export")).contains("Preparing your export");
        JsonObject export =
                JsonParser.parseString(next(FakeSlack.FILE_UPLOAD, uploads).param("content"))
                        .getAsJsonObject();
        assertThat(export.get("user_id").getAsString()).isEqualTo(ME);
        assertThat(export.getAsJsonObject("settings").get("boss_user_id").getAsString())
                .isEqualTo(BOSS);
        assertThat(export.getAsJsonArray("news").get(0).getAsJsonObject().get("text").getAsString())
                .isEqualTo("Lost the \"Acme\" renewal");
        assertThat(
                        export.getAsJsonArray("news")
                                .get(0)
                                .getAsJsonObject()
                                .get("shared_with")
                                .getAsString())
                .isEqualTo(BOSS);
        assertThat(
                        export.getAsJsonArray("forecasts")
                                .get(0)
                                .getAsJsonObject()
                                .get("amount")
                                .getAsBigDecimal())
                .isEqualByComparingTo("250000.50");
        assertThat(export.getAsJsonArray("forecasts").get(0).getAsJsonObject().toString())
                .contains(
                        "\"currency\":\"GBP\"",
                        "\"shown_as\":\"£250,000.50\"",
                        "\"told_via\":\"agenda\"",
                        "\"shared_with\":\"U0BOSS\"");
        assertThat(
                        export.getAsJsonArray("weekly_reviews")
                                .get(0)
                                .getAsJsonObject()
                                .get("week")
                                .getAsString())
                .isEqualTo("2026-W47");
        assertThat(export.getAsJsonArray("agendas_sent")).hasSize(1);
        assertThat(export.getAsJsonArray("review_feedback").get(0).getAsJsonObject().toString())
                .contains("\"week\":\"2026-W47\"", "\"boss_said\":\"Close Acme before the 15th\"");
        assertThat(export.getAsJsonArray("agenda_items").get(0).getAsJsonObject().toString())
                .contains(
                        "\"kind\":\"credit\"",
                        "\"rep_user_id\":\"U0REP\"",
                        "\"text\":\"won Initech\"");
        JsonObject reply = export.getAsJsonArray("boss_replies").get(0).getAsJsonObject();
        assertThat(reply.get("answered").getAsString()).startsWith("news:");
        assertThat(reply.get("reply").getAsString()).isEqualTo("ask");
        assertThat(reply.get("question").getAsString()).isEqualTo("Who else knows?");
        assertThat(reply.get("boss_user_id").getAsString()).isEqualTo(BOSS);
        assertThat(export.get("coffee_offered_at").getAsString()).isEqualTo(WEDNESDAY.toString());
        assertThat(export.getAsJsonObject("settings").toString())
                .contains("\"crm_owners\":\"amy@acme.com\"", "\"crm_threshold\":50000");
        assertThat(export.getAsJsonObject("as_boss").get("weekly_digest").isJsonNull()).isTrue();
        FakeSlack.Call complete = next("files.completeUploadExternal", completes);
        assertThat(complete.param("channel_id")).isEqualTo("D069C7QFK");
        assertThat(slack.calls("conversations.open"))
                .anySatisfy(c -> assertThat(c.param("users")).isEqualTo(ME));
    }

    @Test
    void export_of_someone_never_seen_says_there_is_nothing() {
        assertThat(command("export")).contains("nothing to export");
    }

    @Test
    void forget_asks_first_then_deletes_every_row_of_the_manager_only() throws Exception {
        managerWithBoss();
        data(TEAM);
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "INSERT INTO manager (team_id, user_id, created_at) VALUES ('T0OTHER', ?, ?)",
                                        ME,
                                        WEDNESDAY));
        data("T0OTHER");
        String ask = commandJson("forget").toString();
        assertThat(ask).contains("\"action_id\":\"confirm_forget\"", "\"value\":\"U0MANAGER\"");
        assertThat(TestDatabase.rows("manager")).isEqualTo(2);

        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "confirm_forget", ME);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("everything bossreview stored about you is deleted");
        for (String table :
                new String[] {
                    "manager",
                    "weekly_review",
                    "news",
                    "forecast",
                    "agenda_sent",
                    "boss_reply",
                    "boss_intro",
                    "review_feedback",
                    "agenda_item"
                }) {
            assertThat(
                            TestDatabase.rows(
                                    table
                                            + " WHERE team_id = '"
                                            + TEAM
                                            + "' AND user_id = '"
                                            + ME
                                            + "'"))
                    .as(table)
                    .isZero();
            assertThat(TestDatabase.rows(table + " WHERE team_id = 'T0OTHER'"))
                    .as(table + " of the other workspace")
                    .isEqualTo(1);
        }
    }

    @Test
    void a_forged_confirm_forget_for_someone_else_deletes_nothing() throws Exception {
        managerWithBoss();
        data(TEAM);
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, "U0MALLORY", "confirm_forget", ME);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("isn't yours");
        assertThat(TestDatabase.rows("news")).isEqualTo(1);
        assertThat(TestDatabase.rows("manager")).isEqualTo(1);
    }

    @Test
    void keep_my_data_deletes_nothing() throws Exception {
        managerWithBoss();
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "cancel_forget", ME);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("Nothing was deleted");
        assertThat(TestDatabase.rows("manager")).isEqualTo(1);
    }
}
