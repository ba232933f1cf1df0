package com.bossreview.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.time.FiscalQuarter;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.util.json.GsonFactory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ForecastViewsTest {
    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final FiscalQuarter Q2 = new FiscalQuarter(2027, 2, Month.APRIL);

    private static final Optional<String> BOSS = Optional.of("UBOSS");

    private static Forecast forecast(long id, String amount, String note) {
        return new Forecast(
                id,
                "T1",
                "U1",
                2027,
                2,
                new BigDecimal(amount),
                Optional.of(Currency.USD),
                Optional.ofNullable(note),
                Instant.parse("2026-08-01T10:00:00Z"),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    private static Forecast told(long id, String amount) {
        Forecast f = forecast(id, amount, null);
        return new Forecast(
                f.id(),
                f.teamId(),
                f.userId(),
                f.fiscalYear(),
                f.quarter(),
                f.amount(),
                f.currency(),
                f.note(),
                f.recordedAt(),
                Optional.of(f.recordedAt()),
                Optional.of("UBOSS"),
                Optional.of(ToldVia.DM));
    }

    /**
     * Figure {@code now} against {@code told}, the figure the boss was last told (none: the
     * quarter's first).
     */
    private static Recorded recorded(String told, String now, String note) {
        return new Recorded(
                forecast(42, now, note), Optional.ofNullable(told).map(p -> told(41, p)), Q2, 45);
    }

    private static JsonArray json(ForecastViews.Message m) {
        return JsonParser.parseString(GSON.toJson(m.blocks())).getAsJsonArray();
    }

    private static List<JsonObject> buttons(ForecastViews.Message m) {
        List<JsonObject> out = new ArrayList<>();
        for (var block : json(m)) {
            JsonObject b = block.getAsJsonObject();
            if (b.get("type").getAsString().equals("actions")) {
                b.getAsJsonArray("elements").forEach(e -> out.add(e.getAsJsonObject()));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} shows as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "300000      | $300,000",
                "300000.00   | $300,000",
                "1200000     | $1,200,000",
                "250500.50   | $250,500.50",
                "250500.5    | $250,500.50",
                "0.01        | $0.01",
                "999         | $999",
                "10000000000 | $10,000,000,000",
                "-50000      | -$50,000",
            })
    void money_is_grouped_with_cents_only_when_there_are_some(String amount, String shown) {
        assertThat(ForecastViews.money(new BigDecimal(amount), Optional.of(Currency.USD)))
                .isEqualTo(shown);
    }

    @Test
    void money_shows_the_currency_typed_and_none_when_none_ever_was() {
        assertThat(ForecastViews.money(new BigDecimal("250000"), Optional.of(Currency.GBP)))
                .isEqualTo("£250,000");
        assertThat(ForecastViews.money(new BigDecimal("1200000.5"), Optional.of(Currency.EUR)))
                .isEqualTo("€1,200,000.50");
        assertThat(ForecastViews.money(new BigDecimal("250000"), Optional.empty()))
                .isEqualTo("250,000");
        assertThat(ForecastViews.money(new BigDecimal("-50000"), Optional.of(Currency.GBP)))
                .isEqualTo("-£50,000");
    }

    @Test
    void the_first_figure_of_a_quarter_is_confirmed_with_share_and_update_buttons() {
        ForecastViews.Message m = ForecastViews.recorded(recorded(null, "300000.00", null), BOSS);
        assertThat(m.text())
                .contains("Recorded *$300,000*")
                .contains("*Q2 FY2027*")
                .contains("45 days left to quarter end")
                .contains("<@UBOSS> hasn't been told a *Q2 FY2027* figure yet")
                .doesNotContain("downgrade");
        assertThat(buttons(m))
                .extracting(
                        b ->
                                b.get("action_id").getAsString()
                                        + ":"
                                        + (b.has("value") ? b.get("value").getAsString() : "null")
                                        + ":"
                                        + b.get("text").getAsJsonObject().get("text").getAsString())
                .containsExactly(
                        "share_forecast:42:Share with boss",
                        ForecastViews.OPEN_FORECAST_MODAL + ":null:Update");
    }

    @Test
    void a_figure_below_the_told_one_is_a_downgrade_with_the_delta_and_a_tell_boss_now_button() {
        ForecastViews.Message m =
                ForecastViews.recorded(recorded("300000.00", "250000.00", null), BOSS);
        assertThat(m.text())
                .contains("downgrade")
                .contains("*$250,000*")
                .contains("down $50,000 (-16.7%)")
                .contains("from $300,000, the figure <@UBOSS> was last told")
                .contains("Tell your boss now — never wait for quarter end");
        assertThat(buttons(m))
                .first()
                .satisfies(
                        b -> {
                            assertThat(b.get("action_id").getAsString())
                                    .isEqualTo("share_forecast");
                            assertThat(b.get("value").getAsString()).isEqualTo("42");
                            assertThat(b.get("text").getAsJsonObject().get("text").getAsString())
                                    .isEqualTo("Tell boss now");
                            assertThat(b.get("style").getAsString())
                                    .isEqualTo("primary"); // telling the boss is not destructive
                        });
    }

    @Test
    void a_higher_figure_shows_the_delta_and_offers_to_share() {
        ForecastViews.Message m =
                ForecastViews.recorded(recorded("250000.00", "300000.00", null), BOSS);
        assertThat(m.text()).contains("up $50,000 (+20.0%)").doesNotContain("downgrade");
        assertThat(buttons(m))
                .first()
                .satisfies(
                        b -> {
                            assertThat(b.get("action_id").getAsString())
                                    .isEqualTo("share_forecast");
                            assertThat(b.get("text").getAsJsonObject().get("text").getAsString())
                                    .isEqualTo("Share with boss");
                        });
    }

    @Test
    void the_figure_the_boss_was_told_again_is_neither_and_has_no_share_button() {
        ForecastViews.Message m =
                ForecastViews.recorded(recorded("250000.00", "250000.00", null), BOSS);
        assertThat(m.text()).contains("the same as what <@UBOSS> knows");
        assertThat(buttons(m))
                .extracting(b -> b.get("action_id").getAsString())
                .containsExactly(ForecastViews.OPEN_FORECAST_MODAL);
    }

    @Test
    void notes_are_quoted_and_cannot_mention_anyone() {
        ForecastViews.Message m =
                ForecastViews.recorded(recorded(null, "1.00", "<!channel> & <@U9>\nsecond"), BOSS);
        assertThat(m.text())
                .contains("\n>&lt;!channel&gt; &amp; &lt;@U9&gt;\n>second")
                .doesNotContain("<!channel>");
        assertThat(json(m).toString()).doesNotContain("<!channel>").doesNotContain("<@U9>");
    }

    @Test
    void the_boss_dm_names_the_manager_the_figures_the_delta_the_note_and_the_quarter() {
        ForecastViews.Message m =
                ForecastViews.bossDm("U1", recorded("300000.00", "250000.00", "Acme slipped"));
        assertThat(m.text())
                .contains("<@U1>")
                .contains("lowered")
                .contains("*Q2 FY2027*")
                .contains("*$250,000*")
                .contains("was $300,000")
                .contains("down $50,000 (-16.7%)")
                .contains("45 days left")
                .contains(">Acme slipped");
        assertThat(ForecastViews.bossDm("U1", recorded(null, "300000", null)).text())
                .contains("<@U1> shared their *Q2 FY2027* forecast: *$300,000*");
    }

    @Test
    void days_left_reads_naturally() {
        assertThat(ForecastViews.daysLeft(2)).isEqualTo("2 days left to quarter end");
        assertThat(ForecastViews.daysLeft(1)).isEqualTo("1 day left to quarter end");
        assertThat(ForecastViews.daysLeft(0)).isEqualTo("today is the last day of the quarter");
        assertThat(ForecastViews.daysLeft(-3)).isEqualTo("that quarter is over");
    }

    @Test
    void sent_names_the_boss() {
        assertThat(ForecastViews.sent(recorded("300000", "250000", null), "UBOSS").text())
                .startsWith(":white_check_mark: Sent to <@UBOSS>")
                .contains("down $50,000");
    }

    @Test
    void the_modal_has_the_amount_and_note_inputs_and_the_latest_figure_as_a_hint() {
        JsonObject view =
                JsonParser.parseString(
                                GSON.toJson(
                                        ForecastViews.modal(
                                                Optional.of(Q2),
                                                Optional.of(forecast(1, "300000", null)),
                                                "")))
                        .getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("modal");
        assertThat(view.get("callback_id").getAsString()).isEqualTo("forecast_modal");
        JsonArray blocks = view.getAsJsonArray("blocks");
        JsonObject amount = find(blocks, ForecastViews.AMOUNT_BLOCK);
        assertThat(amount.get("type").getAsString()).isEqualTo("input");
        assertThat(amount.getAsJsonObject("element").get("type").getAsString())
                .isEqualTo("plain_text_input");
        assertThat(amount.getAsJsonObject("element").get("action_id").getAsString())
                .isEqualTo(ForecastViews.AMOUNT_ACTION);
        assertThat(amount.getAsJsonObject("hint").get("text").getAsString())
                .isEqualTo("Latest for Q2 FY2027: $300,000");
        JsonObject note = find(blocks, ForecastViews.NOTE_BLOCK);
        assertThat(note.get("optional").getAsBoolean()).isTrue();
        assertThat(note.getAsJsonObject("element").get("max_length").getAsInt()).isEqualTo(500);
        assertThat(view.getAsJsonObject("title").get("text").getAsString().length())
                .isLessThanOrEqualTo(24);
    }

    @Test
    void the_modal_without_a_figure_says_so() {
        JsonObject view =
                JsonParser.parseString(
                                GSON.toJson(
                                        ForecastViews.modal(
                                                Optional.empty(), Optional.empty(), "")))
                        .getAsJsonObject();
        assertThat(
                        find(view.getAsJsonArray("blocks"), ForecastViews.AMOUNT_BLOCK)
                                .getAsJsonObject("hint")
                                .get("text")
                                .getAsString())
                .isEqualTo("No figure yet this quarter.");
    }

    @Test
    void modal_errors_have_no_markdown() {
        assertThat(ForecastViews.modalError("`lots` isn't an amount"))
                .isEqualTo("\"lots\" isn't an amount");
    }

    private static JsonObject find(JsonArray blocks, String blockId) {
        for (var b : blocks) {
            JsonObject o = b.getAsJsonObject();
            if (o.has("block_id") && o.get("block_id").getAsString().equals(blockId)) {
                return o;
            }
        }
        throw new AssertionError("no block " + blockId + " in " + blocks);
    }
}
