package com.bossreview.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the boss was told is the baseline (SPEC §2), through the real app: replies, the boss's DM,
 * App Home, and the boss hearing each figure once.
 */
class ForecastToldTest extends AppTest {

    @BeforeEach
    void manager() {
        managerWithBoss();
    }

    private static JsonObject forecast(String args) {
        return commandJson("forecast " + args);
    }

    private static long latestId() {
        return ForecastRows.latestId(TEAM, ME);
    }

    private static List<String> buttons(JsonObject reply) {
        return ForecastCommandTest.buttons(reply).stream()
                .map(
                        b ->
                                b.get("action_id").getAsString()
                                        + (b.has("value")
                                                ? "=" + b.get("value").getAsString()
                                                : ""))
                .toList();
    }

    private static List<FakeSlack.Call> dmsToBoss() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> BOSS.equals(c.param("channel")))
                .toList();
    }

    /**
     * Clicks share_forecast on the reply of {@code id} and waits for the answer on the
     * response_url.
     */
    private static FakeSlack.Call share(long id) throws InterruptedException {
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "share_forecast", Long.toString(id));
        return next(FakeSlack.RESPONSE_URL, responses);
    }

    @Test
    void a_figure_after_an_untold_lower_one_reaches_the_boss_against_the_figure_they_were_told()
            throws Exception {
        long told = latestIdAfter(forecast("$300k"));
        assertThat(share(told).param("text")).contains("Sent to <@" + BOSS + ">");
        clock.advance(Duration.ofDays(1));
        JsonObject untold = forecast("280k");
        assertThat(ForecastCommandTest.text(untold))
                .contains("downgrade")
                .contains("down $20,000 (-6.7%)");
        clock.advance(Duration.ofDays(1));

        JsonObject reply = forecast("290k Acme back in");
        long id = latestId();
        assertThat(ForecastCommandTest.text(reply))
                .contains("downgrade")
                .contains("*$290,000*")
                .contains(
                        "down $10,000 (-3.3%) from $300,000, the figure <@"
                                + BOSS
                                + "> was last told")
                .doesNotContain("up $10,000");
        assertThat(buttons(reply)).startsWith("share_forecast=" + id);

        int before = dmsToBoss().size();
        assertThat(share(id).param("text"))
                .contains("Sent to <@" + BOSS + ">")
                .contains("down $10,000");
        assertThat(dmsToBoss()).hasSize(before + 1);
        assertThat(dmsToBoss().get(before).param("text"))
                .contains(
                        ":chart_with_downwards_trend: <@"
                                + ME
                                + "> has lowered their *Q4 FY2026* forecast to *$290,000*")
                .contains("(was $300,000: down $10,000 (-3.3%))")
                .contains("Acme back in")
                .doesNotContain("raised")
                .doesNotContain("280,000");
        assertThat(ForecastRows.toldVia(id)).contains("DM");
    }

    @Test
    void the_first_figure_of_a_quarter_offers_share_with_boss_and_sends_it() throws Exception {
        JsonObject reply = forecast("$250k");
        long id = latestId();
        assertThat(ForecastCommandTest.text(reply))
                .contains("Recorded *$250,000* as your *Q4 FY2026* forecast")
                .contains("<@" + BOSS + "> hasn't been told a *Q4 FY2026* figure yet");
        assertThat(buttons(reply)).containsExactly("share_forecast=" + id, "open_forecast_modal");

        int before = dmsToBoss().size();
        assertThat(share(id).param("text"))
                .contains("Sent to <@" + BOSS + ">: your Q4 FY2026 forecast of *$250,000*");
        assertThat(dmsToBoss()).hasSize(before + 1);
        assertThat(dmsToBoss().get(before).param("text"))
                .contains(
                        ":bar_chart: <@" + ME + "> shared their *Q4 FY2026* forecast: *$250,000*.");
    }

    @Test
    void the_figure_the_boss_was_told_again_offers_no_button() throws Exception {
        share(latestIdAfter(forecast("300k")));
        forecast("280k");
        JsonObject reply = forecast("300,000");
        assertThat(ForecastCommandTest.text(reply))
                .contains(
                        "Recorded *300,000* for *Q4 FY2026* — the same as what <@"
                                + BOSS
                                + "> knows")
                .doesNotContain("downgrade");
        assertThat(buttons(reply)).containsExactly("open_forecast_modal");
    }

    @Test
    void sharing_a_figure_replaced_since_sends_nothing_and_names_the_latest() throws Exception {
        long old = latestIdAfter(forecast("£300k"));
        forecast("250k");
        int before = dmsToBoss().size();
        FakeSlack.Call answer = share(old);
        assertThat(answer.param("text"))
                .contains("isn't your latest Q4 FY2026 forecast")
                .contains("since then you recorded *£250,000*")
                .contains("Nothing was sent");
        assertThat(answer.param("replace_original")).isEqualTo("false");
        assertThat(dmsToBoss()).hasSize(before);
        assertThat(ForecastRows.shared()).isZero();
    }

    @Test
    void a_figure_typed_in_pounds_is_shown_in_pounds_to_the_manager_and_the_boss()
            throws Exception {
        JsonObject reply = forecast("£250k");
        assertThat(ForecastCommandTest.text(reply)).contains("*£250,000*").doesNotContain("$");
        int before = dmsToBoss().size();
        share(latestId());
        assertThat(dmsToBoss().get(before).param("text"))
                .contains("*£250,000*")
                .doesNotContain("$");
        clock.advance(Duration.ofHours(1));
        JsonObject lower = forecast("240k");
        assertThat(ForecastCommandTest.text(lower))
                .contains("*£240,000*")
                .contains("down £10,000 (-4.0%) from £250,000");
    }

    @Test
    void share_on_app_home_sends_once_republishes_the_tab_and_a_double_click_sends_one_dm()
            throws Exception {
        forecast("$250k");
        long id = latestId();
        int publishes = seen("views.publish");
        app.slack().appHomeOpened(TEAM, ME);
        String tab = next("views.publish", publishes).json("view");
        assertThat(tab)
                .contains(
                        "\"action_id\":\"share_forecast\"",
                        "\"value\":\"" + id + "\"",
                        "hasn't been told a figure for this quarter yet");

        int before = dmsToBoss().size();
        int responses = seen(FakeSlack.RESPONSE_URL);
        slack.fail("chat.postMessage", new FakeSlack.Fault.Slow(Duration.ofMillis(300)), 1);
        app.slack().clickOnHome(TEAM, ME, "share_forecast", Long.toString(id));
        app.slack().clickOnHome(TEAM, ME, "share_forecast", Long.toString(id));

        var both = slack.awaitCalls("views.publish", publishes + 3, Duration.ofSeconds(10));
        String views = both.get(publishes + 1).json("view") + both.get(publishes + 2).json("view");
        assertThat(views)
                .contains("Sent to <@" + BOSS + ">: your Q4 FY2026 forecast of *$250,000*")
                .contains("already sent to <@" + BOSS + ">");
        String last = both.get(publishes + 2).json("view");
        assertThat(last)
                .doesNotContain("\"action_id\":\"share_forecast\"")
                .contains("<@" + BOSS + "> was told it");
        assertThat(dmsToBoss()).hasSize(before + 1);
        assertThat(slack.calls(FakeSlack.RESPONSE_URL)).hasSize(responses);
        assertThat(ForecastRows.sharedWith(id)).contains(BOSS);
    }

    @Test
    void a_double_click_in_a_message_sends_one_dm() throws Exception {
        long id = latestIdAfter(forecast("$250k"));
        int before = dmsToBoss().size();
        int responses = seen(FakeSlack.RESPONSE_URL);
        slack.fail("chat.postMessage", new FakeSlack.Fault.Slow(Duration.ofMillis(300)), 1);
        app.slack().click(TEAM, ME, "share_forecast", Long.toString(id));
        app.slack().click(TEAM, ME, "share_forecast", Long.toString(id));
        List<FakeSlack.Call> answers =
                slack.awaitCalls(FakeSlack.RESPONSE_URL, responses + 2, Duration.ofSeconds(10));
        assertThat(answers.subList(responses, responses + 2))
                .extracting(c -> c.param("text"))
                .anySatisfy(t -> assertThat(t).contains("Sent to <@" + BOSS + ">"))
                .anySatisfy(t -> assertThat(t).contains("already sent to <@" + BOSS + ">"));
        assertThat(dmsToBoss()).hasSize(before + 1);
    }

    @Test
    void the_status_card_shows_the_currency_and_whether_the_boss_knows_the_figure()
            throws Exception {
        share(latestIdAfter(forecast("€300k")));
        String told = commandJson("status").toString();
        assertThat(told)
                .contains("*Forecast — Q4 FY2026*")
                .contains("€300,000, updated")
                .contains("<@" + BOSS + "> was told it")
                .doesNotContain("share_forecast");
        forecast("280k");
        String untold = commandJson("status").toString();
        assertThat(untold)
                .contains("€280,000, updated")
                .contains("was last told €300,000")
                .contains("\"action_id\":\"share_forecast\"")
                .contains("Tell boss now");
        assertThat(TestDatabase.rows("forecast WHERE currency = 'EUR'")).isEqualTo(2);
    }

    private static long latestIdAfter(JsonObject reply) {
        assertThat(ForecastCommandTest.text(reply)).doesNotContain("Nothing was saved");
        return latestId();
    }
}
