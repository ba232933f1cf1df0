package com.bossreview.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.Nudging;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The boss's weekly digest, through the real app and the nudge engine: opted in by command or on
 * App Home, sent on the boss's Monday morning once, unanswered first, forecasts added up per
 * quarter; nothing when nothing was sent; gone with digest off, forget or uninstall.
 */
class BossDigestTest extends BossDmTest {
    /** Monday 30 Nov 2026, 08:00 in New York (the boss's zone in the fake Slack). */
    private static final Instant MONDAY_0800 = Instant.parse("2026-11-30T13:00:00Z");

    /** The DMs of earlier tests (one fake Slack serves the class): not this test's. */
    private static int earlier;

    @BeforeEach
    void twoManagersWithOneBoss() {
        earlier = seen("chat.postMessage");
        managerWithBoss();
        managerOf(TEAM, MANAGER2, BOSS);
    }

    private static String digest(String args) throws InterruptedException {
        return digestAs(BOSS, args);
    }

    /** {@code user} types {@code digest <args>}; the answer (the ack, or the reply after it). */
    private static String digestAs(String user, String args) throws InterruptedException {
        int responses = seen(FakeSlack.RESPONSE_URL);
        String ack = SlackRequests.text(app.slack().command(TEAM, user, "digest " + args));
        if (!ack.isBlank()) {
            return ack;
        }
        return next(FakeSlack.RESPONSE_URL, responses).param("text");
    }

    /** Plans and sends what is due at {@code at}; the DMs the boss got. */
    private static java.util.List<FakeSlack.Call> digestsAt(Instant at) {
        clock.set(at);
        app.nudges().materializer().materialize();
        Nudging.drain(app.nudges().engine());
        java.util.List<FakeSlack.Call> dms = slack.calls("chat.postMessage");
        return dms.subList(earlier, dms.size()).stream()
                .filter(c -> BOSS.equals(c.param("channel")))
                .filter(c -> c.param("text").contains("What your managers sent you last week"))
                .toList();
    }

    private static int digestRows(String state) {
        return TestDatabase.rows(
                "nudge WHERE kind = 'BOSS_DIGEST' AND user_id = '" + BOSS + "'" + state);
    }

    @Test
    void the_digest_comes_once_on_monday_morning_unanswered_first_with_forecasts_per_quarter()
            throws Exception {
        FakeSlack.Call news = send(TEAM, ME, Sending.NEWS);
        answer(news, BOSS, "boss_thanks");
        clock.advance(Duration.ofMinutes(10));
        send(TEAM, MANAGER2, Sending.FORECAST); // 250,000
        clock.advance(Duration.ofMinutes(10));
        SlackRequests.text(app.slack().command(TEAM, ME, "forecast 100k"));
        send(TEAM, ME, Sending.FORECAST); // 250,000 again: ME's last told figure
        assertThat(digest("on")).contains("every Monday at 08:00 (America/New_York)");
        int before = dmsTo(BOSS).size();

        assertThat(digestsAt(MONDAY_0800.minusSeconds(60))).isEmpty();
        java.util.List<FakeSlack.Call> sent = digestsAt(MONDAY_0800);

        assertThat(sent).hasSize(1);
        String text = sent.get(0).param("text");
        assertThat(text)
                .contains("(23–29 Nov)", "3 things, 2 not answered yet")
                .contains("*Forecasts told to you, per quarter*")
                .contains("Q4 FY2026: *500,000* — <@" + ME + ">, <@" + MANAGER2 + ">");
        int open = text.indexOf("*Not answered yet*");
        int answered = text.indexOf("*Answered*");
        assertThat(open).isPositive().isLessThan(answered);
        assertThat(text.substring(open, answered)).contains("forecast").doesNotContain("Acme");
        assertThat(text.substring(answered)).contains("Good news: Acme signed", "You said thanks");
        assertThat(buttons(sent.get(0)))
                .extracting(b -> b.get("action_id").getAsString())
                .containsExactly("boss_digest_off");

        // A restart (planning and claiming again) sends nothing twice.
        assertThat(digestsAt(MONDAY_0800.plus(Duration.ofHours(1)))).hasSize(1);
        assertThat(dmsTo(BOSS)).hasSize(before + 1);
        assertThat(digestRows(" AND state = 'SENT'")).isEqualTo(1);
    }

    @Test
    void a_week_in_which_nothing_was_sent_sends_no_digest() throws Exception {
        send(TEAM, ME, Sending.NEWS);
        digest("on");
        assertThat(digestsAt(MONDAY_0800)).hasSize(1);

        assertThat(digestsAt(MONDAY_0800.plus(Duration.ofDays(7)))).hasSize(1);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE kind = 'BOSS_DIGEST' AND state = 'SKIPPED' "
                                        + "AND outcome = 'nothing sent that week'"))
                .isEqualTo(1);
    }

    @Test
    void digest_off_stops_it_and_the_switch_works_from_app_home_and_from_the_digest()
            throws Exception {
        send(TEAM, ME, Sending.NEWS);
        int publishes = seen("views.publish");
        app.slack().clickOnHome(TEAM, BOSS, "boss_digest_on", "on");
        FakeSlack.Call on = next("views.publish", publishes);
        assertThat(on.json("view")).contains("Weekly digest on", "Stop the weekly digest");
        assertThat(TestDatabase.rows("boss_digest WHERE time_zone = 'America/New_York'"))
                .isEqualTo(1);
        app.nudges().materializer().materialize();
        assertThat(digestRows(" AND state = 'PENDING'")).isPositive();

        FakeSlack.Call dm = digestsAt(MONDAY_0800).get(0);
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().clickIn(TEAM, dm, BOSS, "boss_digest_off", "off");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("Weekly digest off");
        assertThat(TestDatabase.rows("boss_digest")).isZero();
        assertThat(digestRows(" AND state = 'PENDING'")).isZero();

        send(TEAM, ME, Sending.FORECAST);
        assertThat(digestsAt(MONDAY_0800.plus(Duration.ofDays(7)))).hasSize(1);
        assertThat(digest("off")).contains("already off", "Nothing changed");
    }

    @Test
    void bad_input_or_someone_nothing_was_sent_to_changes_nothing() throws Exception {
        assertThat(digest("on"))
                .contains("No manager has sent you anything", "Nothing was changed");
        assertThat(digest("weekly")).contains("`weekly` isn't `on` or `off`", "digest on|off");
        assertThat(digest("")).contains("Say `on` or `off`");
        send(TEAM, ME, Sending.NEWS);
        assertThat(digestAs(ME, "on"))
                .as("the manager sent, the boss received")
                .contains("No manager has sent you anything");
        assertThat(TestDatabase.rows("boss_digest")).isZero();
    }

    @Test
    void a_boss_who_is_no_manager_exports_their_digest_opt_in() throws Exception {
        assertThat(SlackRequests.text(app.slack().command(TEAM, BOSS, "export")))
                .contains("nothing to export");
        send(TEAM, ME, Sending.NEWS);
        digest("on");
        int uploads = seen(FakeSlack.FILE_UPLOAD);
        assertThat(SlackRequests.text(app.slack().command(TEAM, BOSS, "export")))
                .contains("Preparing your export");
        JsonObject export =
                com.google.gson.JsonParser.parseString(
                                next(FakeSlack.FILE_UPLOAD, uploads).param("content"))
                        .getAsJsonObject();
        assertThat(export.get("user_id").getAsString()).isEqualTo(BOSS);
        assertThat(export.has("settings")).as("a boss is no manager").isFalse();
        JsonObject optIn = export.getAsJsonObject("as_boss").getAsJsonObject("weekly_digest");
        assertThat(optIn.get("time_zone").getAsString()).isEqualTo("America/New_York");
        assertThat(optIn.get("opted_in_at").getAsString()).isNotBlank();
    }

    @Test
    void forget_deletes_a_bosss_opt_in_and_its_planned_digests_and_uninstall_does_too()
            throws Exception {
        send(TEAM, ME, Sending.NEWS);
        digest("on");
        app.nudges().materializer().materialize();
        assertThat(digestRows("")).isPositive();

        String ask = SlackRequests.text(app.slack().command(TEAM, BOSS, "forget"));
        assertThat(ask).doesNotContain("stores nothing about you");
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, BOSS, "confirm_forget", BOSS);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("deleted");
        assertThat(TestDatabase.rows("boss_digest")).isZero();
        assertThat(digestRows("")).isZero();
        assertThat(TestDatabase.rows("news")).as("the managers' data stays").isEqualTo(1);

        digest("on");
        assertThat(TestDatabase.rows("boss_digest")).isEqualTo(1);
        assertThat(app.slack().appUninstalled(TEAM).statusCode()).isEqualTo(200);
        assertThat(TestDatabase.rows("boss_digest")).isZero();
    }
}
