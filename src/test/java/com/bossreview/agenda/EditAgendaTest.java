package com.bossreview.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Edit and send: the boss gets the edited text, once, and it tells only what it still says. */
class EditAgendaTest extends AppTest {
    private static final String WEEK = "2026-W48";

    private static void history() {
        managerWithBoss();
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'GOOD', 'Signed <Initech>', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(2)));
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'BAD', 'Acme slips to Q1', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(1)));
                            h.execute(
                                    "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, recorded_at) "
                                            + "VALUES (?, ?, 2026, 4, 250000, 'USD', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(1)));
                        });
    }

    private static HttpResponse<String> submit(String metadata, String text) {
        JsonObject values =
                JsonParser.parseString(
                                "{\"agenda_text\":{\"text\":{\"type\":\"plain_text_input\"}}}")
                        .getAsJsonObject();
        values.getAsJsonObject("agenda_text").getAsJsonObject("text").addProperty("value", text);
        return app.slack().submit(TEAM, ME, EditAgenda.CALLBACK, metadata, values);
    }

    /** The text the modal opened with. */
    private static String openEditor() throws InterruptedException {
        int opens = seen("views.open");
        app.slack().click(TEAM, ME, "edit_agenda", WEEK);
        String view = next("views.open", opens).param("view");
        return JsonParser.parseString(view)
                .getAsJsonObject()
                .getAsJsonArray("blocks")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("element")
                .get("initial_value")
                .getAsString();
    }

    @Test
    void the_draft_has_edit_and_send_which_opens_the_agenda_text_as_typed() throws Exception {
        history();
        assertThat(commandJson("agenda").toString())
                .contains("\"action_id\":\"edit_agenda\"", "Edit and send");
        String text = openEditor();
        assertThat(text)
                .contains(
                        "*Since our last review*",
                        ":large_green_circle: Signed <Initech>",
                        "Forecast Q4 FY2026: $250,000",
                        "*Questions for you*");
    }

    @Test
    void the_boss_gets_the_edited_text_once_and_only_what_it_still_says_counts_as_told()
            throws Exception {
        history();
        String edited =
                openEditor()
                                .replace("• :large_green_circle: Signed <Initech>\n", "")
                                .replace("Acme slips to Q1", "Acme slips to Q1 & <!here> is fine")
                        + "\n\nAlso: <@U0REP> deserves a shout-out.";
        int dms = seen("chat.postMessage");
        HttpResponse<String> ack = submit(WEEK, edited);
        assertThat(ack.body()).isNullOrEmpty();
        FakeSlack.Call toBoss = next("chat.postMessage", dms);
        assertThat(toBoss.param("channel")).isEqualTo(BOSS);
        assertThat(toBoss.json("blocks"))
                .contains(
                        "*Since our last review* (our first one)\\n• :red_circle: Acme slips to Q1 &amp; &lt;!here&gt; is fine",
                        "<@U0REP> deserves a shout-out")
                .doesNotContain("Initech");
        FakeSlack.Call toManager = next("chat.postMessage", dms + 1);
        assertThat(toManager.param("channel")).isEqualTo(ME);
        assertThat(toManager.param("text")).contains("Agenda sent to <@U0BOSS>");
        assertThat(
                        TestDatabase.rows(
                                "agenda_sent WHERE week = '2026-W48' AND body LIKE '%&lt;!here&gt;%'"))
                .isOne();
        // The bad news line was kept (reworded after its text): told; the deleted good news is not.
        assertThat(
                        TestDatabase.rows(
                                "news WHERE body = 'Acme slips to Q1' AND told_how = 'AGENDA'"))
                .isOne();
        assertThat(TestDatabase.rows("news WHERE body = 'Signed <Initech>' AND shared_at IS NULL"))
                .isOne();
        assertThat(TestDatabase.rows("forecast WHERE told_via = 'AGENDA'")).isOne();

        // Neither the button nor the modal sends it again.
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "send_agenda", WEEK);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("already sent");
        assertThat(submit(WEEK, "again").body()).contains("already sent");
        assertThat(
                        slack.calls("chat.postMessage").stream()
                                .skip(dms)
                                .filter(c -> BOSS.equals(c.param("channel"))))
                .hasSize(1);
        assertThat(TestDatabase.rows("agenda_sent")).isOne();
    }

    @Test
    void a_deleted_figure_line_is_not_told() throws Exception {
        history();
        String edited = openEditor().replaceAll("(?m)^.*Forecast Q4 FY2026.*\\n", "");
        assertThat(edited).doesNotContain("$250,000");
        int dms = seen("chat.postMessage");
        submit(WEEK, edited);
        next("chat.postMessage", dms);
        next("chat.postMessage", dms + 1);
        assertThat(TestDatabase.rows("forecast WHERE shared_at IS NULL")).isOne();
    }

    @Test
    void empty_text_or_a_stale_week_keeps_the_modal_open_and_sends_nothing() {
        history();
        assertThat(submit(WEEK, "   ").body()).contains("agenda can", "be empty");
        assertThat(submit("2025-W01", "Hello").body()).contains("out of date");
        assertThat(submit("not a week", "Hello").body()).contains("out of date");
        assertThat(TestDatabase.rows("agenda_sent")).isZero();
    }

    @Test
    void sent_from_app_home_the_answer_republishes_the_tab() throws Exception {
        history();
        int opens = seen("views.open");
        app.slack().clickOnHome(TEAM, ME, "edit_agenda", WEEK);
        assertThat(next("views.open", opens).json("view"))
                .contains("\"private_metadata\":\"2026-W48:home\"");
        int publishes = seen("views.publish");
        submit(WEEK + ":home", "Short agenda: Acme slips to Q1");
        assertThat(next("views.publish", publishes).json("view"))
                .contains("Agenda sent to <@U0BOSS>");
        assertThat(TestDatabase.rows("news WHERE told_how = 'AGENDA'")).isOne();
    }

    @Test
    void edit_on_an_agenda_already_sent_says_so_and_opens_nothing() throws Exception {
        history();
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "send_agenda", WEEK);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("Agenda sent");
        int opens = seen("views.open");
        app.slack().click(TEAM, ME, "edit_agenda", WEEK);
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 1).param("text"))
                .contains("already sent");
        assertThat(seen("views.open")).isEqualTo(opens);
    }

    @Test
    void long_agendas_reach_the_boss_in_sections_slack_accepts() {
        String text = ("line with <angle> & ampersand\n").repeat(200);
        var chunks = EditedAgenda.chunks(EditedAgenda.forBoss(text), AgendaViews.MAX_TEXT);
        assertThat(chunks).hasSizeGreaterThan(1).allMatch(c -> c.length() <= AgendaViews.MAX_TEXT);
        assertThat(String.join("\n", chunks)).isEqualTo(EditedAgenda.forBoss(text).strip());
    }
}
