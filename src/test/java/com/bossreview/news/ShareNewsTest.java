package com.bossreview.news;

import static com.bossreview.news.NewsTestKit.BOSS;
import static com.bossreview.news.NewsTestKit.ME;
import static com.bossreview.news.NewsTestKit.START;
import static com.bossreview.news.NewsTestKit.TEAM;
import static com.bossreview.news.NewsTestKit.buttons;
import static com.bossreview.news.NewsTestKit.sharedAt;
import static com.bossreview.news.NewsTestKit.sharedWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class ShareNewsTest {
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
        kit.manager(TEAM, ME, ZoneId.of("Europe/Paris"), BOSS);
    }

    @Test
    void bad_news_is_sent_to_the_boss_as_a_dm_that_names_the_manager_and_quotes_the_news()
            throws Exception {
        long id = kit.logged(TEAM, ME, "bad Lost the <Globex> renewal & the upsell");
        int dmsBefore = kit.dms().size();
        kit.clock.advance(Duration.ofMinutes(12));

        FakeSlack.Call answer = kit.click(TEAM, ME, "share_bad_news", Long.toString(id));

        FakeSlack.Call dm = kit.dms().get(dmsBefore);
        assertThat(kit.dms()).hasSize(dmsBefore + 1);
        assertThat(dm.param("channel")).isEqualTo(BOSS);
        assertThat(dm.param("text")).contains("Bad news from <@" + ME + ">");
        assertThat(NewsTestKit.texts(dm.param("blocks")))
                .contains("Bad news from <@" + ME + ">")
                .contains("> Lost the &lt;Globex&gt; renewal &amp; the upsell");
        List<JsonObject> answers = buttons(dm.param("blocks"));
        assertThat(answers)
                .extracting(b -> b.get("action_id").getAsString())
                .containsExactly("boss_thanks", "boss_lets_talk", "boss_ask");
        assertThat(answers)
                .extracting(b -> b.get("value").getAsString())
                .containsOnly("news:" + id);

        assertThat(sharedAt(id)).contains(START.plus(Duration.ofMinutes(12)));
        assertThat(sharedWith(id)).contains(BOSS);
        // 08:12 UTC is 09:12 in Paris, the manager's zone.
        assertThat(answer.param("replace_original")).isEqualTo("true");
        assertThat(answer.param("text"))
                .contains("Shared with <@" + BOSS + "> at 09:12")
                .contains("told your boss 12 minutes after logging it");
        assertThat(buttons(answer.param("blocks"))).isEmpty();
    }

    @Test
    void good_news_is_shared_with_the_share_good_news_button() throws Exception {
        long id = kit.logged(TEAM, ME, "good Acme signed");
        int dmsBefore = kit.dms().size();
        FakeSlack.Call answer = kit.click(TEAM, ME, "share_good_news", Long.toString(id));
        assertThat(kit.dms().get(dmsBefore).param("text")).contains("Good news from <@" + ME + ">");
        assertThat(answer.param("text"))
                .contains("Shared with <@" + BOSS + ">")
                .contains("less than a minute after logging it");
        assertThat(
                        new NewsService(
                                        TestDatabase.database().jdbi(),
                                        kit.clock,
                                        NewsService.Reminders.NONE)
                                .find(TEAM, ME, id)
                                .orElseThrow()
                                .sharedAt())
                .contains(START);
    }

    @Test
    void a_second_click_sends_no_second_dm_and_says_when_and_with_whom() throws Exception {
        long id = kit.logged(TEAM, ME, "bad Pipeline slipped");
        int dmsBefore = kit.dms().size();
        kit.click(TEAM, ME, "share_bad_news", Long.toString(id));
        kit.clock.advance(Duration.ofHours(1));

        FakeSlack.Call again = kit.click(TEAM, ME, "share_bad_news", Long.toString(id));

        assertThat(again.param("text"))
                .contains("already shared this with <@" + BOSS + "> today at 09:00")
                .contains("wasn't sent again");
        assertThat(again.param("replace_original")).isEqualTo("false");
        assertThat(kit.dms()).hasSize(dmsBefore + 1);
        assertThat(sharedAt(id)).contains(START);
    }

    @Test
    void two_fast_clicks_send_one_dm() throws Exception {
        long id = kit.logged(TEAM, ME, "bad Lost a rep");
        int dmsBefore = kit.dms().size();
        kit.slack.fail("chat.postMessage", new FakeSlack.Fault.Slow(Duration.ofMillis(400)), 1);

        kit.app.slack().click(TEAM, ME, "share_bad_news", Long.toString(id));
        kit.app.slack().click(TEAM, ME, "share_bad_news", Long.toString(id));
        List<String> answers =
                List.of(kit.nextResponse().param("text"), kit.nextResponse().param("text"));

        assertThat(kit.dms()).hasSize(dmsBefore + 1);
        assertThat(answers)
                .anySatisfy(t -> assertThat(t).contains("Shared with"))
                .anySatisfy(t -> assertThat(t).contains("already shared"));
    }

    @Test
    void a_forged_value_is_refused_and_changes_nothing() throws Exception {
        kit.manager(TEAM, "U0OTHER", ZoneId.of("UTC"), "U0OTHERBOSS");
        long theirs = kit.logged(TEAM, "U0OTHER", "bad their news");
        kit.manager("T0SECOND", ME, ZoneId.of("UTC"), BOSS);
        long otherTeam = kit.logged("T0SECOND", ME, "bad news in the other workspace");
        int dmsBefore = kit.dms().size();

        for (String forged :
                new String[] {
                    Long.toString(theirs),
                    Long.toString(otherTeam),
                    "abc",
                    "12; drop table news",
                    "99999999999999999999999",
                    Long.toString(Long.MAX_VALUE),
                    "-1",
                    "0",
                    ""
                }) {
            FakeSlack.Call answer = kit.click(TEAM, ME, "share_bad_news", forged);
            assertThat(answer.param("text")).contains("That item isn't yours or no longer exists");
            assertThat(answer.param("replace_original")).isEqualTo("false");
        }
        assertThat(kit.dms()).hasSize(dmsBefore);
        assertThat(TestDatabase.rows("news WHERE shared_at IS NOT NULL OR shared_with IS NOT NULL"))
                .isZero();
    }

    @Test
    void without_a_boss_nothing_is_sent_and_the_manager_is_told_how_to_set_one() throws Exception {
        kit.manager(TEAM, "U0NOBOSS", ZoneId.of("UTC"), null);
        long id = kit.logged(TEAM, "U0NOBOSS", "good quota hit");
        int dmsBefore = kit.dms().size();

        FakeSlack.Call answer = kit.click(TEAM, "U0NOBOSS", "share_good_news", Long.toString(id));

        assertThat(answer.param("text"))
                .contains("haven't set a boss yet")
                .contains("nothing was sent")
                .contains("`/bossreview boss @user`");
        assertThat(kit.dms()).hasSize(dmsBefore);
        assertThat(sharedAt(id)).isEmpty();
    }

    @Test
    void when_slack_fails_the_manager_is_told_it_was_not_sent_and_nothing_is_marked_shared()
            throws Exception {
        long id = kit.logged(TEAM, ME, "bad Forecast miss");
        FakeSlack.Fault[] faults = {
            new FakeSlack.Fault.ServerError(500),
            new FakeSlack.Fault.RateLimited(1),
            new FakeSlack.Fault.ApiError("channel_not_found")
        };
        String[] reasons = {"http_500", "ratelimited", "channel_not_found"};
        for (int i = 0; i < faults.length; i++) {
            kit.slack.fail("chat.postMessage", faults[i], 1);
            FakeSlack.Call answer = kit.click(TEAM, ME, "share_bad_news", Long.toString(id));
            assertThat(answer.param("text"))
                    .contains(reasons[i])
                    .contains("NOT sent to <@" + BOSS + ">")
                    .contains("click the button again");
            assertThat(answer.param("replace_original")).isEqualTo("false");
            assertThat(sharedAt(id)).isEmpty();
            assertThat(sharedWith(id)).isEmpty();
        }

        FakeSlack.Call retried = kit.click(TEAM, ME, "share_bad_news", Long.toString(id));
        assertThat(retried.param("text")).contains("Shared with <@" + BOSS + ">");
        assertThat(sharedAt(id)).isPresent();
    }

    @Test
    void two_workspaces_are_isolated_for_the_same_user_id() throws Exception {
        kit.manager("T0SECOND", ME, ZoneId.of("UTC"), "U0BOSS2");
        long mine = kit.logged(TEAM, ME, "good in the first workspace");
        long second = kit.logged("T0SECOND", ME, "good in the second workspace");
        NewsService news =
                new NewsService(
                        TestDatabase.database().jdbi(), kit.clock, NewsService.Reminders.NONE);

        assertThat(news.all(TEAM, ME)).extracting(NewsItem::id).containsExactly(mine);
        assertThat(news.all("T0SECOND", ME)).extracting(NewsItem::id).containsExactly(second);

        int dmsBefore = kit.dms().size();
        assertThat(kit.click("T0SECOND", ME, "share_good_news", Long.toString(mine)).param("text"))
                .contains("isn't yours");
        assertThat(kit.dms()).hasSize(dmsBefore);
        assertThat(
                        kit.click("T0SECOND", ME, "share_good_news", Long.toString(second))
                                .param("text"))
                .contains("Shared with <@U0BOSS2>");
        assertThat(kit.dms().get(dmsBefore).param("channel")).isEqualTo("U0BOSS2");
        assertThat(sharedAt(mine)).isEmpty();
    }
}
