package com.bossreview.news;

import static com.bossreview.news.NewsTestKit.BOSS;
import static com.bossreview.news.NewsTestKit.ME;
import static com.bossreview.news.NewsTestKit.TEAM;
import static com.bossreview.news.NewsTestKit.buttons;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code boss_ack_news}, the single "Thanks — let's talk" button of news DMs sent before the three
 * boss buttons: those DMs are still in bosses' Slack, and a click on one is a Let's talk.
 */
@ExtendWith(TestDatabase.class)
class BossAckTest {
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
        kit.manager(TEAM, ME, ZoneId.of("UTC"), BOSS);
    }

    private long sharedBadNews(String text) throws InterruptedException {
        long id = kit.logged(TEAM, ME, "bad " + text);
        assertThat(kit.click(TEAM, ME, "share_bad_news", Long.toString(id)).param("text"))
                .contains("Shared with");
        return id;
    }

    private static int letsTalks(long newsId) {
        return TestDatabase.rows(
                "boss_reply WHERE news_id = "
                        + newsId
                        + " AND reply = 'LETS_TALK' AND boss_user_id = '"
                        + BOSS
                        + "' AND user_id = '"
                        + ME
                        + "'");
    }

    @Test
    void an_old_thanks_lets_talk_button_tells_the_manager_the_boss_wants_to_talk()
            throws Exception {
        long id = sharedBadNews("Lost the Globex renewal, and the upsell with it");
        int dmsBefore = kit.dms().size();
        kit.clock.advance(Duration.ofMinutes(5));

        FakeSlack.Call answer = kit.click(TEAM, BOSS, "boss_ack_news", Long.toString(id));

        assertThat(kit.dms()).hasSize(dmsBefore + 1);
        FakeSlack.Call dm = kit.dms().get(dmsBefore);
        assertThat(dm.param("channel")).isEqualTo(ME);
        assertThat(dm.param("text"))
                .contains(
                        "<@"
                                + BOSS
                                + "> would like to talk about your news "
                                + "'Lost the Globex renewal, and the upsell with it'");
        assertThat(letsTalks(id)).isEqualTo(1);
        assertThat(TestDatabase.rows("boss_reply WHERE answered_at = '2025-03-04T08:05:00Z'"))
                .isEqualTo(1);
        assertThat(answer.param("replace_original")).isEqualTo("true");
        assertThat(answer.param("text")).contains("<@" + ME + "> has been told you'd like to talk");
        assertThat(buttons(answer.param("blocks"))).isEmpty();
    }

    @Test
    void a_second_click_just_says_it_was_already_done() throws Exception {
        long id = sharedBadNews("Slipped deal");
        int dmsBefore = kit.dms().size();
        kit.click(TEAM, BOSS, "boss_ack_news", Long.toString(id));
        kit.clock.advance(Duration.ofMinutes(1));

        FakeSlack.Call again = kit.click(TEAM, BOSS, "boss_ack_news", Long.toString(id));

        assertThat(again.param("text"))
                .contains("already asked to talk")
                .contains("<@" + ME + "> knows");
        assertThat(kit.dms()).hasSize(dmsBefore + 1);
        assertThat(letsTalks(id)).isEqualTo(1);
    }

    @Test
    void someone_other_than_the_boss_it_was_shared_with_is_refused() throws Exception {
        long id = sharedBadNews("Churn");
        long unshared = kit.logged(TEAM, ME, "good not shared yet");
        int dmsBefore = kit.dms().size();

        String[][] attempts = {
            {TEAM, "U0INTRUDER", Long.toString(id)},
            {TEAM, ME, Long.toString(id)},
            {"T0SECOND", BOSS, Long.toString(id)},
            {TEAM, BOSS, Long.toString(unshared)},
            {TEAM, BOSS, "news:" + id}, // the new buttons' value is not what the old button carried
            {TEAM, BOSS, "not-a-number"},
            {TEAM, BOSS, "99999999999999999999"}
        };
        for (String[] a : attempts) {
            FakeSlack.Call answer = kit.click(a[0], a[1], "boss_ack_news", a[2]);
            assertThat(answer.param("text"))
                    .as(String.join(" ", a))
                    .contains("isn't yours to answer");
            assertThat(answer.param("replace_original")).isEqualTo("false");
        }
        assertThat(kit.dms()).hasSize(dmsBefore);
        assertThat(TestDatabase.rows("boss_reply")).isZero();
    }

    @Test
    void when_the_manager_cannot_be_told_the_answer_is_not_recorded_and_can_be_given_again()
            throws Exception {
        long id = sharedBadNews("Missed quota");
        kit.slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(503), 1);

        FakeSlack.Call answer = kit.click(TEAM, BOSS, "boss_ack_news", Long.toString(id));

        assertThat(answer.param("text"))
                .contains("http_503")
                .contains("NOT sent")
                .contains("<@" + ME + ">");
        assertThat(TestDatabase.rows("boss_reply")).isZero();
        assertThat(kit.click(TEAM, BOSS, "boss_ack_news", Long.toString(id)).param("text"))
                .contains("<@" + ME + "> has been told you'd like to talk");
        assertThat(letsTalks(id)).isEqualTo(1);
    }
}
