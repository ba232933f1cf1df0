package com.bossreview.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.manager.ManagerService;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class ForecastCommandTest {
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String TEAM2 = "T0002";
    private static final String ME = "U0MANAGER";
    private static final String OTHER = "U0OTHER";
    private static final Instant MID_MAY = Instant.parse("2026-05-15T15:00:00Z");
    private static final MutableClock clock = new MutableClock(MID_MAY);
    private static FakeSlack slack;
    private static TestApp app;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        slack.user(ME, TEAM, false, false, "UTC").user(OTHER, TEAM, false, false, "UTC");
        app = TestApp.start(slack, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void midMay() {
        clock.set(MID_MAY);
    }

    static JsonObject forecast(String team, String user, String args) {
        HttpResponse<String> r = app.slack().command(team, user, "forecast " + args);
        assertThat(r.statusCode()).isEqualTo(200);
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    static String text(JsonObject reply) {
        return reply.get("text").getAsString();
    }

    static List<JsonObject> buttons(JsonObject reply) {
        List<JsonObject> out = new ArrayList<>();
        if (reply.has("blocks")) {
            reply.getAsJsonArray("blocks")
                    .forEach(
                            b -> {
                                if (b.getAsJsonObject()
                                        .get("type")
                                        .getAsString()
                                        .equals("actions")) {
                                    b.getAsJsonObject()
                                            .getAsJsonArray("elements")
                                            .forEach(e -> out.add(e.getAsJsonObject()));
                                }
                            });
        }
        return out;
    }

    @Test
    void every_usual_form_of_an_amount_is_stored_with_the_currency_typed_or_the_previous_one() {
        // No symbol before the first one typed; after it, figures typed without one keep it until
        // another is typed.
        String[][] cases = {
            {"250k", "250,000"},
            {"250K", "250,000"},
            {"1.2M", "1,200,000"},
            {"1.2m", "1,200,000"},
            {"$300,000", "$300,000"},
            {"300,000", "$300,000"},
            {"300000", "$300,000"},
            {"300000.50", "$300,000.50"},
            {"€250k", "€250,000"},
            {"2.5bn", "€2,500,000,000"},
            {"£ 1.5 M", "£1,500,000"},
            {"1.6M", "£1,600,000"}
        };
        for (String[] c : cases) {
            assertThat(text(forecast(TEAM, ME, c[0]))).as(c[0]).contains("*" + c[1] + "*");
        }
        assertThat(ForecastRows.amounts(TEAM, ME))
                .extracting(BigDecimal::toPlainString)
                .containsExactly(
                        "250000.00",
                        "250000.00",
                        "1200000.00",
                        "1200000.00",
                        "300000.00",
                        "300000.00",
                        "300000.00",
                        "300000.50",
                        "250000.00",
                        "2500000000.00",
                        "1500000.00",
                        "1600000.00");
        assertThat(ForecastRows.currencies(TEAM, ME))
                .containsExactly(
                        null, null, null, null, "USD", "USD", "USD", "USD", "EUR", "EUR", "GBP",
                        "GBP");
        assertThat(text(forecast(TEAM, OTHER, "250k")))
                .as("another manager's currency is not taken")
                .contains("*250,000*");
    }

    @Test
    void a_first_figure_is_confirmed_with_its_quarter_days_left_a_share_and_an_update_button() {
        JsonObject reply = forecast(TEAM, ME, "300k");
        assertThat(text(reply))
                .contains("Recorded *300,000*")
                .contains("*Q2 FY2026*")
                .contains("46 days left to quarter end")
                .doesNotContain("downgrade");
        assertThat(
                        reply.has("response_type")
                                ? reply.get("response_type").getAsString()
                                : "ephemeral")
                .isEqualTo("ephemeral");
        assertThat(buttons(reply))
                .extracting(b -> b.get("action_id").getAsString())
                .containsExactly("share_forecast", "open_forecast_modal");
        assertThat(
                        TestDatabase.rows(
                                "forecast WHERE team_id = 'T0001' AND user_id = 'U0MANAGER' "
                                        + "AND fiscal_year = 2026 AND quarter = 2 AND amount = 300000"))
                .isEqualTo(1);
    }

    @Test
    void bad_input_gets_the_reason_and_the_usage_and_changes_nothing() {
        String[][] cases = {
            {"", "There's no amount"},
            {"lots", "`lots` isn't an amount"},
            {"12..5", "more than one decimal point"},
            {"1,2,3", "commas must separate thousands"},
            {"k", "no number"},
            {"-50k", "can't be negative"},
            {"0", "more than zero"},
            {"🚀 to the moon", "isn't an amount"},
            {"20bn", "above 10 billion"},
            {"300000.505", "at most 2 decimals"},
            {"'; drop table forecast; --", "isn't an amount"},
            {"<!channel>", "&lt;!channel&gt;"},
            {"250k " + "x".repeat(501), "keep it to 500"}
        };
        for (String[] c : cases) {
            String reply = text(forecast(TEAM, ME, c[0]));
            assertThat(reply)
                    .as(c[0])
                    .contains(c[1])
                    .contains("/bossreview forecast <amount> [note]")
                    .contains("Nothing was saved")
                    .doesNotContain("<!channel>");
        }
        assertThat(TestDatabase.rows("forecast")).isZero();
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void a_4000_character_command_is_refused_before_parsing() {
        String reply = text(forecast(TEAM, ME, "9".repeat(4000)));
        assertThat(reply).contains("longer than bossreview accepts");
        assertThat(TestDatabase.rows("forecast")).isZero();
    }

    @Test
    void
            a_figure_below_the_told_one_in_the_same_quarter_is_a_downgrade_with_a_tell_boss_now_button() {
        forecast(TEAM, ME, "$300k");
        ForecastRows.told(ForecastRows.latestId(TEAM, ME), clock.instant());
        clock.advance(Duration.ofDays(3));
        JsonObject reply = forecast(TEAM, ME, "250k Acme slipped to next quarter");
        long id = ForecastRows.latestId(TEAM, ME);
        assertThat(text(reply))
                .contains("downgrade")
                .contains("*$250,000*")
                .contains("down $50,000 (-16.7%)")
                .contains("from $300,000")
                .contains("Tell your boss now — never wait for quarter end")
                .contains("43 days left")
                .contains(">Acme slipped to next quarter");
        assertThat(buttons(reply))
                .first()
                .satisfies(
                        b -> {
                            assertThat(b.get("action_id").getAsString())
                                    .isEqualTo("share_forecast");
                            assertThat(b.get("value").getAsString()).isEqualTo(Long.toString(id));
                            assertThat(b.getAsJsonObject("text").get("text").getAsString())
                                    .isEqualTo("Tell boss now");
                        });
    }

    @Test
    void a_higher_figure_says_by_how_much_and_offers_to_share() {
        forecast(TEAM, ME, "$250k");
        ForecastRows.told(ForecastRows.latestId(TEAM, ME), clock.instant());
        JsonObject reply = forecast(TEAM, ME, "$275,000");
        assertThat(text(reply)).contains("up $25,000 (+10.0%)").doesNotContain("downgrade");
        assertThat(buttons(reply))
                .first()
                .satisfies(
                        b -> {
                            assertThat(b.get("action_id").getAsString())
                                    .isEqualTo("share_forecast");
                            assertThat(b.getAsJsonObject("text").get("text").getAsString())
                                    .isEqualTo("Share with boss");
                        });
    }

    @Test
    void a_lower_figure_in_the_next_quarter_is_not_a_downgrade_but_that_quarters_first_figure() {
        clock.set(Instant.parse("2026-06-20T15:00:00Z"));
        forecast(TEAM, ME, "300k");
        ForecastRows.told(ForecastRows.latestId(TEAM, ME), clock.instant());
        clock.set(Instant.parse("2026-07-10T15:00:00Z"));
        JsonObject reply = forecast(TEAM, ME, "250k");
        assertThat(text(reply))
                .doesNotContain("downgrade")
                .contains("Recorded *250,000*")
                .contains("*Q3 FY2026*");
        assertThat(buttons(reply))
                .first()
                .satisfies(
                        b ->
                                assertThat(b.getAsJsonObject("text").get("text").getAsString())
                                        .isEqualTo("Share with boss"));
        assertThat(TestDatabase.rows("forecast WHERE quarter = 2")).isEqualTo(1);
        assertThat(TestDatabase.rows("forecast WHERE quarter = 3")).isEqualTo(1);
    }

    @Test
    void a_fiscal_year_starting_in_april_puts_mid_may_in_q1_of_the_next_fiscal_year() {
        new ManagerService(TestDatabase.database().jdbi(), clock, (t, u) -> {})
                .update(TEAM, ME, dao -> dao.setFiscalStart(TEAM, ME, 4));
        JsonObject reply = forecast(TEAM, ME, "1.2M");
        assertThat(text(reply)).contains("*Q1 FY2027*").contains("46 days left");
        assertThat(TestDatabase.rows("forecast WHERE fiscal_year = 2027 AND quarter = 1"))
                .isEqualTo(1);
    }

    @Test
    void the_quarter_is_the_one_of_the_managers_own_day() {
        new ManagerService(TestDatabase.database().jdbi(), clock, (t, u) -> {})
                .update(
                        TEAM,
                        "U0TOKYO",
                        dao ->
                                dao.setZoneExplicitly(
                                        TEAM, "U0TOKYO", "Asia/Tokyo", clock.instant()));
        clock.set(Instant.parse("2026-06-30T16:00:00Z")); // already 1 July in Tokyo
        assertThat(text(forecast(TEAM, "U0TOKYO", "300k"))).contains("*Q3 FY2026*");
    }

    @Test
    void a_note_is_stored_as_typed_and_echoed_harmlessly() {
        String reply = text(forecast(TEAM, ME, "250k <!channel> & <@U0OTHER> look"));
        assertThat(reply)
                .contains("&lt;!channel&gt; &amp; &lt;@U0OTHER&gt; look")
                .doesNotContain("<!channel>");
        assertThat(TestDatabase.rows("forecast WHERE note = '<!channel> & <@U0OTHER> look'"))
                .isEqualTo(1);
    }

    @Test
    void managers_and_workspaces_each_have_their_own_figures() {
        forecast(TEAM, ME, "300k");
        ForecastRows.told(ForecastRows.latestId(TEAM, ME), clock.instant());
        assertThat(text(forecast(TEAM2, ME, "250k")))
                .doesNotContain("downgrade")
                .contains("Recorded");
        assertThat(text(forecast(TEAM, OTHER, "200k")))
                .doesNotContain("downgrade")
                .contains("Recorded");
        assertThat(TestDatabase.rows("forecast WHERE team_id = 'T0002'")).isEqualTo(1);
        assertThat(TestDatabase.rows("manager WHERE team_id = 'T0002'")).isEqualTo(1);
        assertThat(text(forecast(TEAM, ME, "280k"))).contains("down 20,000");
    }
}
