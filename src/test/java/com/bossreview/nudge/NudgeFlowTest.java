package com.bossreview.nudge;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each nudge firing through the real app and each reason stopping it (settable clock, no sleeps). */
class NudgeFlowTest extends AppTest {
    /** Monday 2026-11-30, 08:00 in New York. */
    static final Instant MONDAY_0800 = Instant.parse("2026-11-30T13:00:00Z");

    @BeforeEach
    void manager() {
        managerWithBoss();
        clock.set(MONDAY_0800);
        app.nudges().materializer().replan(TEAM, ME);
    }

    private static List<FakeSlack.Call> dmsToMe() {
        return slack.calls("chat.postMessage").stream().filter(c -> ME.equals(c.param("channel"))).toList();
    }

    /** The newest DM to the manager whose blocks contain {@code marker}, re-printed readably. */
    private static String dmWith(String marker) {
        List<FakeSlack.Call> dms = dmsToMe();
        for (int i = dms.size() - 1; i >= 0; i--) {
            String blocks = dms.get(i).json("blocks");
            if (blocks != null && blocks.contains(marker)) {
                return blocks;
            }
        }
        throw new AssertionError("no DM to the manager contains " + marker);
    }

    private static int drainAt(Instant at) {
        clock.set(at);
        return app.nudges().dispatcher().drain();
    }

    private static String state(String kind, String period) {
        return TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT state || coalesce(':' || outcome, '') FROM nudge WHERE kind = :k AND period = :p")
                .bind("k", kind).bind("p", period).mapTo(String.class).one());
    }

    @Test
    void the_booking_nudge_arrives_on_time_with_its_buttons_and_a_tip() {
        int before = dmsToMe().size();
        assertThat(drainAt(MONDAY_0800.plus(Duration.ofMinutes(29)))).isZero();
        assertThat(drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)))).isEqualTo(1);
        assertThat(dmsToMe()).hasSize(before + 1);
        String blocks = dmWith("Pick a weekly review slot");
        assertThat(blocks).contains("Pick a weekly review slot with <@U0BOSS>", "\"action_id\":\"review_booked\"",
                "\"value\":\"2026-W49\"", "review_skip", "snooze", ":bulb:");
        assertThat(state("BOOK_REVIEW", "2026-W49")).startsWith("SENT");
    }

    @Test
    void the_follow_up_stops_once_the_review_is_booked() throws Exception {
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "review_booked", "2026-W49");
        next(FakeSlack.RESPONSE_URL, responses);
        int before = dmsToMe().size();
        drainAt(MONDAY_0800.plus(Duration.ofHours(24).plusMinutes(30)));
        assertThat(dmsToMe()).hasSize(before);
        assertThat(state("BOOK_REVIEW_FOLLOWUP", "2026-W49")).isEqualTo("SKIPPED:review already booked");
    }

    @Test
    void review_prep_brings_the_agenda_and_did_it_happen_asks_after_the_slot() {
        assertThat(command("review fri 17:00")).contains("Friday");
        Instant friday1600 = Instant.parse("2026-12-04T21:00:00Z");
        drainAt(friday1600);
        String prep = dmWith("in an hour");
        assertThat(prep).contains("in an hour", "Questions for you", "send_agenda");
        drainAt(friday1600.plus(Duration.ofMinutes(105)));
        String asked = dmWith("Did your weekly review");
        assertThat(asked).contains("Did your weekly review", "review_held", "review_skip");
    }

    @Test
    void bad_news_reminders_repeat_until_shared_then_stop() throws Exception {
        assertThat(command("bad Lost the Acme renewal")).isNotEmpty();
        long newsId = TestDatabase.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM news").mapTo(Long.class).one());
        assertThat(TestDatabase.rows("nudge WHERE kind = 'BAD_NEWS'")).isEqualTo(3);

        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        String first = dmWith("haven't told");
        assertThat(first).contains("haven't told <@U0BOSS>", "Lost the Acme renewal", "share_bad_news",
                "\"value\":\"" + newsId + "\"");

        drainAt(MONDAY_0800.plus(Duration.ofMinutes(150)));
        assertThat(state("BAD_NEWS", "news-" + newsId + "-2")).startsWith("SENT");

        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "share_bad_news", Long.toString(newsId));
        assertThat(next("chat.postMessage", dms).param("channel")).isEqualTo(BOSS);
        int before = dmsToMe().size();
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(270)));
        assertThat(dmsToMe()).hasSize(before);
        assertThat(state("BAD_NEWS", "news-" + newsId + "-3")).isEqualTo("SKIPPED:shared");
    }

    @Test
    void review_prep_is_skipped_once_the_week_is_skipped() {
        assertThat(command("review fri 17:00")).contains("Friday");
        clock.set(Instant.parse("2026-12-02T15:00:00Z"));
        assertThat(command("skip")).isNotEmpty();
        drainAt(Instant.parse("2026-12-04T21:00:00Z"));
        assertThat(state("REVIEW_PREP", "2026-W49")).isEqualTo("SKIPPED:review skipped");
    }

    @Test
    void good_news_shared_before_the_morning_is_not_recalled() throws Exception {
        command("good Signed Initech");
        long newsId = TestDatabase.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM news").mapTo(Long.class).one());
        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "share_good_news", Long.toString(newsId));
        next("chat.postMessage", dms);
        drainAt(Instant.parse("2026-12-01T13:30:00Z"));
        assertThat(state("GOOD_NEWS", "news-" + newsId)).isEqualTo("SKIPPED:shared");
    }

    @Test
    void good_news_not_shared_is_recalled_the_next_working_morning() {
        command("good Signed Initech");
        long newsId = TestDatabase.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM news").mapTo(Long.class).one());
        drainAt(Instant.parse("2026-12-01T13:30:00Z"));
        assertThat(dmWith("Signed Initech")).contains("share_good_news");
        assertThat(state("GOOD_NEWS", "news-" + newsId)).startsWith("SENT");
    }

    @Test
    void forecast_nudge_is_skipped_when_the_forecast_was_updated_and_told_this_week() throws Exception {
        // Q4 FY2026 ends 2026-12-31: nudges on Dec 10, 17 and 24 at 08:30 New York, planned by the
        // materializer's rolling eight-day horizon.
        clock.set(Instant.parse("2026-12-09T12:00:00Z"));
        assertThat(app.nudges().materializer().materialize()).isPositive();
        drainAt(Instant.parse("2026-12-10T13:30:00Z"));
        assertThat(dmWith("Q4 FY2026 ends in 21 days")).contains("open_forecast_modal");
        clock.set(Instant.parse("2026-12-12T15:00:00Z"));
        command("forecast 250k");
        long id = TestDatabase.database().jdbi().withHandle(h -> h.createQuery("SELECT id FROM forecast").mapTo(Long.class).one());
        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "share_forecast", Long.toString(id));
        assertThat(next("chat.postMessage", dms).param("channel")).isEqualTo(BOSS);
        clock.set(Instant.parse("2026-12-16T12:00:00Z"));
        app.nudges().materializer().materialize();
        drainAt(Instant.parse("2026-12-17T13:30:00Z"));
        assertThat(state("FORECAST", "FY2026-Q4-14d")).isEqualTo("SKIPPED:forecast recent and told");
    }

    @Test
    void nothing_is_sent_while_paused() {
        command("pause 2026-12-05");
        int before = dmsToMe().size();
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        assertThat(dmsToMe()).hasSize(before);
        assertThat(state("BOOK_REVIEW", "2026-W49")).isEqualTo("SKIPPED:paused");
    }

    @Test
    void a_settings_change_replans_the_pending_nudges_at_once() {
        command("settings booking-nudge tue 07:15");
        Instant due = TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT due_at FROM nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49'").mapTo(Instant.class).one());
        assertThat(due).isEqualTo(Instant.parse("2026-12-01T12:15:00Z"));
    }

    @Test
    void forgetting_removes_every_pending_nudge() throws Exception {
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "confirm_forget", ME);
        next(FakeSlack.RESPONSE_URL, responses);
        assertThat(TestDatabase.rows("nudge")).isZero();
    }

    @Test
    void a_booking_nudge_missed_while_down_goes_out_later_that_day_but_not_the_next() {
        drainAt(Instant.parse("2026-11-30T20:00:00Z")); // 15:00 the same Monday
        assertThat(state("BOOK_REVIEW", "2026-W49")).startsWith("SENT");
        drainAt(Instant.parse("2026-12-02T14:00:00Z")); // Wednesday: Tuesday's follow-up is stale
        assertThat(state("BOOK_REVIEW_FOLLOWUP", "2026-W49")).isEqualTo("SKIPPED:late: booking day over");
    }

    @Test
    void snooze_brings_the_same_nudge_back_two_hours_later_once() throws Exception {
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        long id = TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49'").mapTo(Long.class).one());
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "snooze", Long.toString(id));
        app.slack().click(TEAM, ME, "snooze", Long.toString(id));
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("Snoozed");
        assertThat(TestDatabase.rows("nudge WHERE kind = 'BOOK_REVIEW' AND period LIKE '2026-W49~%'")).isEqualTo(1);
        // 08:30 + 2 h = 10:30 falls in prime sales hours (09:00-12:00): the snooze waits for 12:00.
        int before = dmsToMe().size();
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(150)));
        assertThat(dmsToMe()).hasSize(before);
        drainAt(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(dmsToMe()).hasSize(before + 1);

        app.slack().click(TEAM, "U0MALLORY", "snooze", Long.toString(id));
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 2).param("text")).contains("isn't yours");
    }

    @Test
    void a_deactivated_slack_account_ends_that_managers_nudges() {
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("account_inactive"), 1);
        command("bad something");
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        assertThat(TestDatabase.rows("nudge WHERE state = 'FAILED' AND outcome = 'account_inactive'")).isEqualTo(1);
        assertThat(TestDatabase.rows("nudge WHERE state = 'PENDING'")).isZero();
        assertThat(TestDatabase.rows("manager WHERE NOT nudges_enabled")).isEqualTo(1);
    }

    @Test
    void server_errors_are_retried_with_backoff_then_delivered() {
        slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(503), 2);
        Instant due = MONDAY_0800.plus(Duration.ofMinutes(30));
        int before = dmsToMe().size();
        drainAt(due);
        assertThat(state("BOOK_REVIEW", "2026-W49")).isEqualTo("PENDING:http_503");
        // First retry within a second (0.8–1 s), the second within two more (1.6–2 s).
        drainAt(due.plusSeconds(1));
        assertThat(state("BOOK_REVIEW", "2026-W49")).isEqualTo("PENDING:http_503");
        assertThat(dmsToMe()).hasSize(before + 2);
        drainAt(due.plusMillis(2500));
        assertThat(dmsToMe()).hasSize(before + 2);
        drainAt(due.plusSeconds(3));
        assertThat(state("BOOK_REVIEW", "2026-W49")).startsWith("SENT");
    }

    @Test
    void server_errors_without_end_mark_the_nudge_failed_after_the_last_attempt() {
        slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(500), 1000);
        Instant at = MONDAY_0800.plus(Duration.ofMinutes(30));
        for (int i = 0; i <= Dispatcher.MAX_ATTEMPTS; i++) {
            drainAt(at);
            at = at.plus(Dispatcher.MAX_BACKOFF);
        }
        assertThat(state("BOOK_REVIEW", "2026-W49")).isEqualTo("FAILED:http_500");
        assertThat(TestDatabase.rows("nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49' AND attempts = "
                + Dispatcher.MAX_ATTEMPTS)).isEqualTo(1);
        assertThat(TestDatabase.rows("nudge WHERE attempts > " + Dispatcher.MAX_ATTEMPTS)).isZero();
    }

    @Test
    void a_rejected_token_pauses_the_workspace_instead_of_failing_its_nudges() {
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("invalid_auth"), 1);
        Instant due = MONDAY_0800.plus(Duration.ofMinutes(30));
        drainAt(due);
        assertThat(state("BOOK_REVIEW", "2026-W49")).isEqualTo("PENDING:invalid_auth");
        drainAt(due.plus(Dispatcher.TOKEN_PAUSE));
        assertThat(state("BOOK_REVIEW", "2026-W49")).startsWith("SENT");
    }

    @Test
    void after_downtime_only_the_newest_overdue_bad_news_reminder_is_sent() {
        command("bad Lost Acme");
        int before = dmsToMe().size();
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(160))); // reminders 1 (08:30) and 2 (10:30) both overdue
        assertThat(dmsToMe().stream().filter(c -> c.json("blocks").contains("Lost Acme")).count()).isEqualTo(1);
        assertThat(TestDatabase.rows("nudge WHERE kind = 'BAD_NEWS' AND outcome = 'late: a later reminder is due'"))
                .isEqualTo(1);
        assertThat(dmsToMe().size()).isGreaterThan(before);
    }

    @Test
    void a_boss_set_after_the_booking_time_still_gets_todays_booking_nudge() {
        TestDatabase.database().jdbi().useHandle(h -> h.execute("UPDATE manager SET boss_user_id = NULL"));
        TestDatabase.database().jdbi().useHandle(h -> h.execute("DELETE FROM nudge"));
        clock.set(Instant.parse("2026-11-30T15:00:00Z")); // Monday 10:00 in New York
        slack.user(BOSS, TEAM, false, false, "America/New_York");
        app.nudges().materializer().replan(TEAM, ME); // no boss: nothing
        assertThat(TestDatabase.rows("nudge")).isZero();
        TestDatabase.database().jdbi().useHandle(h -> h.execute("UPDATE manager SET boss_user_id = ?", BOSS));
        app.nudges().materializer().replan(TEAM, ME);
        drainAt(Instant.parse("2026-11-30T15:00:01Z"));
        assertThat(state("BOOK_REVIEW", "2026-W49")).startsWith("SENT");
    }

    @Test
    void did_it_happen_waits_for_the_end_of_prime_hours() {
        assertThat(command("review mon 08:30")).contains("Monday");
        // 08:30 + 45 min = 09:15, inside 09:00-12:00: asked at 12:00 instead.
        Instant due = TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT due_at FROM nudge WHERE kind = 'DID_IT_HAPPEN' AND period = '2026-W49'").mapTo(Instant.class).one());
        assertThat(due).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void a_snooze_late_in_the_evening_waits_for_the_morning() throws Exception {
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        long id = TestDatabase.database().jdbi().withHandle(h -> h.createQuery(
                "SELECT id FROM nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49'").mapTo(Long.class).one());
        clock.set(Instant.parse("2026-12-01T03:30:00Z")); // Monday 22:30 in New York
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "snooze", Long.toString(id));
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("07:00");
    }

    @Test
    void healthz_says_when_the_dispatcher_last_ran() throws Exception {
        drainAt(MONDAY_0800);
        assertThat(app.get("/healthz").body()).contains("\"dispatcher_last_run\":\"2026-11-30T13:00:00Z\"");
    }
}
