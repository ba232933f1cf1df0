package com.bossreview.news;

import static com.bossreview.news.NewsTestKit.BOSS;
import static com.bossreview.news.NewsTestKit.ME;
import static com.bossreview.news.NewsTestKit.TEAM;
import static com.bossreview.news.NewsTestKit.buttons;
import static com.bossreview.news.NewsTestKit.toldHow;
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

/** {@code /bossreview news}: the open items with their buttons, and clicks on them. */
@ExtendWith(TestDatabase.class)
class ListNewsTest {
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

    private static List<String> actionIds(JsonObject message) {
        return buttons(message).stream().map(b -> b.get("action_id").getAsString()).toList();
    }

    @Test
    void lists_only_open_news_bad_first_oldest_first_each_with_its_buttons() throws Exception {
        long oldGood = kit.logged(TEAM, ME, "good Old win");
        kit.clock.advance(Duration.ofMinutes(5));
        long oldBad = kit.logged(TEAM, ME, "bad Older loss");
        kit.clock.advance(Duration.ofMinutes(5));
        long newBad = kit.logged(TEAM, ME, "bad Newer loss");
        long shared = kit.logged(TEAM, ME, "good Shared by DM");
        long told = kit.logged(TEAM, ME, "bad Told by phone");
        long dismissed = kit.logged(TEAM, ME, "bad Logged by mistake");
        kit.click(TEAM, ME, "share_good_news", Long.toString(shared));
        kit.click(TEAM, ME, "told_boss", Long.toString(told));
        kit.click(TEAM, ME, "dismiss_news", Long.toString(dismissed));
        kit.manager(TEAM, "U0OTHER", ZoneId.of("UTC"), BOSS);
        kit.logged(TEAM, "U0OTHER", "bad Someone else's");

        JsonObject list = kit.log(TEAM, ME, "news");

        String text = list.toString();
        assertThat(text)
                .contains(
                        "Older loss",
                        "Newer loss",
                        "Old win",
                        "logged 10 minutes ago",
                        "logged 5 minutes ago")
                .doesNotContain(
                        "Shared by DM", "Told by phone", "Logged by mistake", "Someone else");
        assertThat(text.indexOf("Older loss")).isLessThan(text.indexOf("Newer loss"));
        assertThat(text.indexOf("Newer loss")).isLessThan(text.indexOf("Old win"));
        assertThat(actionIds(list))
                .containsExactly(
                        "share_bad_news",
                        "told_boss",
                        "dismiss_news",
                        "edit_news",
                        "share_bad_news",
                        "told_boss",
                        "dismiss_news",
                        "edit_news",
                        "share_good_news",
                        "told_boss",
                        "dismiss_news",
                        "edit_news");
        assertThat(
                        buttons(list).stream()
                                .map(b -> b.get("value").getAsString())
                                .distinct()
                                .toList())
                .containsExactly(
                        Long.toString(oldBad), Long.toString(newBad), Long.toString(oldGood));
        for (var block : list.getAsJsonArray("blocks")) {
            if (block.getAsJsonObject().get("type").getAsString().equals("actions")) {
                assertThat(block.getAsJsonObject().get("block_id").getAsString())
                        .startsWith("news_list_");
            }
        }
    }

    @Test
    void with_nothing_open_it_says_so() {
        assertThat(kit.log(TEAM, ME, "news").toString()).contains("Nothing open");
        assertThat(kit.log(TEAM, "U0STRANGER", "news").toString()).contains("Nothing open");
        assertThat(TestDatabase.rows("manager WHERE user_id = 'U0STRANGER'")).isZero();
    }

    @Test
    void a_long_list_stays_inside_slacks_fifty_blocks_and_says_how_many_more() {
        for (int i = 0; i < 40; i++) {
            kit.logged(TEAM, ME, "bad loss number " + i);
        }

        JsonObject list = kit.log(TEAM, ME, "news");

        assertThat(list.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(50);
        assertThat(list.toString())
                .contains("…and 25 more")
                .contains("loss number 0")
                .doesNotContain("loss number 15", "loss number 39");
        assertThat(buttons(list)).hasSize(15 * 4);
    }

    @Test
    void a_click_in_the_list_shows_the_list_again_without_that_item_and_the_outcome_on_top()
            throws Exception {
        long first = kit.logged(TEAM, ME, "bad First loss");
        long second = kit.logged(TEAM, ME, "bad Second loss");

        FakeSlack.Call answer =
                kit.clickIn(TEAM, ME, "told_boss", Long.toString(first), "news_list_" + first);

        assertThat(answer.param("replace_original")).isEqualTo("true");
        String blocks = answer.json("blocks");
        assertThat(blocks)
                .contains("Marked as told outside Slack", "Your open news", "Second loss")
                .doesNotContain("First loss");
        assertThat(buttons(answer.param("blocks")))
                .extracting(b -> b.get("value").getAsString())
                .containsOnly(Long.toString(second));
        assertThat(toldHow(first)).contains("OUTSIDE");

        FakeSlack.Call again =
                kit.clickIn(TEAM, ME, "told_boss", Long.toString(first), "news_list_" + first);
        assertThat(again.param("replace_original")).isEqualTo("false");
        assertThat(again.param("text")).contains("nothing changed");
    }

    @Test
    void words_after_news_get_the_usage_and_change_nothing() {
        long id = kit.logged(TEAM, ME, "bad A loss");
        JsonObject reply = kit.log(TEAM, ME, "news edit 1 something");
        assertThat(reply.get("text").getAsString())
                .contains("takes nothing after it")
                .contains("Usage: `/bossreview news`");
        assertThat(NewsTestKit.body(id)).isEqualTo("A loss");
    }
}
