package com.bossreview.news;

import static com.bossreview.news.NewsTestKit.BOSS;
import static com.bossreview.news.NewsTestKit.ME;
import static com.bossreview.news.NewsTestKit.TEAM;
import static com.bossreview.news.NewsTestKit.body;
import static com.bossreview.news.NewsTestKit.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code edit_news} and its modal: the text of news not told yet can be corrected; told news can't.
 */
@ExtendWith(TestDatabase.class)
class EditNewsTest {
    private static NewsTestKit kit;

    @BeforeAll
    static void start() {
        kit = new NewsTestKit();
    }

    @AfterAll
    static void stop() {
        kit.close();
    }

    @BeforeEach
    void reset() {
        kit.reset();
        kit.slack.clearFaults();
        kit.manager(TEAM, ME, ZoneId.of("Europe/Paris"), BOSS);
    }

    private static HttpResponse<String> save(String user, String metadata, String text) {
        JsonObject values =
                JsonParser.parseString("{\"news_text\":{\"text\":{\"type\":\"plain_text_input\"}}}")
                        .getAsJsonObject();
        values.getAsJsonObject("news_text").getAsJsonObject("text").addProperty("value", text);
        return kit.app.slack().submit(TEAM, user, "news_edit", metadata, values);
    }

    /** The field error a submission kept the modal open with, or "" when it closed. */
    private static String error(HttpResponse<String> ack) {
        assertThat(ack.statusCode()).isEqualTo(200);
        if (ack.body() == null || ack.body().isBlank()) {
            return "";
        }
        JsonObject json = JsonParser.parseString(ack.body()).getAsJsonObject();
        assertThat(json.get("response_action").getAsString()).isEqualTo("errors");
        return json.getAsJsonObject("errors").get("news_text").getAsString();
    }

    @Test
    void edit_opens_a_modal_with_the_text_and_saving_corrects_it_and_sends_the_corrected_item()
            throws Exception {
        long id = kit.logged(TEAM, ME, "bad Lost the Globx renewal");
        int opens = kit.slack.calls("views.open").size();

        kit.app.slack().click(TEAM, ME, "edit_news", Long.toString(id));

        FakeSlack.Call open =
                kit.slack.awaitCalls("views.open", opens + 1, Duration.ofSeconds(10)).get(opens);
        assertThat(open.param("trigger_id")).isNotBlank();
        assertThat(open.json("view"))
                .contains(
                        "\"callback_id\":\"news_edit\"",
                        "\"private_metadata\":\"" + id + "\"",
                        "\"initial_value\":\"Lost the Globx renewal\"");

        int dms = kit.dms().size();
        assertThat(error(save(ME, Long.toString(id), "  Lost the Globex renewal  "))).isEmpty();

        assertThat(body(id)).isEqualTo("Lost the Globex renewal");
        FakeSlack.Call confirmation =
                kit.slack.awaitCalls("chat.postMessage", dms + 1, Duration.ofSeconds(10)).get(dms);
        assertThat(confirmation.param("channel")).isEqualTo(ME);
        assertThat(confirmation.json("blocks"))
                .contains("News updated", "> Lost the Globex renewal");
        assertThat(buttons(confirmation.param("blocks")))
                .extracting(b -> b.get("action_id").getAsString())
                .containsExactly("share_bad_news", "told_boss", "dismiss_news", "edit_news");
        assertThat(kit.dmsTo(BOSS)).isEmpty();
        assertThat(NewsTestKit.sharedAt(id)).isEmpty();
    }

    @Test
    void told_news_is_refused_at_the_click_and_at_the_save() throws Exception {
        long told = kit.logged(TEAM, ME, "good Signed Acme");
        kit.click(TEAM, ME, "share_good_news", Long.toString(told));
        int opens = kit.slack.calls("views.open").size();

        FakeSlack.Call refused = kit.click(TEAM, ME, "edit_news", Long.toString(told));

        assertThat(refused.param("text"))
                .contains("You already shared this with <@" + BOSS + "> today at 09:00")
                .contains("can't be edited");
        assertThat(kit.slack.calls("views.open")).hasSize(opens);

        // Told by phone while the modal was open: the save is refused inside the modal.
        long meanwhile = kit.logged(TEAM, ME, "bad Lost Hooli");
        kit.click(TEAM, ME, "told_boss", Long.toString(meanwhile));
        assertThat(error(save(ME, Long.toString(meanwhile), "Lost Hooli, 120k")))
                .contains("already told")
                .contains("can't be edited");
        assertThat(body(meanwhile)).isEqualTo("Lost Hooli");

        long dismissed = kit.logged(TEAM, ME, "bad oops");
        kit.click(TEAM, ME, "dismiss_news", Long.toString(dismissed));
        assertThat(kit.click(TEAM, ME, "edit_news", Long.toString(dismissed)).param("text"))
                .contains("dismissed")
                .contains("can't be edited");
        assertThat(error(save(ME, Long.toString(dismissed), "still oops"))).contains("dismissed");
        assertThat(kit.slack.calls("views.open")).hasSize(opens);
    }

    @Test
    void empty_or_too_long_text_keeps_the_modal_open_and_changes_nothing() {
        long id = kit.logged(TEAM, ME, "good Signed Initech");
        assertThat(error(save(ME, Long.toString(id), "   "))).contains("can't be empty");
        assertThat(error(save(ME, Long.toString(id), "x".repeat(2001))))
                .contains("2,001 characters");
        assertThat(body(id)).isEqualTo("Signed Initech");
    }

    @Test
    void a_forged_modal_cannot_edit_someone_elses_news() {
        kit.manager(TEAM, "U0OTHER", ZoneId.of("UTC"), BOSS);
        long theirs = kit.logged(TEAM, "U0OTHER", "bad their news");

        for (String metadata :
                new String[] {Long.toString(theirs), theirs + ":home", "", "abc", "-1"}) {
            assertThat(error(save(ME, metadata, "rewritten")))
                    .as(metadata)
                    .contains("no longer exists");
        }
        assertThat(body(theirs)).isEqualTo("their news");
    }

    @Test
    void saved_from_app_home_the_tab_is_republished_with_the_new_text() throws Exception {
        long id = kit.logged(TEAM, ME, "good Signd Initech");
        int opens = kit.slack.calls("views.open").size();
        SlackRequests.text(kit.app.slack().clickOnHome(TEAM, ME, "edit_news", Long.toString(id)));
        FakeSlack.Call open =
                kit.slack.awaitCalls("views.open", opens + 1, Duration.ofSeconds(10)).get(opens);
        assertThat(open.json("view")).contains("\"private_metadata\":\"" + id + ":home\"");
        int publishes = kit.slack.calls("views.publish").size();
        int dms = kit.dms().size();

        assertThat(error(save(ME, id + ":home", "Signed Initech"))).isEmpty();

        FakeSlack.Call publish =
                kit.slack
                        .awaitCalls("views.publish", publishes + 1, Duration.ofSeconds(10))
                        .get(publishes);
        assertThat(publish.json("view"))
                .contains("News updated", "Open news", "Signed Initech")
                .doesNotContain("Signd");
        assertThat(kit.dms()).hasSize(dms);
    }
}
