package com.bossreview.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code booked} / {@code held} / {@code skip} and the {@code review_*} buttons, through the real
 * app.
 */
@ExtendWith(TestDatabase.class)
class WeeklyMarksTest {
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String OTHER_TEAM = "T0002";
    private static final String LA = "U0LOSANGELES";
    private static final String AKL = "U0AUCKLAND";

    /** Its own user, so a zone refresh still in flight cannot touch another test's manager. */
    private static final String STREAK = "U0STREAK";

    /** Sunday noon in Los Angeles (2026-W48) is Monday 09:00 in Auckland (2026-W49). */
    private static final Instant SUNDAY_EVENING_UTC = Instant.parse("2026-11-29T20:00:00Z");

    private static final MutableClock clock = new MutableClock(SUNDAY_EVENING_UTC);
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
    void reset() {
        clock.set(SUNDAY_EVENING_UTC);
        responsesBefore = slack.calls(FakeSlack.RESPONSE_URL).size();
    }

    private static String run(String team, String user, String text) {
        return SlackRequests.text(app.slack().command(team, user, text));
    }

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

    private static Optional<String> state(String team, String user, String week) {
        String[] yw = week.split("-W");
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                """
                        SELECT state FROM weekly_review
                        WHERE team_id = :t AND user_id = :u AND iso_year = :y AND iso_week = :w""")
                                        .bind("t", team)
                                        .bind("u", user)
                                        .bind("y", Integer.parseInt(yw[0]))
                                        .bind("w", Integer.parseInt(yw[1]))
                                        .mapTo(String.class)
                                        .findOne());
    }

    private FakeSlack.Call nextResponse() throws InterruptedException {
        List<FakeSlack.Call> calls =
                slack.awaitCalls(
                        FakeSlack.RESPONSE_URL, responsesBefore + 1, Duration.ofSeconds(10));
        return calls.get(responsesBefore++);
    }

    private FakeSlack.Call click(String team, String user, String actionId, String value)
            throws InterruptedException {
        assertThat(app.slack().click(team, user, actionId, value).statusCode()).isEqualTo(200);
        return nextResponse();
    }

    @Test
    void the_current_week_is_the_one_in_the_managers_own_time_zone() {
        seed(TEAM, LA, "America/Los_Angeles");
        seed(TEAM, AKL, "Pacific/Auckland");
        assertThat(run(TEAM, LA, "held")).contains("23–29 Nov");
        assertThat(run(TEAM, AKL, "held")).contains("30 Nov–6 Dec");
        assertThat(state(TEAM, LA, "2026-W48")).contains("HELD");
        assertThat(state(TEAM, AKL, "2026-W49")).contains("HELD");
        assertThat(TestDatabase.rows("weekly_review")).isEqualTo(2);
    }

    @Test
    void booked_then_held_then_booked_or_skipped_keeps_it_held() throws Exception {
        seed(TEAM, AKL, "Pacific/Auckland");
        int callsBefore = slack.calls().size();
        int modalsBefore = slack.calls("views.open").size();
        assertThat(run(TEAM, AKL, "booked"))
                .contains("This week's review (30 Nov–6 Dec) is booked")
                .contains("bring one piece of news and ask for one piece of feedback");
        assertThat(state(TEAM, AKL, "2026-W49")).contains("BOOKED");
        assertThat(run(TEAM, AKL, "held")).contains("is marked as held — 1 week in a row 🔥");
        assertThat(state(TEAM, AKL, "2026-W49")).contains("HELD");
        assertThat(run(TEAM, AKL, "booked"))
                .contains("already took place")
                .contains("stays marked as held")
                .contains("Nothing was changed");
        assertThat(run(TEAM, AKL, "skip"))
                .contains("already took place")
                .contains("nothing to skip")
                .contains("Nothing was changed");
        assertThat(run(TEAM, AKL, "held"))
                .contains("was already marked as held — 1 week in a row 🔥");
        assertThat(state(TEAM, AKL, "2026-W49")).contains("HELD");
        assertThat(TestDatabase.rows("weekly_review")).isOne();
        // Each held (the first and the repeated one) offers the feedback modal; nothing else calls
        // Slack, and booked or skip on a held week does not ask for feedback.
        slack.awaitCalls("views.open", modalsBefore + 2, java.time.Duration.ofSeconds(10));
        assertThat(slack.calls().size())
                .as("answered without calling Slack but for the feedback modals")
                .isEqualTo(callsBefore + 2);
    }

    @Test
    void booking_twice_or_skipping_twice_is_friendly_and_idempotent() {
        seed(TEAM, LA, "America/Los_Angeles");
        run(TEAM, LA, "booked");
        assertThat(run(TEAM, LA, "booked")).contains("already booked — nothing to change");
        assertThat(run(TEAM, LA, "skip"))
                .contains("is skipped")
                .contains("Skipped weeks don't break your streak");
        assertThat(run(TEAM, LA, "skip"))
                .contains("already skipped")
                .contains("don't break your streak");
        assertThat(state(TEAM, LA, "2026-W48")).contains("SKIPPED");
        assertThat(run(TEAM, LA, "booked")).contains("booked again — no longer skipped");
        assertThat(state(TEAM, LA, "2026-W48")).contains("BOOKED");
    }

    @Test
    void the_streak_grows_week_by_week_passes_over_a_skip_and_crosses_the_new_year() {
        seed(TEAM, STREAK, "Europe/Paris");
        clock.set(Instant.parse("2026-12-09T12:00:00Z")); // 2026-W50
        assertThat(run(TEAM, STREAK, "held")).contains("1 week in a row 🔥");
        clock.advance(Duration.ofDays(7)); // W51
        assertThat(run(TEAM, STREAK, "held")).contains("2 weeks in a row 🔥");
        clock.advance(Duration.ofDays(7)); // W52
        assertThat(run(TEAM, STREAK, "skip"))
                .contains("don't break your streak (2 weeks in a row 🔥)");
        clock.advance(Duration.ofDays(7)); // W53
        assertThat(run(TEAM, STREAK, "held"))
                .contains("28 Dec–3 Jan")
                .contains("3 weeks in a row 🔥");
        clock.advance(Duration.ofDays(7)); // 2027-W01
        assertThat(run(TEAM, STREAK, "held")).contains("4–10 Jan").contains("4 weeks in a row 🔥");
        clock.advance(Duration.ofDays(14)); // W02 forgotten, W03
        assertThat(run(TEAM, STREAK, "held")).contains("1 week in a row 🔥");
        assertThat(state(TEAM, STREAK, "2026-W53")).contains("HELD");
        assertThat(state(TEAM, STREAK, "2027-W01")).contains("HELD");
        assertThat(TestDatabase.rows("weekly_review")).isEqualTo(6);
    }

    @Test
    void extra_words_are_refused_and_change_nothing() {
        seed(TEAM, LA, "America/Los_Angeles");
        assertThat(run(TEAM, LA, "held yesterday"))
                .contains("`held` needs no extra words")
                .contains("Usage: `/bossreview held`")
                .contains("Nothing was changed");
        assertThat(run(TEAM, LA, "skip 🎉")).contains("Usage: `/bossreview skip`");
        assertThat(run(TEAM, LA, "booked '; drop table weekly_review; --"))
                .contains("Usage: `/bossreview booked`");
        assertThat(run(TEAM, "U0STRANGER", "held <!channel>")).contains("Nothing was changed");
        assertThat(TestDatabase.rows("weekly_review")).isZero();
        assertThat(TestDatabase.rows("manager")).isOne();
    }

    @Test
    void a_button_marks_the_week_it_names_and_replaces_the_message() throws Exception {
        seed(TEAM, AKL, "Pacific/Auckland");
        FakeSlack.Call booked = click(TEAM, AKL, ReviewViews.BOOKED_ACTION, "2026-W49");
        assertThat(booked.param("replace_original")).isEqualTo("true");
        assertThat(booked.param("text")).contains("This week's review").contains("is booked");
        assertThat(booked.param("blocks"))
                .contains(ReviewViews.HELD_ACTION)
                .contains(ReviewViews.SKIP_ACTION)
                .contains("2026-W49")
                .doesNotContain(ReviewViews.BOOKED_ACTION);
        assertThat(state(TEAM, AKL, "2026-W49")).contains("BOOKED");
        FakeSlack.Call held = click(TEAM, AKL, ReviewViews.HELD_ACTION, "2026-W49");
        assertThat(held.param("text")).contains("1 week in a row 🔥");
        // Once held, only Add feedback (Held again, which opens the feedback form) is left.
        assertThat(held.param("blocks"))
                .contains("Add feedback", ReviewViews.HELD_ACTION)
                .doesNotContain(ReviewViews.SKIP_ACTION)
                .doesNotContain(ReviewViews.BOOKED_ACTION);
        FakeSlack.Call skip = click(TEAM, AKL, ReviewViews.SKIP_ACTION, "2026-W49");
        assertThat(skip.param("text")).contains("nothing to skip");
        assertThat(state(TEAM, AKL, "2026-W49")).contains("HELD");
    }

    @Test
    void a_button_for_last_week_still_counts() throws Exception {
        seed(TEAM, AKL, "Pacific/Auckland");
        FakeSlack.Call held = click(TEAM, AKL, ReviewViews.HELD_ACTION, "2026-W48");
        assertThat(held.param("text"))
                .contains("Last week's review (23–29 Nov) is marked as held")
                .contains("1 week in a row 🔥");
        assertThat(state(TEAM, AKL, "2026-W48")).contains("HELD");
    }

    @Test
    void a_button_for_an_older_or_a_future_week_changes_nothing() throws Exception {
        seed(TEAM, AKL, "Pacific/Auckland");
        FakeSlack.Call old = click(TEAM, AKL, ReviewViews.HELD_ACTION, "2026-W47");
        assertThat(old.param("text")).contains("That week is over").contains("Nothing was changed");
        assertThat(old.param("replace_original")).isEqualTo("false");
        assertThat(click(TEAM, AKL, ReviewViews.SKIP_ACTION, "2025-W49").param("text"))
                .contains("That week is over");
        assertThat(click(TEAM, AKL, ReviewViews.BOOKED_ACTION, "2026-W50").param("text"))
                .contains("hasn't started yet");
        // Sunday in Los Angeles: Auckland's Monday is still next week there.
        seed(TEAM, LA, "America/Los_Angeles");
        assertThat(click(TEAM, LA, ReviewViews.HELD_ACTION, "2026-W49").param("text"))
                .contains("hasn't started yet");
        assertThat(TestDatabase.rows("weekly_review")).isZero();
    }

    @Test
    void malformed_button_values_are_refused_and_change_nothing() throws Exception {
        seed(TEAM, AKL, "Pacific/Auckland");
        for (String bad :
                new String[] {
                    "",
                    "abc",
                    "42",
                    "2026-W60",
                    "2025-W53",
                    "2026-W49 ",
                    "2026-w49",
                    "'; drop table weekly_review; --",
                    "🔥",
                    "2026-W49,2026-W48"
                }) {
            FakeSlack.Call reply = click(TEAM, AKL, ReviewViews.HELD_ACTION, bad);
            assertThat(reply.param("text"))
                    .as(bad)
                    .contains("couldn't tell which week")
                    .contains("nothing was changed");
            assertThat(reply.param("replace_original")).isEqualTo("false");
        }
        assertThat(TestDatabase.rows("weekly_review")).isZero();
    }

    @Test
    void a_button_marks_only_the_clickers_own_week() throws Exception {
        seed(TEAM, AKL, "Pacific/Auckland");
        seed(TEAM, "U0COLLEAGUE", "Pacific/Auckland");
        run(TEAM, AKL, "held");
        click(TEAM, "U0COLLEAGUE", ReviewViews.SKIP_ACTION, "2026-W49");
        assertThat(state(TEAM, AKL, "2026-W49")).contains("HELD");
        assertThat(state(TEAM, "U0COLLEAGUE", "2026-W49")).contains("SKIPPED");
        assertThat(TestDatabase.rows("weekly_review")).isEqualTo(2);
    }

    @Test
    void two_workspaces_are_isolated() throws Exception {
        seed(TEAM, AKL, "Pacific/Auckland");
        seed(OTHER_TEAM, AKL, "Pacific/Auckland");
        run(TEAM, AKL, "held");
        click(OTHER_TEAM, AKL, ReviewViews.BOOKED_ACTION, "2026-W49");
        assertThat(run(OTHER_TEAM, AKL, "skip")).contains("is skipped");
        assertThat(state(TEAM, AKL, "2026-W49")).contains("HELD");
        assertThat(state(OTHER_TEAM, AKL, "2026-W49")).contains("SKIPPED");
        assertThat(run(OTHER_TEAM, AKL, "held")).contains("1 week in a row");
        assertThat(run(TEAM, AKL, "held")).contains("1 week in a row");
    }

    @Test
    void when_the_message_cannot_be_updated_the_clicker_gets_a_dm() throws Exception {
        seed(TEAM, AKL, "Pacific/Auckland");
        int dmsBefore = slack.calls("chat.postMessage").size();
        slack.fail(FakeSlack.RESPONSE_URL, new FakeSlack.Fault.ServerError(500), 1);
        click(TEAM, AKL, ReviewViews.HELD_ACTION, "2026-W49");
        FakeSlack.Call dm =
                slack.awaitCalls("chat.postMessage", dmsBefore + 1, Duration.ofSeconds(10))
                        .get(dmsBefore);
        assertThat(dm.param("channel")).isEqualTo(AKL);
        assertThat(dm.param("text"))
                .contains("is marked as held")
                .contains("couldn't update the message");
        assertThat(state(TEAM, AKL, "2026-W49")).contains("HELD");
    }
}
