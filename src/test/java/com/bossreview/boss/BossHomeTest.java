package com.bossreview.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The boss's App Home, through the real app: what each manager sent them, newest first, and the
 * answer buttons working from the tab (no response_url there: the tab is republished).
 */
class BossHomeTest extends BossDmTest {
    private static final String HEADING = "What your managers sent you";

    @BeforeEach
    void twoManagersWithOneBoss() {
        managerWithBoss();
        managerOf(TEAM, MANAGER2, BOSS);
    }

    /** {@code user} opens App Home; the view published for them. */
    static JsonObject home(String user) throws InterruptedException {
        int publishes = seen("views.publish");
        assertThat(app.slack().appHomeOpened(TEAM, user).statusCode()).isEqualTo(200);
        FakeSlack.Call publish = next("views.publish", publishes);
        assertThat(publish.param("user_id")).isEqualTo(user);
        return JsonParser.parseString(publish.param("view")).getAsJsonObject();
    }

    static String text(JsonObject view) {
        return new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(view);
    }

    /**
     * The value of the {@code actionId} button on the item whose value starts with {@code kind}.
     */
    static String valueOf(JsonObject view, String actionId, String kind) {
        return buttons(view.getAsJsonArray("blocks")).stream()
                .filter(b -> b.get("action_id").getAsString().equals(actionId))
                .map(b -> b.get("value").getAsString())
                .filter(v -> v.startsWith(kind + ":"))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + actionId + " " + kind + " in " + view));
    }

    @Test
    void the_boss_sees_what_each_manager_sent_newest_first_and_never_what_was_not_sent()
            throws Exception {
        send(TEAM, ME, Sending.NEWS);
        clock.advance(Duration.ofHours(1));
        send(TEAM, MANAGER2, Sending.FORECAST);
        clock.advance(Duration.ofHours(1));
        send(TEAM, ME, Sending.AGENDA);
        SlackRequests.text(app.slack().command(TEAM, ME, "bad Lost Initech"));

        JsonObject view = home(BOSS);
        String shown = text(view);

        assertThat(shown).contains(HEADING).doesNotContain("Lost Initech");
        int agenda = shown.indexOf("Agenda for the weekly review (23–29 Nov)");
        int forecast = shown.indexOf("Q4 FY2026 forecast: *250,000*");
        int news = shown.indexOf("Good news: Acme signed");
        assertThat(agenda).isPositive().isLessThan(forecast);
        assertThat(forecast).isLessThan(news);
        assertThat(shown.substring(forecast - 200, forecast)).contains("<@" + MANAGER2 + ">");
        assertThat(shown.substring(agenda - 200, agenda)).contains("<@" + ME + ">", "<!date^");
        assertThat(buttons(view.getAsJsonArray("blocks")))
                .filteredOn(b -> b.get("action_id").getAsString().equals("boss_thanks"))
                .extracting(b -> b.getAsJsonObject("text").get("text").getAsString())
                .containsExactly("Got it", "Got it", "Thanks");
        assertThat(view.getAsJsonArray("blocks").size()).isLessThanOrEqualTo(100);
        // Not a manager themselves: the welcome comes after what was sent to them.
        assertThat(shown.indexOf("Welcome to bossreview")).isGreaterThan(news);
    }

    @Test
    void got_it_on_app_home_is_recorded_the_manager_is_told_once_and_the_tab_shows_it()
            throws Exception {
        send(TEAM, MANAGER2, Sending.FORECAST);
        String value = valueOf(home(BOSS), "boss_thanks", "forecast");
        int publishes = seen("views.publish");
        int toManager = dmsTo(MANAGER2).size();
        int responses = seen(FakeSlack.RESPONSE_URL);

        app.slack().clickOnHome(TEAM, BOSS, "boss_thanks", value);

        FakeSlack.Call republished = next("views.publish", publishes);
        assertThat(republished.param("user_id")).isEqualTo(BOSS);
        JsonObject view = JsonParser.parseString(republished.param("view")).getAsJsonObject();
        assertThat(text(view))
                .contains("Got it — <@" + MANAGER2 + "> has been told.")
                .contains("You said got it");
        assertThat(buttons(view.getAsJsonArray("blocks")))
                .extracting(b -> b.get("action_id").getAsString())
                .doesNotContain("boss_thanks", "boss_lets_talk");
        assertThat(dmsTo(MANAGER2)).hasSize(toManager + 1);
        assertThat(dmsTo(MANAGER2).get(toManager).param("text"))
                .isEqualTo(":+1: <@" + BOSS + "> got your Q4 FY2026 forecast of 250,000.");

        // A second click (an old tab): nothing recorded or sent again.
        app.slack().clickOnHome(TEAM, BOSS, "boss_thanks", value);
        assertThat(next("views.publish", publishes + 1).json("view"))
                .contains("You already said got it");
        assertThat(dmsTo(MANAGER2)).hasSize(toManager + 1);
        assertThat(TestDatabase.rows("boss_reply WHERE reply = 'THANKS'")).isEqualTo(1);
        assertThat(slack.calls(FakeSlack.RESPONSE_URL)).hasSize(responses);
    }

    @Test
    void lets_talk_on_app_home_tells_the_manager_and_someone_else_clicking_it_changes_nothing()
            throws Exception {
        send(TEAM, ME, Sending.NEWS);
        String value = valueOf(home(BOSS), "boss_lets_talk", "news");
        int publishes = seen("views.publish");
        int toManager = dmsTo(ME).size();

        app.slack().clickOnHome(TEAM, MANAGER2, "boss_lets_talk", value);
        assertThat(next("views.publish", publishes).json("view")).contains("isn't yours");
        assertThat(TestDatabase.rows("boss_reply")).isZero();

        app.slack().clickOnHome(TEAM, BOSS, "boss_lets_talk", value);
        assertThat(next("views.publish", publishes + 1).json("view"))
                .contains("<@" + ME + "> has been told you'd like to talk", "You asked to talk");
        assertThat(dmsTo(ME)).hasSize(toManager + 1);
        assertThat(dmsTo(ME).get(toManager).param("text"))
                .contains("<@" + BOSS + "> would like to talk about your news 'Acme signed'");
    }

    @Test
    void a_manager_who_is_also_a_boss_sees_their_own_card_first_then_what_was_sent_to_them()
            throws Exception {
        managerOf(TEAM, BOSS, "U0BIGBOSS");
        send(TEAM, ME, Sending.NEWS);

        String shown = text(home(BOSS));

        int own = shown.indexOf("<@U0BIGBOSS>");
        assertThat(own).as("their own card names their boss").isPositive();
        assertThat(shown.indexOf(HEADING)).isGreaterThan(own);
        assertThat(shown)
                .contains("Good news: Acme signed")
                .doesNotContain("Welcome to bossreview");
    }

    @Test
    void nothing_sent_in_another_workspace_shows_and_a_manager_sees_no_boss_section()
            throws Exception {
        Workspaces.sharedNews("T0OTHER", "U0OTHERMGR", BOSS, "Globex renewal");

        String boss = text(home(BOSS));
        assertThat(boss).doesNotContain("Globex").doesNotContain(HEADING);

        send(TEAM, MANAGER2, Sending.NEWS);
        assertThat(text(home(ME))).doesNotContain(HEADING).doesNotContain("Acme signed");
        assertThat(text(home(BOSS))).contains(HEADING, "Acme signed").doesNotContain("Globex");
    }

    /** Rows of another workspace, written without Slack. */
    static final class Workspaces {
        static void sharedNews(String team, String manager, String boss, String body) {
            managerOf(team, manager, boss);
            TestDatabase.database()
                    .jdbi()
                    .useHandle(
                            h ->
                                    h.execute(
                                            """
                    INSERT INTO news (team_id, user_id, kind, body, logged_at, shared_at, shared_with, told_how)
                    VALUES (?, ?, 'GOOD', ?, ?, ?, ?, 'DM')""",
                                            team,
                                            manager,
                                            body,
                                            WEDNESDAY,
                                            WEDNESDAY,
                                            boss));
        }

        private Workspaces() {}
    }

    /** Used by the digest test too: the boss section's buttons, by action id. */
    static List<String> actionIds(JsonObject view) {
        return buttons(view.getAsJsonArray("blocks")).stream()
                .map(b -> b.get("action_id").getAsString())
                .toList();
    }
}
