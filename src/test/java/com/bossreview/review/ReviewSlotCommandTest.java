package com.bossreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class ReviewSlotCommandTest {
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String OTHER_TEAM = "T0002";
    private static final String ME = "U0MANAGER";
    private static final MutableClock clock =
            new MutableClock(Instant.parse("2026-11-25T18:00:00Z"));
    private static FakeSlack slack;
    private static TestApp app;
    private int responsesBefore;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        app = TestApp.start(slack, clock);
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void count() {
        responsesBefore = slack.calls(FakeSlack.RESPONSE_URL).size();
    }

    private static String review(String team, String user, String args) {
        return SlackRequests.text(app.slack().command(team, user, "review " + args));
    }

    /** A manager whose zone was read from Slack just now, so no Slack call is due. */
    private static void seed(String team, String user, String zone) {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                INSERT INTO manager (team_id, user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, ?, ?, ?, ?)""",
                                        team,
                                        user,
                                        zone,
                                        clock.instant(),
                                        clock.instant()));
        slack.user(user, team, false, false, zone);
    }

    private static void sql(String statement, Object... args) {
        TestDatabase.database().jdbi().useHandle(h -> h.execute(statement, args));
    }

    /** e.g. {@code 5 17:00}, or empty when no slot is stored. */
    private static Optional<String> storedSlot(String team, String user) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                """
                        SELECT review_day || ' ' || to_char(review_time, 'HH24:MI') FROM manager
                        WHERE team_id = :t AND user_id = :u""")
                                        .bind("t", team)
                                        .bind("u", user)
                                        .mapTo(String.class)
                                        .findOne()
                                        .flatMap(Optional::ofNullable));
    }

    private String nextResponse() throws InterruptedException {
        return slack.awaitCalls(FakeSlack.RESPONSE_URL, responsesBefore + 1, Duration.ofSeconds(10))
                .get(responsesBefore)
                .param("text");
    }

    @Test
    void without_a_public_url_the_reply_is_its_text_alone_and_no_calendar_feed_is_made() {
        seed(TEAM, ME, "Europe/London");
        var r = app.slack().command(TEAM, ME, "review fri 17:00");
        assertThat(SlackRequests.text(r)).contains("Book it now as a recurring 30-minute meeting");
        assertThat(r.body()).doesNotContain("add_to_calendar").doesNotContain("\"blocks\"");
        assertThat(TestDatabase.rows("calendar_feed")).isZero();
    }

    @Test
    void the_slot_is_stored_for_the_ways_people_write_a_day_and_a_time() {
        seed(TEAM, ME, "Europe/London");
        Map<String, String> spellings =
                Map.of(
                        "fri 17:00", "5 17:00",
                        "Friday 7:45", "5 07:45",
                        "th 08:00", "4 08:00",
                        "MON 12:30", "1 12:30",
                        "on tuesday at 18.15", "2 18:15",
                        "18:00 wed", "3 18:00",
                        "Sunday 0930", "7 09:30",
                        "fri 5pm", "5 17:00",
                        "thu 5:30pm", "4 17:30",
                        "on monday at 6 PM", "1 18:00");
        spellings.forEach(
                (typed, stored) -> {
                    assertThat(review(TEAM, ME, typed))
                            .as(typed)
                            .contains("Your weekly review is set for");
                    assertThat(storedSlot(TEAM, ME)).as(typed).contains(stored);
                });
    }

    @Test
    void the_reply_confirms_the_slot_in_words_with_zone_prime_hours_and_a_booking_suggestion() {
        seed(TEAM, ME, "America/Los_Angeles");
        sql("UPDATE manager SET boss_user_id = 'U0BOSS' WHERE user_id = ?", ME);
        int callsBefore = slack.calls().size();
        String reply = review(TEAM, ME, "fri 17:00");
        assertThat(reply)
                .contains(
                        "Your weekly review is set for *Fridays at 17:00* (America/Los_Angeles time)")
                .contains("outside your prime sales hours (09:00–12:00, 13:30–17:00)")
                .contains(
                        "Book it now as a recurring 30-minute meeting with <@U0BOSS> every Friday at 17:00")
                .contains("/bossreview booked");
        assertThat(slack.calls().size())
                .as("answered without calling Slack")
                .isEqualTo(callsBefore);
    }

    @Test
    void a_manager_whose_slack_locale_writes_12_hour_times_reads_them_so() {
        seed(TEAM, ME, "America/Chicago");
        sql("UPDATE manager SET locale = 'en-US' WHERE user_id = ?", ME);
        assertThat(review(TEAM, ME, "fri 17:30"))
                .contains("*Fridays at 5:30 PM*")
                .contains("every Friday at 5:30 PM");
        assertThat(SlackRequests.text(app.slack().command(TEAM, ME, "settings")))
                .contains("Weekly review: Friday 5:30 PM");
    }

    @Test
    void a_slot_in_prime_hours_is_refused_with_the_nearest_clear_slots_and_nothing_is_stored() {
        String reply = review(TEAM, ME, "fri 10:00");
        assertThat(reply)
                .contains("*Friday 10:00* is in your prime sales hours (09:00–12:00, 13:30–17:00).")
                .contains("Try Friday 08:30 or Friday 12:00")
                .contains(
                        "or change your prime hours with `/bossreview settings prime 09:00-12:00`")
                .contains("Nothing was changed");
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void a_refused_slot_keeps_the_one_already_set() {
        seed(TEAM, ME, "Europe/Paris");
        review(TEAM, ME, "mon 08:00");
        String reply = review(TEAM, ME, "Friday 16:30");
        assertThat(reply)
                .contains("*Friday 16:30* is in your prime sales hours")
                .contains("Try Friday 13:00 or Friday 17:00");
        assertThat(review(TEAM, ME, "fri 8:45"))
                .contains("A 30-minute review at *Friday 08:45* would run into")
                .contains("Try Friday 08:30 or Friday 12:00");
        assertThat(storedSlot(TEAM, ME)).contains("1 08:00");
    }

    @Test
    void the_managers_own_prime_hours_decide() {
        seed(TEAM, ME, "Europe/Paris");
        sql("UPDATE manager SET prime_hours = '07:00-10:00' WHERE user_id = ?", ME);
        assertThat(review(TEAM, ME, "mon 9:45"))
                .contains("(07:00–10:00)")
                .contains("Try Monday 06:30 or Monday 10:00");
        assertThat(storedSlot(TEAM, ME)).isEmpty();
        assertThat(review(TEAM, ME, "mon 10:00"))
                .contains("outside your prime sales hours (07:00–10:00)");
        assertThat(storedSlot(TEAM, ME)).contains("1 10:00");
    }

    @Test
    void a_weekend_slot_is_accepted() {
        seed(TEAM, ME, "Europe/Paris");
        assertThat(review(TEAM, ME, "sat 10:00"))
                .contains("*Saturdays at 10:00*")
                .contains("weekend");
        assertThat(storedSlot(TEAM, ME)).contains("6 10:00");
    }

    @Test
    void a_new_manager_hears_their_time_zone_from_slack_after_the_ack() throws Exception {
        slack.user("U0NEWBIE", TEAM, false, false, "Asia/Tokyo");
        String ack = review(TEAM, "U0NEWBIE", "thu 18:00");
        assertThat(ack)
                .contains("*Thursdays at 18:00*")
                .contains("reading your time zone from your Slack profile")
                .contains("your boss (tell me who with `/bossreview boss @user`)");
        assertThat(storedSlot(TEAM, "U0NEWBIE")).contains("4 18:00");
        assertThat(nextResponse()).contains("Asia/Tokyo").contains("Thursdays at 18:00");
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE user_id = 'U0NEWBIE' AND time_zone = 'Asia/Tokyo'"))
                .isOne();
    }

    @Test
    void slack_failing_to_tell_the_time_zone_is_said_and_the_slot_is_kept() throws Exception {
        slack.fail("users.info", new FakeSlack.Fault.ServerError(500), 1);
        review(TEAM, "U0UNLUCKY", "thu 18:00");
        assertThat(nextResponse())
                .contains("couldn't read your time zone from Slack")
                .contains("http_500")
                .contains("slot is saved");
        assertThat(storedSlot(TEAM, "U0UNLUCKY")).contains("4 18:00");
    }

    @Test
    void unreadable_or_missing_input_gets_a_specific_error_and_the_usage_and_changes_nothing() {
        int callsBefore = slack.calls().size();
        Map<String, String> cases =
                Map.of(
                        "funday 25:99", "`funday` isn't a day I know",
                        "", "When should your weekly review be?",
                        "fri", "What time on Friday?",
                        "16:30", "Which day at 16:30?",
                        "fri 25:99", "`25:99` isn't a time like 16:30",
                        "🎉 🎉", "isn't a day I know",
                        "'; drop table manager; --", "I only need a day and a time",
                        "<!channel> 10:00", "`&lt;!channel&gt;` isn't a day",
                        "fri 13pm", "`13pm` isn't a time");
        cases.forEach(
                (typed, expected) -> {
                    String reply = review(TEAM, ME, typed);
                    assertThat(reply)
                            .as(typed)
                            .contains(expected)
                            .contains("Usage: `/bossreview review <day> <time>`")
                            .contains("Nothing was changed")
                            .doesNotContain("<!channel>");
                });
        assertThat(review(TEAM, ME, "funday 25:99")).contains("`25:99` isn't a time");
        assertThat(TestDatabase.rows("manager")).isZero();
        assertThat(slack.calls().size()).isEqualTo(callsBefore);
    }

    @Test
    void bad_input_leaves_an_existing_slot_alone() {
        seed(TEAM, ME, "Europe/Paris");
        review(TEAM, ME, "tue 08:00");
        for (String bad :
                new String[] {"funday 25:99", "", "fri", "🎉", "'; drop table manager; --"}) {
            review(TEAM, ME, bad);
        }
        assertThat(storedSlot(TEAM, ME)).contains("2 08:00");
        assertThat(TestDatabase.rows("manager")).isOne();
    }

    @Test
    void two_workspaces_are_isolated() {
        seed(TEAM, ME, "Europe/Paris");
        seed(OTHER_TEAM, ME, "Asia/Tokyo");
        review(TEAM, ME, "mon 08:00");
        assertThat(review(OTHER_TEAM, ME, "tue 18:00")).contains("Asia/Tokyo");
        review(OTHER_TEAM, ME, "wed 10:00");
        assertThat(storedSlot(TEAM, ME)).contains("1 08:00");
        assertThat(storedSlot(OTHER_TEAM, ME)).contains("2 18:00");
    }
}
