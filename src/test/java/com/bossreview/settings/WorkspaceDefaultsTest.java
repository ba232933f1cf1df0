package com.bossreview.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: a Slack workspace admin sets the workspace's fiscal-year start, prime hours and
 * currency through the real Bolt app and the fake Slack's {@code users.info}; managers who never
 * set their own follow them (also after a later change, nudges re-planned), managers who did keep
 * theirs, and {@code default} goes back.
 */
class WorkspaceDefaultsTest extends AppTest {
    static final String ADMIN = "U0ADMIN";
    static final String OTHER = "U0OTHER";

    /**
     * Thursday 2026-12-03 08:30 in New York: the prep of a Friday review, with the default lead.
     */
    static final Instant THURSDAY_0830 = Instant.parse("2026-12-03T13:30:00Z");

    @BeforeEach
    void people() {
        // Slack's sample user (what the fake answers by default) is an admin: the managers are not.
        slack.userField(ME, "is_admin", "false").userField(ME, "is_owner", "false");
        slack.userField(OTHER, "is_admin", "false").userField(OTHER, "is_owner", "false");
        slack.userField(ADMIN, "is_admin", "true").userField(ADMIN, "is_owner", "false");
    }

    private static String as(String user, String text) {
        return SlackRequests.text(app.slack().command(TEAM, user, text));
    }

    /** {@code user} runs a command answered after the admin check: the reply that follows. */
    private static String laterReply(String user, String text) throws InterruptedException {
        int before = seen(FakeSlack.RESPONSE_URL);
        assertThat(as(user, text)).contains("Checking you're a Slack admin");
        return next(FakeSlack.RESPONSE_URL, before).param("text");
    }

    private static Instant prepDue() {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT due_at FROM nudge WHERE kind = 'REVIEW_PREP'"
                                                        + " AND period = '2026-W49' AND user_id = :u")
                                        .bind("u", ME)
                                        .mapTo(Instant.class)
                                        .one());
    }

    @Test
    void a_non_admin_is_refused_and_nothing_changes() throws Exception {
        assertThat(laterReply(ME, "settings workspace prime 08:00-12:00"))
                .contains(":no_entry:", "Only a Slack admin or owner", "Nothing was changed");
        assertThat(TestDatabase.rows("workspace_defaults")).isZero();
        assertThat(command("settings"))
                .contains("`prime` 09:00-12:00, 13:30-17:00 on weekdays (default)");
    }

    @Test
    void bad_values_get_the_personal_settings_errors_at_once_and_change_nothing() {
        int checks = seen("users.info");
        String[][] cases = {
            {"settings workspace prime lunch", "isn't a list of time ranges"},
            {"settings workspace prime 12:00-09:00", "isn't a list of time ranges"},
            {"settings workspace fiscal-start 13", "isn't a month. Use a name like april"},
            {"settings workspace currency ¥", "isn't a currency bossreview shows"},
            {"settings workspace currency", "Usage: `/bossreview settings workspace currency"},
            {"settings workspace colour blue", "isn't a workspace setting"},
        };
        for (String[] c : cases) {
            assertThat(as(ADMIN, c[0])).as(c[0]).contains(c[1]);
        }
        assertThat(as(ADMIN, "settings workspace prime lunch"))
                .contains("Usage: `/bossreview settings workspace prime", "Nothing was changed.");
        assertThat(seen("users.info")).isEqualTo(checks);
        assertThat(TestDatabase.rows("workspace_defaults")).isZero();
    }

    @Test
    void
            managers_follow_the_workspace_prime_hours_unless_they_set_their_own_and_nudges_are_replanned()
                    throws Exception {
        managerWithBoss();
        clock.set(Instant.parse("2026-11-30T13:00:00Z"));
        assertThat(command("review fri 17:00")).contains("Friday");
        assertThat(prepDue()).isEqualTo(THURSDAY_0830);
        as(OTHER, "settings prime 10:00-12:00");

        assertThat(laterReply(ADMIN, "settings workspace prime 08:00-12:00,13:30-17:00"))
                .contains(
                        ":white_check_mark:",
                        "prime sales hours are now 08:00-12:00, 13:30-17:00",
                        "1 manager follows it now",
                        "Managers who set their own keep theirs");
        // Half an hour before the new first range: the pending prep moved at once.
        assertThat(prepDue()).isEqualTo(Instant.parse("2026-12-03T12:30:00Z"));
        assertThat(command("settings"))
                .contains("`prime` 08:00-12:00, 13:30-17:00 on weekdays (workspace default)");
        assertThat(as(OTHER, "settings")).contains("`prime` 10:00-12:00 on weekdays\n");

        // A later change of the workspace's is followed too.
        laterReply(ADMIN, "settings workspace prime 07:30-12:00");
        assertThat(command("settings"))
                .contains("`prime` 07:30-12:00 on weekdays (workspace default)");

        // Their own, then back to the workspace's.
        assertThat(command("settings prime 09:30-12:00"))
                .contains("Prime sales hours set to 09:30-12:00");
        assertThat(prepDue()).isEqualTo(THURSDAY_0830);
        laterReply(ADMIN, "settings workspace prime 08:00-12:00");
        assertThat(command("settings")).contains("`prime` 09:30-12:00 on weekdays\n");
        assertThat(command("settings prime default"))
                .contains("follow the workspace default again: 08:00-12:00 on weekdays");
        assertThat(prepDue()).isEqualTo(Instant.parse("2026-12-03T12:30:00Z"));
        assertThat(
                        TestDatabase.rows(
                                "manager WHERE user_id = '" + ME + "' AND prime_hours IS NULL"))
                .isEqualTo(1);
    }

    /** A manager in New York with a Friday review at {@code time}. */
    private static void manager(String user, String time, String prime, boolean nudges) {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at,
                                     review_day, review_time, prime_hours, nudges_enabled, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, 5, ?::time, ?, ?, ?)""",
                                        TEAM,
                                        user,
                                        BOSS,
                                        WEDNESDAY,
                                        time,
                                        prime,
                                        nudges,
                                        WEDNESDAY));
    }

    @Test
    void a_follower_whose_review_the_new_prime_hours_cover_is_told_once_with_free_times()
            throws Exception {
        managerWithBoss();
        clock.set(Instant.parse("2026-11-30T13:00:00Z"));
        assertThat(command("review fri 17:00")).contains("Friday");
        // Stored directly: a new user's first command brings a time-zone note later, which the
        // admin's reply below must not be mistaken for. OTHER has their own hours; the admin
        // follows the workspace too, with a review at 17:10; a third follower has nudges off.
        manager(OTHER, "12:00", "13:00-18:00", true);
        manager(ADMIN, "17:10", null, true);
        manager("U0QUIET", "17:20", null, false);

        int dms = seen("chat.postMessage");
        String reply = laterReply(ADMIN, "settings workspace prime 08:00-12:00,13:00-17:30");
        assertThat(reply)
                .contains(
                        "3 managers follow it now",
                        "The new hours now cover the weekly review of <@" + ME + ">: I've sent",
                        "Your weekly review, *Friday 17:10*, is now inside them")
                .doesNotContain("U0QUIET");
        FakeSlack.Call told = next("chat.postMessage", dms);
        assertThat(told.param("channel")).isEqualTo(ME);
        assertThat(told.param("text"))
                .contains(
                        "<@"
                                + ADMIN
                                + "> changed your workspace's prime sales hours to"
                                + " 08:00-12:00, 13:00-17:30",
                        "Your weekly review, *Friday 17:00*, is now inside them");
        assertThat(seen("chat.postMessage"))
                .as("not the admin, not a follower with nudges off, not one with their own hours")
                .isEqualTo(dms + 1);

        // The same hours again, or hours that still cover the slot: nobody is told twice.
        assertThat(laterReply(ADMIN, "settings workspace prime 08:00-12:00,13:00-17:30"))
                .doesNotContain("now cover the weekly review");
        assertThat(laterReply(ADMIN, "settings workspace prime 08:00-12:00,13:00-18:00"))
                .doesNotContain("now cover the weekly review");
        // Hours that leave the slot free tell nobody either.
        assertThat(laterReply(ADMIN, "settings workspace prime 08:00-12:00"))
                .doesNotContain("now cover the weekly review");
        assertThat(seen("chat.postMessage")).isEqualTo(dms + 1);
    }

    @Test
    void a_new_manager_gets_the_workspace_fiscal_year_and_a_manager_with_their_own_keeps_it()
            throws Exception {
        as(OTHER, "settings fiscal-start july");
        assertThat(laterReply(ADMIN, "settings workspace fiscal-start apr"))
                .contains("fiscal year now starts in April", "0 managers follow it now");
        assertThat(command("forecast 250k")).contains("*Q3 FY2027*");
        assertThat(command("settings")).contains("`fiscal-start` April (workspace default)");
        assertThat(as(OTHER, "settings")).contains("`fiscal-start` July\n");
        assertThat(command("settings fiscal-start default"))
                .contains("follows the workspace default again: it starts in April");

        assertThat(laterReply(ADMIN, "settings workspace fiscal-start default"))
                .contains("starts in January (bossreview default)");
        assertThat(command("settings")).contains("`fiscal-start` January (default)");
    }

    @Test
    void a_figure_typed_without_a_symbol_takes_the_workspace_currency_unless_the_manager_had_one()
            throws Exception {
        assertThat(laterReply(ADMIN, "settings workspace currency €"))
                .contains("A forecast typed without a symbol is now in €");
        assertThat(command("forecast 250k")).contains("€250,000");
        as(OTHER, "forecast $300k");
        assertThat(as(OTHER, "forecast 280k")).contains("$280,000");
        assertThat(TestDatabase.rows("forecast WHERE currency = 'EUR'")).isEqualTo(1);
        assertThat(TestDatabase.rows("forecast WHERE currency = 'USD'")).isEqualTo(2);
        assertThat(command("settings")).contains("€ (workspace default)");

        laterReply(ADMIN, "settings workspace currency gbp");
        assertThat(as("U0NEW", "forecast 100k")).contains("£100,000");
    }

    @Test
    void a_managers_own_currency_wins_over_their_previous_figure_and_the_workspace_default()
            throws Exception {
        laterReply(ADMIN, "settings workspace currency $");
        assertThat(command("forecast 250k")).contains("$250,000");

        assertThat(command("settings currency yen"))
                .contains(
                        "'yen' isn't a currency bossreview shows",
                        "Usage: `/bossreview settings currency $|€|£|default`",
                        "Nothing was changed.");
        assertThat(command("settings currency")).contains("Usage: `/bossreview settings currency");
        assertThat(TestDatabase.rows("manager WHERE currency IS NOT NULL")).isZero();

        assertThat(command("settings currency €"))
                .contains("A figure you type without $, € or £ is now in €");
        assertThat(command("forecast 240k")).contains("€240,000");
        assertThat(command("forecast £230k")).as("a typed symbol still wins").contains("£230,000");
        assertThat(command("forecast 235k")).contains("€235,000");
        assertThat(command("settings"))
                .contains("`currency` of a figure typed without $, € or £: €");
        assertThat(as(OTHER, "forecast 100k")).as("only their own").contains("$100,000");

        assertThat(command("settings currency default"))
                .contains("takes your previous figure's currency again");
        assertThat(command("forecast 245k")).as("the previous figure's").contains("€245,000");
        assertThat(command("settings"))
                .contains("your previous figure's, else $ (workspace default)");
    }

    @Test
    void anyone_sees_the_workspace_defaults_and_who_changed_them_last() throws Exception {
        assertThat(command("settings workspace"))
                .contains(
                        "*Workspace defaults*",
                        "`fiscal-start` January (bossreview default)",
                        "`prime` 09:00-12:00, 13:30-17:00 on weekdays (bossreview default)",
                        "`currency` none");
        laterReply(ADMIN, "settings workspace currency USD");
        assertThat(command("settings workspace"))
                .contains("`currency` $", "Last changed by <@U0ADMIN> on 2026-11-25");
    }

    @Test
    void the_export_shows_the_settings_in_force_and_where_they_come_from() throws Exception {
        managerWithBoss();
        laterReply(ADMIN, "settings workspace prime 08:00-12:00");
        laterReply(ADMIN, "settings workspace currency £");
        command("settings fiscal-start oct");
        command("settings currency eur");
        int uploads = seen(FakeSlack.FILE_UPLOAD);
        assertThat(command("export")).contains("Preparing your export");
        JsonObject settings =
                JsonParser.parseString(next(FakeSlack.FILE_UPLOAD, uploads).param("content"))
                        .getAsJsonObject()
                        .getAsJsonObject("settings");
        assertThat(settings.get("prime_hours").getAsString()).isEqualTo("08:00-12:00");
        assertThat(settings.get("prime_hours_source").getAsString()).isEqualTo("workspace");
        assertThat(settings.get("fiscal_start_month").getAsInt()).isEqualTo(10);
        assertThat(settings.get("fiscal_start_month_source").getAsString()).isEqualTo("manager");
        assertThat(settings.get("workspace_default_currency").getAsString()).isEqualTo("GBP");
        assertThat(settings.get("currency").getAsString()).isEqualTo("EUR");
    }
}
