package com.bossreview.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * After the boss thanks a manager for a win, the manager's "thanks" DM suggests a coffee with the
 * boss: at most once in 14 days, never for bad news or a forecast.
 */
class CoffeeLineTest extends BossDmTest {
    private static final String COFFEE =
            "A win worth celebrating — coffee with <@"
                    + BOSS
                    + ">? `/bossreview social <what>` logs it.";

    @BeforeEach
    void aManagerWithABoss() {
        managerWithBoss();
    }

    /** The boss thanks for {@code dm}; the DM the manager got about it. */
    private static FakeSlack.Call thanked(FakeSlack.Call dm) throws InterruptedException {
        int toManager = dmsTo(ME).size();
        answer(dm, BOSS, "boss_thanks");
        assertThat(dmsTo(ME)).hasSize(toManager + 1);
        return dmsTo(ME).get(toManager);
    }

    @Test
    void thanks_for_good_news_suggests_coffee_at_most_once_in_fourteen_days() throws Exception {
        FakeSlack.Call first = thanked(send(TEAM, ME, Sending.NEWS));
        assertThat(first.json("blocks")).contains(COFFEE);
        assertThat(first.param("text")).doesNotContain("coffee");

        clock.advance(Duration.ofDays(13));
        assertThat(thanked(send(TEAM, ME, Sending.NEWS)).json("blocks")).doesNotContain("coffee");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(thanked(send(TEAM, ME, Sending.NEWS)).json("blocks")).contains(COFFEE);
        assertThat(TestDatabase.rows("boss_coffee")).isEqualTo(1);
    }

    @Test
    void bad_news_a_forecast_or_lets_talk_never_suggest_coffee_nor_use_up_the_offer()
            throws Exception {
        int dms = seen("chat.postMessage");
        var reply =
                com.google.gson.JsonParser.parseString(
                                app.slack().command(TEAM, ME, "bad Lost Initech").body())
                        .getAsJsonObject();
        String bad =
                buttons(reply.getAsJsonArray("blocks")).stream()
                        .filter(b -> b.get("action_id").getAsString().equals("share_bad_news"))
                        .findFirst()
                        .orElseThrow()
                        .get("value")
                        .getAsString();
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "share_bad_news", bad);
        FakeSlack.Call badDm = next("chat.postMessage", dms);
        next(FakeSlack.RESPONSE_URL, responses); // the manager's own confirmation
        assertThat(badDm.param("channel")).isEqualTo(BOSS);
        assertThat(thanked(badDm).json("blocks")).doesNotContain("coffee");
        assertThat(thanked(send(TEAM, ME, Sending.FORECAST)).json("blocks"))
                .doesNotContain("coffee");
        int toManager = dmsTo(ME).size();
        answer(send(TEAM, ME, Sending.NEWS), BOSS, "boss_lets_talk");
        assertThat(dmsTo(ME).get(toManager).json("blocks")).doesNotContain("coffee");
        assertThat(TestDatabase.rows("boss_coffee")).isZero();

        assertThat(thanked(send(TEAM, ME, Sending.NEWS)).json("blocks")).contains(COFFEE);
    }

    @Test
    void a_thanks_slack_did_not_deliver_keeps_the_coffee_for_the_next_click() throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.NEWS);
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("channel_not_found"), 1);
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().clickIn(TEAM, dm, BOSS, "boss_thanks", value(dm, "boss_thanks"));
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("NOT sent");
        assertThat(TestDatabase.rows("boss_coffee")).isZero();

        assertThat(thanked(dm).json("blocks")).contains(COFFEE);
    }
}
