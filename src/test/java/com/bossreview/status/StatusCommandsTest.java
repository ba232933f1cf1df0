package com.bossreview.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatusCommandsTest extends AppTest {

    @Test
    void a_first_time_user_gets_onboarding_and_nothing_is_stored() {
        JsonObject reply = commandJson("");
        assertThat(reply.toString())
                .contains("Welcome to bossreview", "/bossreview boss @your-boss", "open_setup");
        assertThat(commandJson("status").toString()).contains("Welcome to bossreview");
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void the_card_shows_boss_week_news_forecast_and_streak() {
        managerWithBoss();
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute("UPDATE manager SET review_day = 5, review_time = '16:30'");
                            h.execute(
                                    "INSERT INTO weekly_review VALUES (?, ?, 2026, 47, 'HELD', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(7)));
                            h.execute(
                                    "INSERT INTO weekly_review VALUES (?, ?, 2026, 48, 'BOOKED', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY);
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'BAD', 'lost Acme', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofHours(3)));
                            h.execute(
                                    "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, recorded_at) "
                                            + "VALUES (?, ?, 2026, 4, 250000, 'USD', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY);
                        });
        String card = commandJson("status").toString();
        assertThat(card)
                .contains(
                        "<@U0BOSS>",
                        "Friday 16:30 (America/New_York)",
                        "This week (23–29 Nov)",
                        "booked",
                        "1 week in a row",
                        "1 bad — the oldest logged 3 hours ago",
                        "*Forecast — Q4 FY2026* (ends Thu 31 Dec, in 36 days)",
                        "$250,000, updated",
                        "\"action_id\":\"review_held\"",
                        "\"value\":\"2026-W48\"",
                        "open_forecast_modal");
        assertThat(card).doesNotContain("\"action_id\":\"review_booked\"");
    }

    @Test
    void app_home_opened_publishes_the_card_and_the_agenda() throws Exception {
        managerWithBoss();
        int before = seen("views.publish");
        app.slack().appHomeOpened(TEAM, ME);
        var call = next("views.publish", before);
        assertThat(call.param("user_id")).isEqualTo(ME);
        JsonObject view = JsonParser.parseString(call.param("view")).getAsJsonObject();
        assertThat(view.get("type").getAsString()).isEqualTo("home");
        assertThat(view.toString())
                .contains(
                        "Your manage-up status",
                        "Agenda for your next weekly review",
                        "send_agenda");
        assertThat(call.token()).isEqualTo(com.bossreview.support.TestApp.BOT_TOKEN);
    }

    @Test
    void app_home_for_a_stranger_is_the_onboarding() throws Exception {
        int before = seen("views.publish");
        app.slack().appHomeOpened(TEAM, "U0NEWBIE");
        assertThat(next("views.publish", before).param("view")).contains("Welcome to bossreview");
        assertThat(TestDatabase.rows("manager")).isZero();
    }

    @Test
    void status_takes_no_arguments() {
        assertThat(command("status please")).contains("takes nothing after it");
    }
}
