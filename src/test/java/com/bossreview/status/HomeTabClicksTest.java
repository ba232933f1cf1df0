package com.bossreview.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Buttons on the App Home tab: Slack sends no response_url there, so every answer republishes the
 * tab (with the new state and the answer on top), and a send-to-boss button clicked twice sends
 * once.
 */
class HomeTabClicksTest extends AppTest {

    @Test
    void booked_on_home_marks_the_week_and_republishes_the_tab_with_a_confirmation()
            throws Exception {
        managerWithBoss();
        int publishes = seen("views.publish");
        int responses = seen(FakeSlack.RESPONSE_URL);
        int dms = seen("chat.postMessage");

        app.slack().clickOnHome(TEAM, ME, "review_booked", "2026-W48");

        FakeSlack.Call publish = next("views.publish", publishes);
        assertThat(publish.param("user_id")).isEqualTo(ME);
        assertThat(publish.json("view"))
                .contains("\"type\":\"home\"", "booked")
                .doesNotContain("NullPointerException");
        assertThat(
                        TestDatabase.rows(
                                "weekly_review WHERE user_id = 'U0MANAGER' AND iso_week = 48 AND state = 'BOOKED'"))
                .isEqualTo(1);
        // The tab now shows the week as booked, so the Booked button is gone from the card.
        assertThat(publish.json("view")).doesNotContain("\"action_id\":\"review_booked\"");
        assertThat(slack.calls(FakeSlack.RESPONSE_URL)).hasSize(responses);
        assertThat(slack.calls("chat.postMessage")).hasSize(dms);
    }

    @Test
    void send_agenda_on_home_confirms_on_the_tab_and_a_double_click_sends_the_boss_one_dm()
            throws Exception {
        managerWithBoss();
        int publishes = seen("views.publish");
        int dms = seen("chat.postMessage");
        slack.fail("chat.postMessage", new FakeSlack.Fault.Slow(Duration.ofMillis(300)), 1);

        app.slack().clickOnHome(TEAM, ME, "send_agenda", "2026-W48");
        app.slack().clickOnHome(TEAM, ME, "send_agenda", "2026-W48");

        var both = slack.awaitCalls("views.publish", publishes + 2, Duration.ofSeconds(10));
        String views = both.get(publishes).json("view") + both.get(publishes + 1).json("view");
        assertThat(views)
                .contains("Agenda sent to <@" + BOSS + ">")
                .contains("already sent this week's agenda");
        assertThat(
                        slack.calls("chat.postMessage")
                                .subList(dms, slack.calls("chat.postMessage").size()))
                .filteredOn(c -> BOSS.equals(c.param("channel")))
                .hasSize(1);
        assertThat(TestDatabase.rows("agenda_sent WHERE sent_to = 'U0BOSS' AND week = '2026-W48'"))
                .isEqualTo(1);
    }

    @Test
    void send_agenda_clicked_twice_in_a_message_sends_one_dm_and_says_so() throws Exception {
        managerWithBoss();
        int responses = seen(FakeSlack.RESPONSE_URL);
        int dms = seen("chat.postMessage");

        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("Agenda sent");
        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");

        FakeSlack.Call again = next(FakeSlack.RESPONSE_URL, responses + 1);
        assertThat(again.param("text"))
                .contains("already sent this week's agenda")
                .contains("wasn't sent again");
        assertThat(again.param("replace_original")).isEqualTo("false");
        assertThat(
                        slack.calls("chat.postMessage")
                                .subList(dms, slack.calls("chat.postMessage").size()))
                .filteredOn(c -> BOSS.equals(c.param("channel")))
                .hasSize(1);
    }

    @Test
    void an_agenda_slack_did_not_take_can_be_sent_again() throws Exception {
        managerWithBoss();
        int publishes = seen("views.publish");
        int dms = seen("chat.postMessage");
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("channel_not_found"), 1);

        app.slack().clickOnHome(TEAM, ME, "send_agenda", "2026-W48");
        assertThat(next("views.publish", publishes).json("view"))
                .contains("couldn't send the agenda", "channel_not_found");
        assertThat(TestDatabase.rows("agenda_sent")).isZero();

        app.slack().clickOnHome(TEAM, ME, "send_agenda", "2026-W48");
        assertThat(next("views.publish", publishes + 1).json("view"))
                .contains("Agenda sent to <@" + BOSS + ">");
        assertThat(
                        slack.calls("chat.postMessage")
                                .subList(dms, slack.calls("chat.postMessage").size()))
                .filteredOn(c -> BOSS.equals(c.param("channel")) && !c.faulted())
                .hasSize(1);
    }

    @Test
    void when_the_tab_cannot_be_republished_the_answer_comes_as_a_dm() throws Exception {
        managerWithBoss();
        int dms = seen("chat.postMessage");
        slack.fail("views.publish", new FakeSlack.Fault.ServerError(500), 1);

        app.slack().clickOnHome(TEAM, ME, "review_skip", "2026-W48");

        FakeSlack.Call dm = next("chat.postMessage", dms);
        assertThat(dm.param("channel")).isEqualTo(ME);
        assertThat(dm.param("text") + dm.json("blocks")).containsIgnoringCase("skip");
        assertThat(TestDatabase.rows("weekly_review WHERE state = 'SKIPPED'")).isEqualTo(1);
    }

    @Test
    void a_forecast_modal_opened_from_home_republishes_the_tab_when_saved() throws Exception {
        managerWithBoss();
        int opens = seen("views.open");
        app.slack().clickOnHome(TEAM, ME, "open_forecast_modal", "");
        FakeSlack.Call open = next("views.open", opens);
        assertThat(open.json("view")).contains("\"private_metadata\":\"home\"");

        int publishes = seen("views.publish");
        var values =
                com.google.gson.JsonParser.parseString(
                                """
                {"forecast_amount":{"amount":{"type":"plain_text_input","value":"250k"}},
                 "forecast_note":{"note":{"type":"plain_text_input","value":null}}}""")
                        .getAsJsonObject();
        app.slack().submit(TEAM, ME, "forecast_modal", "home", values);

        assertThat(next("views.publish", publishes).json("view")).contains("250,000");
    }

    /** Logs news with the real command; its id, from the reply's first button. */
    private static long logged(String kindAndText) {
        for (var block : commandJson(kindAndText).getAsJsonArray("blocks")) {
            if ("actions".equals(block.getAsJsonObject().get("type").getAsString())) {
                return Long.parseLong(
                        block.getAsJsonObject()
                                .getAsJsonArray("elements")
                                .get(0)
                                .getAsJsonObject()
                                .get("value")
                                .getAsString());
            }
        }
        throw new AssertionError("no button in the reply");
    }

    @Test
    void home_shows_the_open_news_with_their_buttons_between_the_card_and_the_agenda()
            throws Exception {
        managerWithBoss();
        long id = logged("bad Lost the Acme renewal");
        int publishes = seen("views.publish");

        app.slack().appHomeOpened(TEAM, ME);

        String view = next("views.publish", publishes).json("view");
        assertThat(view)
                .contains(
                        "Open news",
                        "Lost the Acme renewal",
                        "\"action_id\":\"share_bad_news\"",
                        "\"action_id\":\"told_boss\"",
                        "\"action_id\":\"dismiss_news\"",
                        "\"action_id\":\"edit_news\"",
                        "\"value\":\"" + id + "\"");
        assertThat(view.indexOf("Your manage-up status")).isLessThan(view.indexOf("Open news"));
        assertThat(view.indexOf("Open news"))
                .isLessThan(view.indexOf("Agenda for your next weekly review"));
    }

    @Test
    void told_boss_on_home_republishes_the_tab_without_the_item_and_sends_the_boss_nothing()
            throws Exception {
        managerWithBoss();
        long id = logged("bad Lost the Acme renewal");
        int publishes = seen("views.publish");
        int responses = seen(FakeSlack.RESPONSE_URL);
        int dms = seen("chat.postMessage");
        clock.advance(Duration.ofMinutes(20));

        app.slack().clickOnHome(TEAM, ME, "told_boss", Long.toString(id));

        String view = next("views.publish", publishes).json("view");
        assertThat(view)
                .contains("Marked as told outside Slack", "20 minutes after logging it")
                .doesNotContain("\"value\":\"" + id + "\"");
        // The card's own news line counts open items only, so the tab reads as nothing waiting.
        assertThat(view).contains("Nothing waiting to be shared");
        assertThat(TestDatabase.rows("news WHERE told_how = 'OUTSIDE' AND shared_with = 'U0BOSS'"))
                .isEqualTo(1);

        app.slack().clickOnHome(TEAM, ME, "told_boss", Long.toString(id));
        assertThat(next("views.publish", publishes + 1).json("view"))
                .contains("You marked this as told outside Slack")
                .contains("nothing changed");
        assertThat(slack.calls(FakeSlack.RESPONSE_URL)).hasSize(responses);
        assertThat(slack.calls("chat.postMessage")).hasSize(dms);
    }

    @Test
    void dismiss_news_on_home_republishes_the_tab_without_the_item_and_a_second_click_says_so()
            throws Exception {
        managerWithBoss();
        long id = logged("good Signed Initech twice");
        long kept = logged("good Signed Hooli");
        int publishes = seen("views.publish");
        int dms = seen("chat.postMessage");

        app.slack().clickOnHome(TEAM, ME, "dismiss_news", Long.toString(id));

        String view = next("views.publish", publishes).json("view");
        assertThat(view)
                .contains("Dismissed", "Signed Hooli", "\"value\":\"" + kept + "\"")
                .doesNotContain("Initech twice");
        app.slack().clickOnHome(TEAM, ME, "dismiss_news", Long.toString(id));
        assertThat(next("views.publish", publishes + 1).json("view"))
                .contains("You dismissed this")
                .contains("nothing changed");
        app.slack().clickOnHome(TEAM, ME, "share_good_news", Long.toString(id));
        assertThat(next("views.publish", publishes + 2).json("view"))
                .contains("so nothing was sent");
        assertThat(slack.calls("chat.postMessage")).hasSize(dms);
        assertThat(TestDatabase.rows("news WHERE dismissed_at IS NOT NULL")).isEqualTo(1);
    }
}
