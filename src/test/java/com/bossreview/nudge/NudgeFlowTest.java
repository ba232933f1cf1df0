package com.bossreview.nudge;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.Nudging;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each nudge firing through the real app and each reason stopping it (settable clock, no sleeps).
 */
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
        return slack.calls("chat.postMessage").stream()
                .filter(c -> ME.equals(c.param("channel")))
                .toList();
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

    private static long dmsWith(String marker) {
        return dmsToMe().stream()
                .map(c -> c.json("blocks"))
                .filter(b -> b != null && b.contains(marker))
                .count();
    }

    /**
     * The style of the Tell boss now button in a message's blocks: telling the boss is urged, not
     * destructive.
     */
    private static String shareButtonStyle(String blocks) {
        for (var block : com.google.gson.JsonParser.parseString(blocks).getAsJsonArray()) {
            var elements = block.getAsJsonObject().getAsJsonArray("elements");
            for (int i = 0; elements != null && i < elements.size(); i++) {
                var e = elements.get(i).getAsJsonObject();
                if (e.has("action_id")
                        && "share_bad_news".equals(e.get("action_id").getAsString())) {
                    return e.get("style").getAsString();
                }
            }
        }
        throw new AssertionError("no share_bad_news button");
    }

    private static int drainAt(Instant at) {
        clock.set(at);
        return Nudging.drain(app.nudges().engine());
    }

    private static String state(String kind, String period) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT state || coalesce(':' || outcome, '') FROM nudge WHERE kind = :k AND period = :p")
                                        .bind("k", kind)
                                        .bind("p", period)
                                        .mapTo(String.class)
                                        .one());
    }

    @Test
    void the_booking_nudge_arrives_on_time_with_its_buttons_and_a_tip() {
        int before = dmsToMe().size();
        assertThat(drainAt(MONDAY_0800.plus(Duration.ofMinutes(29)))).isZero();
        assertThat(drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)))).isEqualTo(1);
        assertThat(dmsToMe()).hasSize(before + 1);
        String blocks = dmWith("Pick a weekly review slot");
        assertThat(blocks)
                .contains(
                        "Pick a weekly review slot with <@U0BOSS>",
                        "\"action_id\":\"review_booked\"",
                        "\"value\":\"2026-W49\"",
                        "review_skip",
                        "snooze",
                        ":bulb:");
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
        assertThat(state("BOOK_REVIEW_FOLLOWUP", "2026-W49"))
                .isEqualTo("SKIPPED:review already booked");
    }

    @Test
    void a_month_joined_in_its_second_half_gets_no_recap_one_joined_earlier_does() {
        // Joined Wednesday 25 November: too little of November to recap on 1 December (the
        // recap's period is the month it is sent in).
        drainAt(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(state("MONTHLY_RECAP", "2026-12"))
                .isEqualTo("SKIPPED:too little of the month to recap");

        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        "UPDATE manager SET created_at = ? WHERE user_id = ?",
                                        Instant.parse("2026-11-10T15:00:00Z"),
                                        ME));
        TestDatabase.database().jdbi().useHandle(h -> h.execute("DELETE FROM nudge"));
        clock.set(MONDAY_0800);
        app.nudges().materializer().replan(TEAM, ME);
        int before = dmsToMe().size();
        drainAt(Instant.parse("2026-12-01T14:00:00Z"));
        assertThat(state("MONTHLY_RECAP", "2026-12")).startsWith("SENT");
        assertThat(dmsToMe().subList(before, dmsToMe().size()))
                .anyMatch(c -> c.param("text").contains("*Your manage-up recap*\n*November*"));
    }

    /**
     * Thursday 2026-12-03, 08:30 in New York: the prep of Friday's 17:00 review, the working day
     * before.
     */
    static final Instant THURSDAY_0830 = Instant.parse("2026-12-03T13:30:00Z");

    /** Friday 2026-12-04, 17:00 in New York. */
    static final Instant FRIDAY_1700 = Instant.parse("2026-12-04T22:00:00Z");

    @Test
    void
            review_prep_brings_the_agenda_the_working_day_before_and_did_it_happen_asks_after_the_slot() {
        assertThat(command("review fri 17:00")).contains("Friday");
        long before = dmsWith("send_agenda");
        drainAt(THURSDAY_0830.minusSeconds(60));
        assertThat(dmsWith("send_agenda")).isEqualTo(before);
        drainAt(THURSDAY_0830);
        assertThat(dmsWith("send_agenda")).isEqualTo(before + 1);
        String prep = dmWith("send_agenda");
        assertThat(prep)
                .contains(
                        "Your review with <@U0BOSS> is tomorrow at 17:00",
                        "Questions for you",
                        "send_agenda",
                        "\"value\":\"2026-W49\"")
                .doesNotContain("in an hour");
        drainAt(FRIDAY_1700.plus(Duration.ofMinutes(45)));
        String asked = dmWith("Did your weekly review");
        assertThat(asked).contains("Did your weekly review", "review_held", "review_skip");
    }

    @Test
    void a_monday_reviews_prep_comes_on_the_friday_before_and_names_the_day() {
        assertThat(command("review mon 17:00")).contains("Monday");
        // This Monday's prep was due last Friday, before the manager chose the slot: next week's
        // comes this Friday.
        assertThat(TestDatabase.rows("nudge WHERE kind = 'REVIEW_PREP' AND period = '2026-W49'"))
                .isZero();
        drainAt(Instant.parse("2026-12-04T13:30:00Z")); // Friday 08:30
        assertThat(state("REVIEW_PREP", "2026-W50")).startsWith("SENT");
        assertThat(dmWith("send_agenda")).contains("is on Monday at 17:00");
    }

    @Test
    void review_prep_missed_while_down_is_still_sent_until_the_review_starts() {
        assertThat(command("review fri 17:00")).contains("Friday");
        drainAt(
                FRIDAY_1700.minusSeconds(
                        60)); // down since Thursday morning: a minute before the review still helps
        assertThat(state("REVIEW_PREP", "2026-W49")).startsWith("SENT");
        assertThat(dmWith("send_agenda")).contains("is today at 17:00");
    }

    @Test
    void review_prep_is_skipped_once_the_review_started() {
        assertThat(command("review fri 17:00")).contains("Friday");
        long before = dmsWith("send_agenda");
        drainAt(FRIDAY_1700);
        assertThat(state("REVIEW_PREP", "2026-W49")).isEqualTo("SKIPPED:late: review started");
        assertThat(dmsWith("send_agenda")).isEqualTo(before);
    }

    private static long sentPrepId() {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT id FROM nudge WHERE kind = 'REVIEW_PREP' AND period = '2026-W49' AND state = 'SENT'")
                                        .mapTo(Long.class)
                                        .one());
    }

    @Test
    void a_review_prep_snoozed_close_to_the_review_comes_back_half_an_hour_before_it()
            throws Exception {
        assertThat(command("review fri 17:00")).contains("Friday");
        drainAt(THURSDAY_0830);
        long id = sentPrepId();
        clock.set(
                Instant.parse(
                        "2026-12-04T20:00:00Z")); // Friday 15:00: two hours later is 17:00, the
        // review
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "snooze", Long.toString(id));
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("Snoozed", "16:30");
        Instant due =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT due_at FROM nudge WHERE kind = 'REVIEW_PREP' AND period LIKE '2026-W49~%'")
                                                .mapTo(Instant.class)
                                                .one());
        assertThat(due).isEqualTo(FRIDAY_1700.minus(Duration.ofMinutes(30)));
        long before = dmsWith("send_agenda");
        drainAt(due.minusSeconds(1));
        assertThat(dmsWith("send_agenda")).isEqualTo(before);
        drainAt(due);
        assertThat(dmsWith("send_agenda")).isEqualTo(before + 1);
        assertThat(dmWith("send_agenda")).contains("is today at 17:00");
    }

    @Test
    void a_review_prep_snooze_too_close_to_the_review_is_refused_and_nothing_is_snoozed()
            throws Exception {
        assertThat(command("review fri 17:00")).contains("Friday");
        drainAt(THURSDAY_0830);
        long id = sentPrepId();
        clock.set(
                Instant.parse(
                        "2026-12-04T21:31:00Z")); // Friday 16:31: half an hour before 17:00 is gone
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "snooze", Long.toString(id));
        FakeSlack.Call reply = next(FakeSlack.RESPONSE_URL, responses);
        assertThat(reply.param("text"))
                .contains(
                        "Your review starts at 17:00 — too close to snooze. Send the agenda now or skip.");
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE kind = 'REVIEW_PREP' AND period LIKE '2026-W49~%'"))
                .isZero();
    }

    @Test
    void a_prep_nudge_whose_slot_moved_to_a_past_time_or_was_removed_is_skipped_with_the_reason()
            throws Exception {
        assertThat(command("review fri 17:00")).contains("Friday");
        drainAt(THURSDAY_0830);
        long id =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT id FROM nudge WHERE kind = 'REVIEW_PREP' AND period = '2026-W49'")
                                                .mapTo(Long.class)
                                                .one());
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "snooze", Long.toString(id)); // back at 12:00 (10:30 is prime)
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("12:00");
        clock.set(
                Instant.parse(
                        "2026-12-03T14:00:00Z")); // Thursday 09:00: the review moves to 08:00 today
        assertThat(command("review thu 08:00")).contains("Thursday");
        drainAt(Instant.parse("2026-12-03T17:00:00Z"));
        String snoozed =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT state || ':' || outcome FROM nudge WHERE kind = 'REVIEW_PREP' AND period LIKE '2026-W49~%'")
                                                .mapTo(String.class)
                                                .one());
        assertThat(snoozed).isEqualTo("SKIPPED:review moved to a time already past");

        // No command clears a slot today; a slot cleared in the database stands in for one.
        clock.set(Instant.parse("2026-12-03T18:00:00Z"));
        assertThat(command("review fri 17:00")).contains("Friday");
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> h.execute("UPDATE manager SET review_day = NULL, review_time = NULL"));
        drainAt(
                Instant.parse(
                        "2026-12-10T13:30:00Z")); // next Thursday's prep, planned before the slot
        // went
        assertThat(state("REVIEW_PREP", "2026-W50")).isEqualTo("SKIPPED:review slot removed");
    }

    @Test
    void bad_news_reminders_repeat_until_shared_then_stop() throws Exception {
        assertThat(command("bad Lost the Acme renewal")).isNotEmpty();
        long newsId =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h -> h.createQuery("SELECT id FROM news").mapTo(Long.class).one());
        assertThat(TestDatabase.rows("nudge WHERE kind = 'BAD_NEWS'")).isEqualTo(3);

        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        String first = dmWith("haven't told");
        assertThat(first)
                .contains(
                        "haven't told <@U0BOSS>",
                        "Lost the Acme renewal",
                        "share_bad_news",
                        "\"value\":\"" + newsId + "\"",
                        "\"action_id\":\"told_boss\"",
                        "\"action_id\":\"dismiss_news\"");
        assertThat(shareButtonStyle(first)).isEqualTo("primary");

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
    void bad_news_told_outside_slack_from_a_reminder_stops_the_rest_and_the_boss_gets_nothing()
            throws Exception {
        assertThat(command("bad Lost the Acme renewal")).isNotEmpty();
        long newsId =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h -> h.createQuery("SELECT id FROM news").mapTo(Long.class).one());
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        assertThat(dmWith("haven't told")).contains("told_boss");

        int responses = seen(FakeSlack.RESPONSE_URL);
        int all = seen("chat.postMessage");
        clock.set(MONDAY_0800.plus(Duration.ofMinutes(45)));
        app.slack().click(TEAM, ME, "told_boss", Long.toString(newsId));
        FakeSlack.Call answer = next(FakeSlack.RESPONSE_URL, responses);
        assertThat(answer.param("replace_original")).isEqualTo("true");
        assertThat(answer.param("text"))
                .contains("Marked as told outside Slack at 08:45", "45 minutes after logging it");

        int before = dmsToMe().size();
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(270)));
        assertThat(dmsToMe()).hasSize(before);
        assertThat(state("BAD_NEWS", "news-" + newsId + "-2"))
                .isEqualTo("SKIPPED:told outside Slack");
        assertThat(state("BAD_NEWS", "news-" + newsId + "-3"))
                .isEqualTo("SKIPPED:told outside Slack");
        assertThat(slack.calls("chat.postMessage").subList(all, seen("chat.postMessage")))
                .noneMatch(c -> BOSS.equals(c.param("channel")));
    }

    @Test
    void good_news_dismissed_is_not_recalled() throws Exception {
        command("good Signed Initech");
        long newsId =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h -> h.createQuery("SELECT id FROM news").mapTo(Long.class).one());
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "dismiss_news", Long.toString(newsId));
        next(FakeSlack.RESPONSE_URL, responses);
        drainAt(Instant.parse("2026-12-01T13:30:00Z"));
        assertThat(state("GOOD_NEWS", "news-" + newsId)).isEqualTo("SKIPPED:dismissed");
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
        long newsId =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h -> h.createQuery("SELECT id FROM news").mapTo(Long.class).one());
        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "share_good_news", Long.toString(newsId));
        next("chat.postMessage", dms);
        drainAt(Instant.parse("2026-12-01T13:30:00Z"));
        assertThat(state("GOOD_NEWS", "news-" + newsId)).isEqualTo("SKIPPED:shared");
    }

    @Test
    void good_news_not_shared_is_recalled_the_next_working_morning() {
        command("good Signed Initech");
        long newsId =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h -> h.createQuery("SELECT id FROM news").mapTo(Long.class).one());
        drainAt(Instant.parse("2026-12-01T13:30:00Z"));
        assertThat(dmWith("Signed Initech"))
                .contains(
                        "share_good_news",
                        "told_boss",
                        "dismiss_news",
                        "snooze",
                        "Yesterday's good news is still waiting");
        assertThat(state("GOOD_NEWS", "news-" + newsId)).startsWith("SENT");
    }

    @Test
    void forecast_nudge_is_skipped_when_the_forecast_was_updated_and_told_this_week()
            throws Exception {
        // Q4 FY2026 ends 2026-12-31: nudges on Dec 10, 17 and 24 at 08:30 New York, planned by the
        // materializer's rolling eight-day horizon.
        clock.set(Instant.parse("2026-12-09T12:00:00Z"));
        assertThat(app.nudges().materializer().materialize()).isPositive();
        drainAt(Instant.parse("2026-12-10T13:30:00Z"));
        assertThat(dmWith("Q4 FY2026 ends in 21 days")).contains("open_forecast_modal");
        clock.set(Instant.parse("2026-12-12T15:00:00Z"));
        command("forecast 250k");
        long id =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery("SELECT id FROM forecast")
                                                .mapTo(Long.class)
                                                .one());
        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "share_forecast", Long.toString(id));
        assertThat(next("chat.postMessage", dms).param("channel")).isEqualTo(BOSS);
        clock.set(Instant.parse("2026-12-16T12:00:00Z"));
        app.nudges().materializer().materialize();
        drainAt(Instant.parse("2026-12-17T13:30:00Z"));
        assertThat(state("FORECAST", "FY2026-Q4-14d"))
                .isEqualTo("SKIPPED:forecast recent and told");
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
        Instant due =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT due_at FROM nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49'")
                                                .mapTo(Instant.class)
                                                .one());
        assertThat(due).isEqualTo(Instant.parse("2026-12-01T12:15:00Z"));
    }

    private static Instant prepDue(String period) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT due_at FROM nudge WHERE kind = 'REVIEW_PREP' AND period = :p")
                                        .bind("p", period)
                                        .mapTo(Instant.class)
                                        .one());
    }

    @Test
    void
            settings_prep_lead_2_replans_the_prep_two_working_days_ahead_and_a_bad_value_changes_nothing() {
        assertThat(command("review fri 17:00")).contains("Friday");
        assertThat(prepDue("2026-W49")).isEqualTo(THURSDAY_0830);
        assertThat(command("settings prep-lead 2"))
                .contains(":white_check_mark:", "2 working days before the review");
        Instant wednesday0830 = Instant.parse("2026-12-02T13:30:00Z");
        assertThat(prepDue("2026-W49")).isEqualTo(wednesday0830);

        String refused = command("settings prep-lead x");
        assertThat(refused)
                .contains(
                        ":warning:",
                        "Give a whole number from 0 to 5.",
                        "Usage: `/bossreview settings prep-lead <working days>`",
                        "Nothing was changed.");
        assertThat(command("settings")).contains("`prep-lead` 2");
        assertThat(prepDue("2026-W49")).isEqualTo(wednesday0830);

        drainAt(wednesday0830);
        assertThat(state("REVIEW_PREP", "2026-W49")).startsWith("SENT");
        assertThat(dmWith("send_agenda"))
                .contains("Your review with <@U0BOSS> is on Friday at 17:00");
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
        assertThat(state("BOOK_REVIEW_FOLLOWUP", "2026-W49"))
                .isEqualTo("SKIPPED:late: booking day over");
    }

    @Test
    void snooze_brings_the_same_nudge_back_two_hours_later_once() throws Exception {
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        long id =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT id FROM nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49'")
                                                .mapTo(Long.class)
                                                .one());
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "snooze", Long.toString(id));
        app.slack().click(TEAM, ME, "snooze", Long.toString(id));
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("Snoozed");
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE kind = 'BOOK_REVIEW' AND period LIKE '2026-W49~%'"))
                .isEqualTo(1);
        // 08:30 + 2 h = 10:30 falls in prime sales hours (09:00-12:00): the snooze waits for 12:00.
        int before = dmsToMe().size();
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(150)));
        assertThat(dmsToMe()).hasSize(before);
        drainAt(Instant.parse("2026-11-30T17:00:00Z"));
        assertThat(dmsToMe()).hasSize(before + 1);

        app.slack().click(TEAM, "U0MALLORY", "snooze", Long.toString(id));
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 2).param("text"))
                .contains("isn't yours");
    }

    @Test
    void a_snooze_button_with_a_negative_or_forged_value_snoozes_nothing() throws Exception {
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        long id =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT id FROM nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49'")
                                                .mapTo(Long.class)
                                                .one());
        int nudges = TestDatabase.rows("nudge");
        String[] forged = {"-" + id, "-1", "+" + id, "abc", "", id + "x"};
        for (int i = 0; i < forged.length; i++) {
            int responses = seen(FakeSlack.RESPONSE_URL);
            app.slack().click(TEAM, ME, "snooze", forged[i]);
            assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                    .as(forged[i])
                    .contains("isn't yours")
                    .contains("Nothing was snoozed");
        }
        assertThat(TestDatabase.rows("nudge")).isEqualTo(nudges);
    }

    @Test
    void a_deactivated_slack_account_ends_that_managers_nudges() {
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("account_inactive"), 1);
        command("bad something");
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE state = 'FAILED' AND outcome = 'account_inactive'"))
                .isEqualTo(1);
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
        for (int i = 0; i <= FailurePolicy.MAX_ATTEMPTS; i++) {
            drainAt(at);
            at = at.plus(FailurePolicy.MAX_BACKOFF);
        }
        assertThat(state("BOOK_REVIEW", "2026-W49")).isEqualTo("FAILED:http_500");
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49' AND attempts = "
                                        + FailurePolicy.MAX_ATTEMPTS))
                .isEqualTo(1);
        assertThat(TestDatabase.rows("nudge WHERE attempts > " + FailurePolicy.MAX_ATTEMPTS))
                .isZero();
    }

    @Test
    void a_rejected_token_pauses_the_workspace_instead_of_failing_its_nudges() {
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("invalid_auth"), 1);
        Instant due = MONDAY_0800.plus(Duration.ofMinutes(30));
        drainAt(due);
        assertThat(state("BOOK_REVIEW", "2026-W49")).isEqualTo("PENDING:invalid_auth");
        drainAt(due.plus(FailurePolicy.TOKEN_PAUSE));
        assertThat(state("BOOK_REVIEW", "2026-W49")).startsWith("SENT");
    }

    @Test
    void after_downtime_only_the_newest_overdue_bad_news_reminder_is_sent() {
        command("bad Lost Acme");
        int before = dmsToMe().size();
        drainAt(
                MONDAY_0800.plus(
                        Duration.ofMinutes(160))); // reminders 1 (08:30) and 2 (10:30) both overdue
        assertThat(dmsToMe().stream().filter(c -> c.json("blocks").contains("Lost Acme")).count())
                .isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE kind = 'BAD_NEWS' AND outcome = 'late: a later reminder is due'"))
                .isEqualTo(1);
        assertThat(dmsToMe().size()).isGreaterThan(before);
    }

    @Test
    void a_boss_set_after_the_booking_time_still_gets_todays_booking_nudge() {
        TestDatabase.database()
                .jdbi()
                .useHandle(h -> h.execute("UPDATE manager SET boss_user_id = NULL"));
        TestDatabase.database().jdbi().useHandle(h -> h.execute("DELETE FROM nudge"));
        clock.set(Instant.parse("2026-11-30T15:00:00Z")); // Monday 10:00 in New York
        slack.user(BOSS, TEAM, false, false, "America/New_York");
        app.nudges().materializer().replan(TEAM, ME); // no boss: nothing
        assertThat(TestDatabase.rows("nudge")).isZero();
        TestDatabase.database()
                .jdbi()
                .useHandle(h -> h.execute("UPDATE manager SET boss_user_id = ?", BOSS));
        app.nudges().materializer().replan(TEAM, ME);
        drainAt(Instant.parse("2026-11-30T15:00:01Z"));
        assertThat(state("BOOK_REVIEW", "2026-W49")).startsWith("SENT");
    }

    @Test
    void did_it_happen_waits_for_the_end_of_prime_hours() {
        assertThat(command("review mon 08:30")).contains("Monday");
        // 08:30 + 45 min = 09:15, inside 09:00-12:00: asked at 12:00 instead.
        Instant due =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT due_at FROM nudge WHERE kind = 'DID_IT_HAPPEN' AND period = '2026-W49'")
                                                .mapTo(Instant.class)
                                                .one());
        assertThat(due).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void a_snooze_late_in_the_evening_waits_for_the_morning() throws Exception {
        drainAt(MONDAY_0800.plus(Duration.ofMinutes(30)));
        long id =
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT id FROM nudge WHERE kind = 'BOOK_REVIEW' AND period = '2026-W49'")
                                                .mapTo(Long.class)
                                                .one());
        clock.set(Instant.parse("2026-12-01T03:30:00Z")); // Monday 22:30 in New York
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "snooze", Long.toString(id));
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("07:00");
    }

    @Test
    void healthz_says_when_the_dispatcher_last_ran() throws Exception {
        drainAt(MONDAY_0800);
        assertThat(app.get("/healthz").body())
                .contains("\"dispatcher_last_run\":\"2026-11-30T13:00:00Z\"");
    }
}
