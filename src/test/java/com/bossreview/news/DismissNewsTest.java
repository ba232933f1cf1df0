package com.bossreview.news;

import static com.bossreview.news.NewsTestKit.BOSS;
import static com.bossreview.news.NewsTestKit.ME;
import static com.bossreview.news.NewsTestKit.START;
import static com.bossreview.news.NewsTestKit.TEAM;
import static com.bossreview.news.NewsTestKit.buttons;
import static com.bossreview.news.NewsTestKit.dismissedAt;
import static com.bossreview.news.NewsTestKit.reminders;
import static com.bossreview.news.NewsTestKit.sharedAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.account.ExportService;
import com.bossreview.manager.ManagerService;
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
 * {@code dismiss_news}: news logged by mistake goes away everywhere but the export, and can't be
 * sent.
 */
@ExtendWith(TestDatabase.class)
class DismissNewsTest {
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
            dismissed_news_gets_no_reminders_and_leaves_the_list_and_the_agenda_but_stays_in_the_export()
                    throws Exception {
        long mistake = kit.logged(TEAM, ME, "bad Lost Initech (wrong account, sorry)");
        long real = kit.logged(TEAM, ME, "bad Lost Hooli");
        kit.clock.advance(Duration.ofMinutes(3));

        FakeSlack.Call answer = kit.click(TEAM, ME, "dismiss_news", Long.toString(mistake));

        assertThat(answer.param("replace_original")).isEqualTo("true");
        assertThat(answer.param("text"))
                .contains("Dismissed")
                .contains("no more reminders")
                .contains("Nothing was sent");
        assertThat(buttons(answer.param("blocks"))).isEmpty();
        assertThat(dismissedAt(mistake)).contains(START.plus(Duration.ofMinutes(3)));
        assertThat(sharedAt(mistake)).isEmpty();

        String list = kit.log(TEAM, ME, "news").toString();
        assertThat(list).contains("Lost Hooli").doesNotContain("Initech");
        String agenda = kit.log(TEAM, ME, "agenda").toString();
        assertThat(agenda).contains("Lost Hooli").doesNotContain("Initech");
        var manager =
                new ManagerService(TestDatabase.database().jdbi(), kit.clock, (t, u) -> {})
                        .find(TEAM, ME)
                        .orElseThrow();
        String export =
                new ExportService(TestDatabase.database().jdbi(), kit.clock)
                        .export(manager.teamId(), manager.userId(), java.util.Optional.of(manager))
                        .orElseThrow();
        assertThat(export)
                .contains("Lost Initech (wrong account, sorry)")
                .contains("\"dismissed_at\": \"2025-03-04T08:03:00Z\"");

        kit.drainAt(START.plus(Duration.ofMinutes(30)));
        kit.drainAt(START.plus(Duration.ofMinutes(150)));
        assertThat(reminders(mistake))
                .containsExactly("SKIPPED:dismissed", "SKIPPED:dismissed", "PENDING");
        assertThat(reminders(real)).hasSize(3).element(0).asString().startsWith("SENT");
        assertThat(reminders(real).get(1)).startsWith("SENT");
        assertThat(kit.dmsTo(ME)).noneMatch(dm -> dm.param("text").contains("Initech"));
    }

    @Test
    void a_share_click_on_dismissed_news_sends_nothing_and_says_why() throws Exception {
        long id = kit.logged(TEAM, ME, "good Big win (duplicate)");
        kit.click(TEAM, ME, "dismiss_news", Long.toString(id));

        FakeSlack.Call share = kit.click(TEAM, ME, "share_good_news", Long.toString(id));

        assertThat(share.param("text"))
                .contains("You dismissed this news today at 09:00, so nothing was sent");
        assertThat(share.param("replace_original")).isEqualTo("false");
        assertThat(kit.newDms()).isEmpty();
        assertThat(sharedAt(id)).isEmpty();
    }

    @Test
    void a_second_dismiss_changes_nothing_and_told_and_dismissed_exclude_each_other()
            throws Exception {
        long dismissed = kit.logged(TEAM, ME, "bad typo'd news");
        kit.click(TEAM, ME, "dismiss_news", Long.toString(dismissed));
        kit.clock.advance(Duration.ofMinutes(10));

        assertThat(kit.click(TEAM, ME, "dismiss_news", Long.toString(dismissed)).param("text"))
                .contains("You dismissed this today at 09:00 — nothing changed");
        assertThat(kit.click(TEAM, ME, "told_boss", Long.toString(dismissed)).param("text"))
                .contains("You dismissed this today at 09:00, so it wasn't marked as told");
        assertThat(dismissedAt(dismissed)).contains(START);
        assertThat(sharedAt(dismissed)).isEmpty();

        long told = kit.logged(TEAM, ME, "bad told by phone");
        kit.click(TEAM, ME, "told_boss", Long.toString(told));
        assertThat(kit.click(TEAM, ME, "dismiss_news", Long.toString(told)).param("text"))
                .contains("You marked this as told outside Slack today at 09:10")
                .contains("told news stays on record, so it wasn't dismissed");
        assertThat(dismissedAt(told)).isEmpty();
        assertThat(kit.newDms()).isEmpty();
    }
}
