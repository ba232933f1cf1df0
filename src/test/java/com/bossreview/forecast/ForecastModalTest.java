package com.bossreview.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class ForecastModalTest {
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String TEAM2 = "T0002";
    private static final String ME = "U0MANAGER";
    private static final String TRIGGER = "13345224609.738474920.8088930838d88f008e0";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MutableClock clock =
            new MutableClock(Instant.parse("2026-05-15T15:00:00Z"));
    private static FakeSlack slack;
    private static TestApp app;
    private int opensBefore;
    private int dmsBefore;
    private int responsesBefore;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        slack.user(ME, TEAM, false, false, "UTC");
        app = TestApp.start(slack, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void count() {
        opensBefore = slack.calls("views.open").size();
        dmsBefore = slack.calls("chat.postMessage").size();
        responsesBefore = slack.calls(FakeSlack.RESPONSE_URL).size();
    }

    private static JsonObject values(String amount, String note) {
        JsonObject values = new JsonObject();
        values.add(ForecastViews.AMOUNT_BLOCK, input(ForecastViews.AMOUNT_ACTION, amount));
        values.add(ForecastViews.NOTE_BLOCK, input(ForecastViews.NOTE_ACTION, note));
        return values;
    }

    private static JsonObject input(String actionId, String value) {
        JsonObject element = new JsonObject();
        element.addProperty("type", "plain_text_input");
        if (value != null) {
            element.addProperty("value", value);
        }
        JsonObject block = new JsonObject();
        block.add(actionId, element);
        return block;
    }

    private static HttpResponse<String> submit(String team, String amount, String note) {
        HttpResponse<String> ack =
                app.slack().submit(team, ME, "forecast_modal", "", values(amount, note));
        assertThat(ack.statusCode()).isEqualTo(200);
        return ack;
    }

    private JsonObject openedView() throws InterruptedException {
        FakeSlack.Call open =
                slack.awaitCalls("views.open", opensBefore + 1, WAIT).get(opensBefore);
        assertThat(open.param("trigger_id")).isEqualTo(TRIGGER);
        return JsonParser.parseString(open.param("view")).getAsJsonObject();
    }

    @Test
    void the_update_button_opens_the_modal_with_the_latest_figure_as_a_hint() throws Exception {
        app.slack().command(TEAM, ME, "forecast £300k");
        assertThat(app.slack().click(TEAM, ME, "open_forecast_modal", "").statusCode())
                .isEqualTo(200);
        JsonObject view = openedView();
        assertThat(view.get("callback_id").getAsString()).isEqualTo("forecast_modal");
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.toString())
                .contains("\"block_id\":\"" + ForecastViews.AMOUNT_BLOCK + "\"")
                .contains("\"action_id\":\"" + ForecastViews.AMOUNT_ACTION + "\"")
                .contains("Latest for Q2 FY2026: £300,000");
    }

    @Test
    void opening_the_modal_for_a_new_manager_changes_nothing() throws Exception {
        // Someone no other test uses: a zone refresh another test queued may still write its own
        // manager row.
        app.slack().click(TEAM, "U0NEWCOMER", "open_forecast_modal", "whatever");
        assertThat(openedView().toString()).contains("No figure yet this quarter.");
        assertThat(TestDatabase.rows("manager WHERE user_id = 'U0NEWCOMER'")).isZero();
    }

    @Test
    void a_modal_slack_will_not_open_is_told_through_the_response_url() throws Exception {
        slack.fail("views.open", new FakeSlack.Fault.ApiError("expired_trigger_id"), 1);
        app.slack().click(TEAM, ME, "open_forecast_modal", "");
        FakeSlack.Call reply =
                slack.awaitCalls(FakeSlack.RESPONSE_URL, responsesBefore + 1, WAIT)
                        .get(responsesBefore);
        assertThat(reply.param("text"))
                .contains("couldn't open the forecast form")
                .contains("expired_trigger_id")
                .contains("/bossreview forecast <amount> [note]");
        assertThat(reply.param("response_type")).isEqualTo("ephemeral");
    }

    @Test
    void a_bad_amount_keeps_the_modal_open_with_the_reason_and_stores_nothing() {
        for (String bad : new String[] {"lots", "12..5", "-5k", "0", "🚀", "20bn", ""}) {
            HttpResponse<String> ack = submit(TEAM, bad, "note");
            JsonObject body = JsonParser.parseString(ack.body()).getAsJsonObject();
            assertThat(body.get("response_action").getAsString()).as(bad).isEqualTo("errors");
            assertThat(body.getAsJsonObject("errors").get(ForecastViews.AMOUNT_BLOCK).getAsString())
                    .as(bad)
                    .isNotBlank()
                    .doesNotContain("`");
        }
        HttpResponse<String> missing = submit(TEAM, null, null);
        JsonObject body = JsonParser.parseString(missing.body()).getAsJsonObject();
        assertThat(body.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(body.getAsJsonObject("errors").get(ForecastViews.AMOUNT_BLOCK).getAsString())
                .contains("There's no amount");
        assertThat(TestDatabase.rows("forecast")).isZero();
        assertThat(TestDatabase.rows("manager")).isZero();
        assertThat(slack.calls("chat.postMessage")).hasSize(dmsBefore);
    }

    @Test
    void a_too_long_note_is_refused_under_the_note_field() {
        HttpResponse<String> ack = submit(TEAM, "250k", "x".repeat(501));
        JsonObject errors =
                JsonParser.parseString(ack.body()).getAsJsonObject().getAsJsonObject("errors");
        assertThat(errors.get(ForecastViews.NOTE_BLOCK).getAsString()).contains("500");
        assertThat(TestDatabase.rows("forecast")).isZero();
    }

    @Test
    void a_good_amount_is_stored_the_modal_closes_and_the_confirmation_comes_by_dm()
            throws Exception {
        HttpResponse<String> ack = submit(TEAM, "€1.2M", "Big renewal");
        assertThat(ack.body() == null ? "" : ack.body()).doesNotContain("errors");
        assertThat(
                        TestDatabase.rows(
                                "forecast WHERE team_id = 'T0001' AND user_id = 'U0MANAGER' "
                                        + "AND amount = 1200000 AND note = 'Big renewal'"))
                .isEqualTo(1);
        FakeSlack.Call dm =
                slack.awaitCalls("chat.postMessage", dmsBefore + 1, WAIT).get(dmsBefore);
        assertThat(dm.param("channel")).isEqualTo(ME);
        assertThat(dm.param("text"))
                .contains("Recorded *€1,200,000*")
                .contains("Q2 FY2026")
                .contains("Big renewal");
        assertThat(dm.param("blocks")).contains("open_forecast_modal");
    }

    @Test
    void a_figure_below_the_told_one_from_the_modal_is_a_downgrade_with_the_tell_boss_now_button()
            throws Exception {
        app.slack().command(TEAM, ME, "forecast 300k");
        ForecastRows.told(ForecastRows.latestId(TEAM, ME), Instant.parse("2026-05-15T15:00:00Z"));
        submit(TEAM, "$250,000", "");
        long id = ForecastRows.latestId(TEAM, ME);
        FakeSlack.Call dm =
                slack.awaitCalls("chat.postMessage", dmsBefore + 1, WAIT).get(dmsBefore);
        assertThat(dm.param("text")).contains("downgrade").contains("down $50,000 (-16.7%)");
        assertThat(dm.param("blocks"))
                .contains("\"action_id\":\"share_forecast\"")
                .contains("\"value\":\"" + id + "\"")
                .contains("Tell boss now");
        assertThat(TestDatabase.rows("forecast WHERE id = " + id + " AND note IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void a_submission_in_another_workspace_is_kept_apart() throws Exception {
        app.slack().command(TEAM, ME, "forecast $300k");
        ForecastRows.told(ForecastRows.latestId(TEAM, ME), Instant.parse("2026-05-15T15:00:00Z"));
        submit(TEAM2, "250k", null);
        FakeSlack.Call dm =
                slack.awaitCalls("chat.postMessage", dmsBefore + 1, WAIT).get(dmsBefore);
        assertThat(dm.param("text")).doesNotContain("downgrade").contains("Recorded *250,000*");
        assertThat(ForecastRows.amounts(TEAM2, ME)).hasSize(1);
        assertThat(ForecastRows.amounts(TEAM, ME)).hasSize(1);
        List<String> dmTokens = List.of(dm.token());
        assertThat(dmTokens).containsExactly(TestApp.BOT_TOKEN);
    }
}
