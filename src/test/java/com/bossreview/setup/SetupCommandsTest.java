package com.bossreview.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetupCommandsTest extends AppTest {

    private static JsonObject values(
            String boss,
            String day,
            String time,
            String tz,
            String prime,
            String fiscal,
            String nudges) {
        JsonObject v = new JsonObject();
        v.add(
                "boss",
                block(
                        "boss",
                        boss == null
                                ? null
                                : Map.of("type", "users_select", "selected_user", boss)));
        v.add(
                "review_day",
                block(
                        "review_day",
                        day == null
                                ? Map.of("type", "static_select")
                                : Map.of(
                                        "type",
                                        "static_select",
                                        "selected_option",
                                        Map.of(
                                                "text",
                                                Map.of("type", "plain_text", "text", day),
                                                "value",
                                                day))));
        v.add(
                "review_time",
                block(
                        "review_time",
                        time == null
                                ? Map.of("type", "timepicker")
                                : Map.of("type", "timepicker", "selected_time", time)));
        v.add("tz", block("tz", Map.of("type", "plain_text_input", "value", tz)));
        v.add("prime", block("prime", Map.of("type", "plain_text_input", "value", prime)));
        v.add(
                "fiscal",
                block(
                        "fiscal",
                        Map.of(
                                "type",
                                "static_select",
                                "selected_option",
                                Map.of(
                                        "text",
                                        Map.of("type", "plain_text", "text", fiscal),
                                        "value",
                                        fiscal))));
        v.add(
                "nudges",
                block(
                        "nudges",
                        Map.of(
                                "type",
                                "radio_buttons",
                                "selected_option",
                                Map.of(
                                        "text",
                                        Map.of("type", "plain_text", "text", nudges),
                                        "value",
                                        nudges))));
        return v;
    }

    private static JsonObject block(String actionId, Map<String, ?> state) {
        JsonObject block = new JsonObject();
        block.add(
                actionId,
                state == null
                        ? new JsonObject()
                        : JsonParser.parseString(new com.google.gson.Gson().toJson(state))
                                .getAsJsonObject());
        return block;
    }

    @Test
    void setup_opens_the_modal_with_the_trigger_id() throws Exception {
        int opens = seen("views.open");
        assertThat(app.slack().command(TEAM, ME, "setup").statusCode()).isEqualTo(200);
        var call = next("views.open", opens);
        assertThat(call.param("trigger_id")).isEqualTo("13345224609.738474920.8088930838d88f008e0");
        JsonObject view = JsonParser.parseString(call.param("view")).getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo("setup_modal");
        assertThat(view.toString())
                .contains("users_select", "timepicker", "09:00-12:00,13:30-17:00");
    }

    @Test
    void the_settings_button_opens_it_too() throws Exception {
        int opens = seen("views.open");
        app.slack().click(TEAM, ME, "open_setup", "");
        assertThat(next("views.open", opens).param("view")).contains("setup_modal");
    }

    @Test
    void a_valid_submission_saves_everything_and_confirms_by_dm() throws Exception {
        slack.user(BOSS, TEAM, false, false, "Europe/Paris");
        int dms = seen("chat.postMessage");
        var r =
                app.slack()
                        .submit(
                                TEAM,
                                ME,
                                "setup_modal",
                                "",
                                values(
                                        BOSS,
                                        "5",
                                        "16:30",
                                        "Europe/Berlin",
                                        "08:00-12:00",
                                        "4",
                                        "off"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
        var dm = next("chat.postMessage", dms);
        assertThat(dm.param("channel")).isEqualTo(ME);
        assertThat(dm.param("text")).contains("Setup saved", "<@U0BOSS> is your boss");
        Map<String, Object> row =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT * FROM manager WHERE team_id = :t AND user_id = :u")
                                                .bind("t", TEAM)
                                                .bind("u", ME)
                                                .mapToMap()
                                                .one());
        assertThat(row)
                .containsEntry("boss_user_id", BOSS)
                .containsEntry("time_zone", "Europe/Berlin")
                .containsEntry("review_day", 5)
                .containsEntry("prime_hours", "08:00-12:00")
                .containsEntry("fiscal_start_month", 4)
                .containsEntry("nudges_enabled", false);
        assertThat(row.get("review_time").toString()).isEqualTo("16:30:00");
    }

    @Test
    void values_sent_back_as_the_form_showed_them_keep_following_the_workspace_defaults()
            throws Exception {
        managerWithBoss();
        slack.user(BOSS, TEAM, false, false, "Europe/Paris");
        int dms = seen("chat.postMessage");
        var unchanged =
                app.slack()
                        .submit(
                                TEAM,
                                ME,
                                "setup_modal",
                                "",
                                values(
                                        BOSS,
                                        null,
                                        null,
                                        "America/New_York",
                                        "09:00-12:00,13:30-17:00",
                                        "1",
                                        "on"));
        assertThat(unchanged.statusCode()).isEqualTo(200);
        next("chat.postMessage", dms);
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE prime_hours IS NULL AND fiscal_start_month IS NULL"))
                .isEqualTo(1);
        app.slack()
                .submit(
                        TEAM,
                        ME,
                        "setup_modal",
                        "",
                        values(BOSS, null, null, "America/New_York", "08:00-12:00", "1", "on"));
        next("chat.postMessage", dms + 1);
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE prime_hours = '08:00-12:00' AND fiscal_start_month IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void invalid_fields_come_back_as_errors_under_each_field_and_nothing_is_saved() {
        var r =
                app.slack()
                        .submit(
                                TEAM,
                                ME,
                                "setup_modal",
                                "",
                                values(ME, "3", "10:00", "Mars/Base", "09:00-12:00", "1", "on"));
        JsonObject body = JsonParser.parseString(r.body()).getAsJsonObject();
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        JsonObject errors = body.getAsJsonObject("errors");
        assertThat(errors.get("boss").getAsString()).contains("can't be your own boss");
        assertThat(errors.get("tz").getAsString()).contains("IANA");
        assertThat(errors.get("review_time").getAsString())
                .contains("prime sales hours", "08:30", "12:00");
        assertThat(TestDatabase.rows("manager")).isZero();

        var half =
                app.slack()
                        .submit(
                                TEAM,
                                ME,
                                "setup_modal",
                                "",
                                values(null, "3", null, "UTC", "nonsense", "1", "on"));
        JsonObject halfErrors =
                JsonParser.parseString(half.body()).getAsJsonObject().getAsJsonObject("errors");
        assertThat(halfErrors.keySet()).containsExactlyInAnyOrder("review_time", "prime");
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void prime_hours_covering_the_review_slot_kept_by_a_blank_day_and_time_are_refused() {
        assertThat(command("review fri 17:30")).doesNotContain(":no_entry:");
        var r =
                app.slack()
                        .submit(
                                TEAM,
                                ME,
                                "setup_modal",
                                "",
                                values(null, null, null, "UTC", "09:00-18:00", "1", "on"));
        JsonObject errors =
                JsonParser.parseString(r.body()).getAsJsonObject().getAsJsonObject("errors");
        assertThat(errors.keySet()).containsExactly("prime");
        assertThat(errors.get("prime").getAsString()).contains("Friday 17:30");
        assertThat(TestDatabase.rows("manager WHERE prime_hours = '09:00-18:00'")).isZero();

        var moved =
                app.slack()
                        .submit(
                                TEAM,
                                ME,
                                "setup_modal",
                                "",
                                values(null, "5", "18:00", "UTC", "09:00-18:00", "1", "on"));
        assertThat(moved.body()).isEmpty();
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE prime_hours = '09:00-18:00' AND review_time = '18:00'"))
                .isEqualTo(1);
    }

    @Test
    void a_bot_picked_as_boss_is_not_stored_and_the_manager_is_told() throws Exception {
        slack.user("U0BOT", TEAM, true, false, "UTC");
        int dms = seen("chat.postMessage");
        app.slack()
                .submit(
                        TEAM,
                        ME,
                        "setup_modal",
                        "",
                        values("U0BOT", null, null, "UTC", "09:00-12:00", "1", "on"));
        assertThat(next("chat.postMessage", dms).param("text"))
                .contains("can't be your boss", "not changed");
        assertThat(TestDatabase.rows("manager WHERE boss_user_id IS NULL")).isEqualTo(1);
    }

    @Test
    void views_open_failing_is_told_to_the_manager() throws Exception {
        slack.fail(
                "views.open",
                new com.bossreview.support.FakeSlack.Fault.ApiError("expired_trigger_id"),
                1);
        int responses = seen(com.bossreview.support.FakeSlack.RESPONSE_URL);
        app.slack().command(TEAM, ME, "setup");
        assertThat(next(com.bossreview.support.FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("couldn't open the setup form", "expired_trigger_id");
    }

    @Test
    void
            a_brand_new_users_first_command_setup_opens_in_their_slack_profile_zone_and_saving_it_keeps_following_it()
                    throws Exception {
        String newcomer = "U0NEWCOMER";
        slack.user(newcomer, TEAM, false, false, "Europe/Paris");
        int opens = seen("views.open");

        app.slack().command(TEAM, newcomer, "setup");

        JsonObject view =
                JsonParser.parseString(next("views.open", opens).param("view")).getAsJsonObject();
        assertThat(view.toString())
                .contains("\"initial_value\":\"Europe/Paris\"")
                .doesNotContain("\"initial_value\":\"UTC\"");

        app.slack()
                .submit(
                        TEAM,
                        newcomer,
                        "setup_modal",
                        "",
                        values(null, null, null, "Europe/Paris", "09:00-12:00", "1", "on"));
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE user_id = 'U0NEWCOMER' AND time_zone = 'Europe/Paris' "
                                        + "AND NOT zone_explicit"))
                .isEqualTo(1);
    }

    @Test
    void a_zone_changed_in_the_form_is_the_managers_own_choice() throws Exception {
        String mover = "U0MOVER";
        slack.user(mover, TEAM, false, false, "Europe/Paris");
        int opens = seen("views.open");
        app.slack().command(TEAM, mover, "setup");
        next("views.open", opens);

        app.slack()
                .submit(
                        TEAM,
                        mover,
                        "setup_modal",
                        "",
                        values(null, null, null, "Asia/Tokyo", "09:00-12:00", "1", "on"));

        assertThat(
                        TestDatabase.rows(
                                "manager WHERE user_id = 'U0MOVER' AND time_zone = 'Asia/Tokyo' AND zone_explicit"))
                .isEqualTo(1);
    }

    @Test
    void when_slack_cannot_tell_the_profile_zone_the_form_still_opens() throws Exception {
        String unknown = "U0NOPROFILE";
        slack.fail("users.info", new com.bossreview.support.FakeSlack.Fault.ServerError(500), 1);
        int opens = seen("views.open");
        app.slack().command(TEAM, unknown, "setup");
        assertThat(next("views.open", opens).param("view")).contains("setup_modal");
    }
}
