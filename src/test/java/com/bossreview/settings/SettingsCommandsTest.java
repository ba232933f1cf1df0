package com.bossreview.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsCommandsTest extends AppTest {

    private static Map<String, Object> row() {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT * FROM manager WHERE team_id = :t AND user_id = :u")
                                        .bind("t", TEAM)
                                        .bind("u", ME)
                                        .mapToMap()
                                        .one());
    }

    @Test
    void settings_shows_the_defaults_of_a_new_manager() {
        String text = command("settings");
        assertThat(text)
                .contains(
                        "`prime` 09:00-12:00, 13:30-17:00",
                        "`fiscal-start` January",
                        "`booking-nudge` Monday 08:30",
                        "`bad-news-after` 30 minutes",
                        "`quarter-nudges` 21,14,7",
                        "`prep-lead` 1 — review prep the working day before the review",
                        "`nudges` on",
                        "`crm-threshold` 50k — CRM deals this big or bigger are news");
    }

    @Test
    void each_setting_is_stored() {
        assertThat(command("settings tz Europe/Paris")).contains("Europe/Paris");
        assertThat(command("settings prime 08:00-11:30, 14:00-18:00"))
                .contains("08:00-11:30, 14:00-18:00");
        assertThat(command("settings fiscal-start April")).contains("April");
        assertThat(command("settings booking-nudge tue 07:45")).contains("Tuesdays at 07:45");
        assertThat(command("settings bad-news-after 15")).contains("15 minutes");
        assertThat(command("settings quarter-nudges 7,30,14")).contains("30, 14, 7");
        assertThat(command("settings prep-lead 2")).contains("2 working days before the review");
        assertThat(command("settings nudges off")).contains("Nudges are off");
        assertThat(command("settings crm-threshold 1.5m")).contains("deals of 1.5m or more");
        Map<String, Object> row = row();
        assertThat(row)
                .containsEntry("time_zone", "Europe/Paris")
                .containsEntry("zone_explicit", true)
                .containsEntry("prime_hours", "08:00-11:30,14:00-18:00")
                .containsEntry("fiscal_start_month", 4)
                .containsEntry("booking_nudge_day", 2)
                .containsEntry("bad_news_after_minutes", 15)
                .containsEntry("quarter_nudge_days", "30,14,7")
                .containsEntry("nudges_enabled", false);
        assertThat(((Number) row.get("prep_lead_days")).intValue()).isEqualTo(2);
        assertThat(new java.math.BigDecimal(row.get("crm_threshold").toString()))
                .isEqualByComparingTo("1500000");
        assertThat(command("settings"))
                .contains("`prep-lead` 2 — review prep 2 working days before the review");
    }

    @Test
    void prep_lead_zero_means_the_review_day_itself() {
        assertThat(command("settings prep-lead 0")).contains("on the review day");
        assertThat(((Number) row().get("prep_lead_days")).intValue()).isZero();
        assertThat(command("settings")).contains("`prep-lead` 0 — review prep on the review day");
    }

    @Test
    void
            prime_hours_that_now_cover_the_booked_review_are_stored_with_a_warning_and_the_slot_is_kept() {
        assertThat(command("review fri 17:30")).doesNotContain(":no_entry:");
        String text = command("settings prime 09:00-18:00");
        assertThat(text)
                .contains(
                        "Prime sales hours set to 09:00-18:00",
                        "*Friday 17:30*, is now inside them",
                        "`/bossreview review fri 08:30`",
                        "`/bossreview review fri 18:00`");
        assertThat(row())
                .containsEntry("prime_hours", "09:00-18:00")
                .containsEntry("review_day", 5);
        assertThat(row().get("review_time").toString()).isEqualTo("17:30:00");

        assertThat(command("settings prime 00:00-23:59"))
                .contains("Friday has no free 30 minutes outside them");
        assertThat(command("settings prime 09:00-12:00")).doesNotContain("weekly review");
    }

    @Test
    void invalid_values_are_refused_and_change_nothing() {
        String[][] cases = {
            {"settings tz Mars/Olympus", "isn't a time zone name"},
            {"settings tz +02:00", "isn't a time zone name"},
            {"settings prime 12:00-09:00", "isn't a list of time ranges"},
            {"settings prime lunch", "isn't a list of time ranges"},
            {"settings fiscal-start 13", "isn't a month"},
            {"settings booking-nudge someday 08:30", "Give a day and a time"},
            {"settings booking-nudge mon 25:00", "not a time"},
            {"settings bad-news-after -5", "whole number from 1 to 1440"},
            {"settings bad-news-after 🙈", "whole number from 1 to 1440"},
            {"settings quarter-nudges 1,2,3,4,5,6", "At most 5"},
            {"settings quarter-nudges 0", "whole number from 1 to 90"},
            {"settings nudges maybe", "Say on or off"},
            {
                "settings prep-lead x",
                "whole number from 0 to 5. Usage: `/bossreview settings prep-lead <working days>`"
            },
            {"settings prep-lead 6", "whole number from 0 to 5"},
            {"settings prep-lead -1", "whole number from 0 to 5"},
            {"settings prep-lead 1.5", "Nothing was changed"},
            {"settings colour blue", "isn't a setting"},
            {"settings crm-threshold lots", "isn't an amount"},
            {"settings crm-threshold 5000000000000", "more than any deal"},
            {"settings tz", "Usage: `/bossreview settings tz <IANA zone>`"},
            {"settings '; drop table manager; --", "isn't a setting"},
        };
        for (String[] c : cases) {
            assertThat(command(c[0])).as(c[0]).contains(c[1]);
        }
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void pause_and_resume() {
        assertThat(command("pause 2026-12-10")).contains("paused until 2026-12-10");
        assertThat(row().get("paused_until").toString()).isEqualTo("2026-12-10");
        assertThat(command("settings")).contains("paused until 2026-12-10");
        assertThat(command("resume")).contains("nudges are on again");
        assertThat(row().get("paused_until")).isNull();
        assertThat(command("resume")).contains("aren't paused");
    }

    @Test
    void pause_refuses_past_far_and_malformed_dates_and_changes_nothing() {
        assertThat(command("pause 2026-11-25")).contains("isn't in the future");
        assertThat(command("pause 2028-01-01")).contains("more than a year");
        assertThat(command("pause next week")).contains("isn't a date");
        assertThat(command("pause")).contains("Until when?");
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void settings_are_per_workspace() {
        command("settings fiscal-start july");
        String other =
                com.bossreview.support.SlackRequests.text(
                        app.slack().command("T0OTHER", ME, "settings"));
        assertThat(other).contains("`fiscal-start` January");
    }
}
