package com.bossreview.news;

import static com.bossreview.news.NewsTestKit.BOSS;
import static com.bossreview.news.NewsTestKit.ME;
import static com.bossreview.news.NewsTestKit.START;
import static com.bossreview.news.NewsTestKit.TEAM;
import static com.bossreview.news.NewsTestKit.buttons;
import static com.bossreview.news.NewsTestKit.reminders;
import static com.bossreview.news.NewsTestKit.sharedAt;
import static com.bossreview.news.NewsTestKit.sharedWith;
import static com.bossreview.news.NewsTestKit.toldHow;
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
 * "I told them already" ({@code told_boss}): news told by phone or in person counts, and nothing is
 * ever sent.
 */
@ExtendWith(TestDatabase.class)
class ToldBossTest {
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
    void
            told_from_the_logged_reply_ends_the_reminders_sends_the_boss_nothing_and_counts_for_latency()
                    throws Exception {
        long id = kit.logged(TEAM, ME, "bad Lost the Globex renewal");
        assertThat(reminders(id)).containsExactly("PENDING", "PENDING", "PENDING");
        int dmsBefore = kit.dms().size();
        kit.clock.advance(Duration.ofMinutes(12));

        FakeSlack.Call answer = kit.click(TEAM, ME, "told_boss", Long.toString(id));

        // 08:12 UTC is 09:12 in Paris.
        assertThat(answer.param("replace_original")).isEqualTo("true");
        assertThat(answer.param("text"))
                .contains("Marked as told outside Slack at 09:12")
                .contains("12 minutes after logging it")
                .contains("Nothing was sent to <@" + BOSS + ">");
        assertThat(buttons(answer.param("blocks"))).isEmpty();
        assertThat(sharedAt(id)).contains(START.plus(Duration.ofMinutes(12)));
        assertThat(sharedWith(id)).contains(BOSS);
        assertThat(toldHow(id)).contains("OUTSIDE");
        NewsService news =
                new NewsService(
                        TestDatabase.database().jdbi(), kit.clock, NewsService.Reminders.NONE);
        assertThat(news.timeToShare(news.find(TEAM, ME, id).orElseThrow()))
                .isEqualTo(Duration.ofMinutes(12));

        for (int minutes : new int[] {30, 150, 270}) {
            kit.drainAt(START.plus(Duration.ofMinutes(minutes)));
        }
        assertThat(kit.dms()).hasSize(dmsBefore);
        assertThat(reminders(id)).containsOnly("SKIPPED:told outside Slack").hasSize(3);
    }

    @Test
    void a_second_click_changes_nothing_and_says_when_it_was_marked() throws Exception {
        long id = kit.logged(TEAM, ME, "bad Churn is up");
        kit.click(TEAM, ME, "told_boss", Long.toString(id));
        kit.clock.advance(Duration.ofHours(1));

        FakeSlack.Call again = kit.click(TEAM, ME, "told_boss", Long.toString(id));

        assertThat(again.param("replace_original")).isEqualTo("false");
        assertThat(again.param("text"))
                .contains("You marked this as told outside Slack today at 09:00")
                .contains("nothing changed");
        assertThat(sharedAt(id)).contains(START);
        assertThat(kit.newDms()).isEmpty();
    }

    @Test
    void two_fast_clicks_mark_it_once_and_one_of_them_says_it_already_was() throws Exception {
        long id = kit.logged(TEAM, ME, "bad Lost a rep");

        kit.app.slack().click(TEAM, ME, "told_boss", Long.toString(id));
        kit.app.slack().click(TEAM, ME, "told_boss", Long.toString(id));
        var answers =
                java.util.List.of(
                        kit.nextResponse().param("text"), kit.nextResponse().param("text"));

        assertThat(answers)
                .anySatisfy(t -> assertThat(t).contains("Marked as told outside Slack"))
                .anySatisfy(t -> assertThat(t).contains("nothing changed"));
        assertThat(kit.newDms()).isEmpty();
    }

    @Test
    void told_after_a_dm_keeps_the_dm_and_says_so() throws Exception {
        long id = kit.logged(TEAM, ME, "good Signed Acme");
        kit.click(TEAM, ME, "share_good_news", Long.toString(id));
        kit.clock.advance(Duration.ofMinutes(5));

        FakeSlack.Call told = kit.click(TEAM, ME, "told_boss", Long.toString(id));

        assertThat(told.param("text"))
                .contains("You already shared this with <@" + BOSS + "> today at 09:00")
                .contains("nothing changed");
        assertThat(toldHow(id)).contains("DM");
        assertThat(sharedAt(id)).contains(START);
    }

    @Test
    void tell_boss_now_after_told_outside_slack_sends_nothing_and_says_why() throws Exception {
        long id = kit.logged(TEAM, ME, "bad Pipeline slipped");
        kit.click(TEAM, ME, "told_boss", Long.toString(id));

        FakeSlack.Call share = kit.click(TEAM, ME, "share_bad_news", Long.toString(id));

        assertThat(share.param("text"))
                .contains("You marked this as told outside Slack today at 09:00")
                .contains("wasn't sent again");
        assertThat(kit.newDms()).isEmpty();
        assertThat(toldHow(id)).contains("OUTSIDE");
    }

    @Test
    void without_a_boss_it_is_still_marked_told_and_the_manager_hears_how_to_set_one()
            throws Exception {
        kit.manager(TEAM, "U0NOBOSS", ZoneId.of("UTC"), null);
        long id = kit.logged(TEAM, "U0NOBOSS", "bad Lost a rep");

        FakeSlack.Call answer = kit.click(TEAM, "U0NOBOSS", "told_boss", Long.toString(id));

        assertThat(answer.param("text"))
                .contains("Marked as told outside Slack")
                .contains("Nothing was sent to your boss")
                .contains("haven't set a boss yet")
                .contains("/bossreview boss @user");
        assertThat(sharedAt(id)).contains(START);
        assertThat(sharedWith(id)).isEmpty();
        assertThat(toldHow(id)).contains("OUTSIDE");
        assertThat(kit.newDms()).isEmpty();
    }

    @Test
    void forged_and_other_managers_ids_change_nothing_on_any_news_button() throws Exception {
        kit.manager(TEAM, "U0OTHER", ZoneId.of("UTC"), "U0OTHERBOSS");
        long theirs = kit.logged(TEAM, "U0OTHER", "bad their news");
        kit.manager("T0SECOND", ME, ZoneId.of("UTC"), BOSS);
        long otherTeam = kit.logged("T0SECOND", ME, "bad news in the other workspace");
        int opens = kit.slack.calls("views.open").size();

        for (String action : new String[] {"told_boss", "dismiss_news", "edit_news"}) {
            for (String forged :
                    new String[] {
                        Long.toString(theirs),
                        Long.toString(otherTeam),
                        "abc",
                        "-1",
                        "0",
                        "",
                        "1; update news set dismissed_at = now()",
                        "99999999999999999999"
                    }) {
                FakeSlack.Call answer = kit.click(TEAM, ME, action, forged);
                assertThat(answer.param("text"))
                        .as(action + " " + forged)
                        .contains("isn't yours or no longer exists");
                assertThat(answer.param("replace_original")).isEqualTo("false");
            }
        }
        assertThat(kit.newDms()).isEmpty();
        assertThat(kit.slack.calls("views.open")).hasSize(opens);
        assertThat(
                        TestDatabase.rows(
                                "news WHERE shared_at IS NOT NULL OR dismissed_at IS NOT NULL OR told_how IS NOT NULL"))
                .isZero();
        assertThat(reminders(theirs)).containsOnly("PENDING");
    }
}
