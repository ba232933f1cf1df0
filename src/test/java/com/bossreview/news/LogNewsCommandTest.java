package com.bossreview.news;

import static com.bossreview.news.NewsTestKit.BOSS;
import static com.bossreview.news.NewsTestKit.ME;
import static com.bossreview.news.NewsTestKit.TEAM;
import static com.bossreview.news.NewsTestKit.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class LogNewsCommandTest {
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
    }

    private static String storedBody(long id) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT body FROM news WHERE id = :id")
                                        .bind("id", id)
                                        .mapTo(String.class)
                                        .one());
    }

    @Test
    void good_news_is_logged_with_a_share_with_boss_button_carrying_its_id() {
        kit.manager(TEAM, ME, ZoneId.of("Europe/Paris"), BOSS);
        JsonObject ack = kit.log(TEAM, ME, "good Closed the Acme deal :tada:");

        assertThat(ack.get("text").getAsString())
                .contains("Good news travels fast — share it while it's fresh");
        JsonObject button = buttons(ack).get(0);
        assertThat(buttons(ack))
                .extracting(b -> b.get("action_id").getAsString())
                .containsExactly("share_good_news", "told_boss", "dismiss_news", "edit_news");
        assertThat(buttons(ack))
                .allSatisfy(
                        b ->
                                assertThat(b.get("value").getAsString())
                                        .isEqualTo(button.get("value").getAsString()));
        assertThat(button.get("action_id").getAsString()).isEqualTo("share_good_news");
        assertThat(button.getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("Share with boss");
        long id = Long.parseLong(button.get("value").getAsString());
        NewsItem item =
                new NewsService(
                                TestDatabase.database().jdbi(),
                                kit.clock,
                                NewsService.Reminders.NONE)
                        .find(TEAM, ME, id)
                        .orElseThrow();
        assertThat(item.kind()).isEqualTo(NewsKind.GOOD);
        assertThat(item.body()).isEqualTo("Closed the Acme deal :tada:");
        assertThat(item.loggedAt()).isEqualTo(NewsTestKit.START);
        assertThat(item.shared()).isFalse();
        assertThat(ack.toString())
                .contains("> Closed the Acme deal")
                .doesNotContain("set one with");
        assertThat(kit.dms()).isEmpty();
    }

    @Test
    void bad_news_is_logged_with_an_urgent_tell_boss_now_button_and_a_way_to_say_it_was_told() {
        kit.manager(TEAM, ME, ZoneId.of("Europe/Paris"), BOSS);
        JsonObject ack = kit.log(TEAM, ME, "BAD Lost the Globex renewal");

        assertThat(ack.get("text").getAsString())
                .contains("Tell your boss now — they must never hear it from someone else first");
        JsonObject button = buttons(ack).get(0);
        assertThat(button.get("action_id").getAsString()).isEqualTo("share_bad_news");
        assertThat(button.get("style").getAsString()).isEqualTo("primary");
        assertThat(button.getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("Tell boss now");
        assertThat(buttons(ack).get(1).get("action_id").getAsString()).isEqualTo("told_boss");
        assertThat(buttons(ack).get(1).getAsJsonObject("text").get("text").getAsString())
                .isEqualTo("I told them already");
        long id = Long.parseLong(button.get("value").getAsString());
        assertThat(
                        TestDatabase.rows(
                                "news WHERE id = "
                                        + id
                                        + " AND kind = 'BAD' AND user_id = '"
                                        + ME
                                        + "'"))
                .isEqualTo(1);
    }

    @Test
    void a_first_time_manager_without_a_boss_is_created_and_told_how_to_set_one() {
        JsonObject ack = kit.log(TEAM, "U0NEWBIE", "bad Churn is up 5%");

        assertThat(ack.toString()).contains("set one with `/bossreview boss @user`");
        assertThat(buttons(ack).get(0).get("action_id").getAsString()).isEqualTo("share_bad_news");
        assertThat(TestDatabase.rows("manager WHERE user_id = 'U0NEWBIE'")).isEqualTo(1);
        assertThat(TestDatabase.rows("news WHERE user_id = 'U0NEWBIE'")).isEqualTo(1);
    }

    @Test
    void empty_news_gets_the_usage_and_stores_nothing() {
        for (String text : new String[] {"good", "bad", "good    ", "bad \t "}) {
            JsonObject ack = kit.log(TEAM, ME, text);
            assertThat(ack.get("text").getAsString())
                    .contains("news?")
                    .contains("Nothing was saved")
                    .containsPattern("Usage: `/bossreview (good|bad) <text>`");
            assertThat(ack.has("blocks")).isFalse();
        }
        assertThat(TestDatabase.rows("news")).isZero();
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void news_longer_than_two_thousand_characters_is_refused_and_stores_nothing() {
        JsonObject ack = kit.log(TEAM, ME, "bad " + "x".repeat(2001));
        assertThat(ack.get("text").getAsString())
                .contains("2,001 characters")
                .contains("at most 2,000")
                .contains("Nothing was saved")
                .contains("Usage: `/bossreview bad <text>`");
        assertThat(TestDatabase.rows("news")).isZero();
        assertThat(TestDatabase.rows("manager")).isZero();

        assertThat(kit.log(TEAM, ME, "good " + "x".repeat(4000)).get("text").getAsString())
                .contains("longer than bossreview accepts");
        assertThat(TestDatabase.rows("news")).isZero();
    }

    @Test
    void exactly_two_thousand_characters_after_trimming_are_fine() {
        long id = kit.logged(TEAM, ME, "good    " + "y".repeat(2000) + "   ");
        assertThat(storedBody(id)).hasSize(2000);
    }

    @Test
    void emoji_and_any_unicode_are_stored_as_typed() {
        String text = "Deal signed 🎉🚀 — Zürich, 東京, Ελλάδα 👩🏽‍💼";
        long id = kit.logged(TEAM, ME, "good " + text);
        assertThat(storedBody(id)).isEqualTo(text);
    }

    @Test
    void sql_in_the_text_is_stored_verbatim_as_harmless_text() {
        String text = "'; drop table news; --";
        long id = kit.logged(TEAM, ME, "bad " + text);
        assertThat(storedBody(id)).isEqualTo(text);
        assertThat(TestDatabase.rows("news")).isEqualTo(1);
    }

    @Test
    void a_nul_character_is_dropped_rather_than_breaking_the_insert() {
        long id = kit.logged(TEAM, ME, "good before\u0000after");
        assertThat(storedBody(id)).isEqualTo("beforeafter");
        JsonObject ack = kit.log(TEAM, ME, "good \u0000\u0000");
        assertThat(ack.get("text").getAsString()).contains("Nothing was saved");
        assertThat(TestDatabase.rows("news")).isEqualTo(1);
    }

    @Test
    void echoed_text_cannot_mention_or_link_anyone() {
        JsonObject ack = kit.log(TEAM, ME, "good <!channel> won <http://evil.example|this> & more");
        String blocks = ack.getAsJsonArray("blocks").toString();
        assertThat(blocks)
                .contains("&lt;!channel&gt;")
                .contains("&lt;http://evil.example|this&gt;")
                .contains("&amp; more")
                .doesNotContain("<!channel>");
    }

    @Test
    void logging_news_calls_no_slack_method_before_the_ack() {
        kit.manager(TEAM, "U0QUIET", ZoneId.of("UTC"), BOSS);
        kit.log(TEAM, "U0QUIET", "good fine");
        assertThat(kit.slack.calls())
                .noneMatch(
                        c ->
                                "U0QUIET".equals(c.param("user"))
                                        || "U0QUIET".equals(c.param("channel"))
                                        || c.method().equals("chat.postMessage"));
    }
}
