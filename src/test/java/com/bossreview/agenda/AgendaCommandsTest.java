package com.bossreview.agenda;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class AgendaCommandsTest extends AppTest {

    private static void history() {
        managerWithBoss();
        TestDatabase.database().jdbi().useHandle(h -> {
            h.execute("INSERT INTO weekly_review VALUES (?, ?, 2026, 47, 'HELD', ?)", TEAM, ME, WEDNESDAY.minus(Duration.ofDays(7)));
            h.execute("INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'GOOD', 'old win', ?)",
                    TEAM, ME, WEDNESDAY.minus(Duration.ofDays(9)));
            h.execute("INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'GOOD', 'Signed <Initech>', ?)",
                    TEAM, ME, WEDNESDAY.minus(Duration.ofDays(2)));
            h.execute("INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'BAD', 'Acme slips to Q1', ?)",
                    TEAM, ME, WEDNESDAY.minus(Duration.ofDays(1)));
            h.execute("INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, recorded_at, shared_at, "
                    + "shared_with, told_via) VALUES (?, ?, 2026, 4, 300000, 'USD', ?, ?, 'U0BOSS', 'DM')",
                    TEAM, ME, WEDNESDAY.minus(Duration.ofDays(3)), WEDNESDAY.minus(Duration.ofDays(3)));
            h.execute("INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, recorded_at) "
                    + "VALUES (?, ?, 2026, 4, 260000, 'USD', ?)", TEAM, ME, WEDNESDAY.minus(Duration.ofDays(2)));
            h.execute("INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, note, recorded_at) "
                    + "VALUES (?, ?, 2026, 4, 250000, 'USD', 'Acme', ?)", TEAM, ME, WEDNESDAY.minus(Duration.ofDays(1)));
            h.execute("INSERT INTO manager (team_id, user_id, created_at) VALUES ('T0OTHER', ?, ?)", ME, WEDNESDAY);
            h.execute("INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES ('T0OTHER', ?, 'GOOD', 'other workspace', ?)",
                    ME, WEDNESDAY);
        });
    }

    @Test
    void agenda_has_news_and_forecast_changes_against_what_the_boss_was_told_and_questions() {
        history();
        String agenda = commandJson("agenda").toString();
        // 260k was never told: 250k is compared with the 300k the boss knows, not with 260k.
        assertThat(agenda).contains("Signed &lt;Initech&gt;", "Acme slips to Q1", ":bar_chart: Forecast Q4 FY2026: $300,000",
                ":chart_with_downwards_trend: Forecast Q4 FY2026: $250,000 (−$50,000 from $300,000) — Acme",
                "Questions for you", "\"action_id\":\"send_agenda\"", "\"value\":\"2026-W48\"");
        assertThat(agenda).doesNotContain("old win", "other workspace", "chart_with_upwards_trend", "(−$10,000");
    }

    @Test
    void send_agenda_dms_the_boss_and_records_it() throws Exception {
        history();
        int dms = seen("chat.postMessage");
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");
        FakeSlack.Call dm = next("chat.postMessage", dms);
        assertThat(dm.param("channel")).isEqualTo(BOSS);
        assertThat(dm.json("blocks")).contains("<@U0MANAGER> sent you the agenda", "Acme slips to Q1");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("Agenda sent");
        assertThat(TestDatabase.rows("agenda_sent WHERE sent_to = 'U0BOSS'")).isEqualTo(1);
        // The boss now knows the latest figure the agenda showed; the untold one before it stays untold.
        assertThat(TestDatabase.rows("forecast WHERE amount = 250000 AND told_via = 'AGENDA' AND shared_with = 'U0BOSS'"))
                .isEqualTo(1);
        assertThat(TestDatabase.rows("forecast WHERE amount = 260000 AND shared_at IS NULL")).isEqualTo(1);
    }

    @Test
    void an_outdated_or_forged_week_is_refused() throws Exception {
        history();
        int responses = seen(FakeSlack.RESPONSE_URL);
        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "send_agenda", "2025-W01");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("out of date");
        app.slack().click(TEAM, ME, "send_agenda", "'; drop table agenda_sent; --");
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 1).param("text")).contains("out of date");
        assertThat(seen("chat.postMessage")).isEqualTo(dms);
        assertThat(TestDatabase.rows("agenda_sent")).isZero();
    }

    @Test
    void a_failed_dm_is_told_and_nothing_is_recorded() throws Exception {
        history();
        slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(500), 1);
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("couldn't send the agenda", "http_500");
        assertThat(TestDatabase.rows("agenda_sent")).isZero();
        assertThat(TestDatabase.rows("forecast WHERE told_via = 'AGENDA'")).isZero();
    }

    @Test
    void questions_rotate_but_are_three_distinct() {
        var a = AgendaService.questionsFor(new com.bossreview.time.IsoWeek(2026, 48));
        var b = AgendaService.questionsFor(new com.bossreview.time.IsoWeek(2026, 49));
        assertThat(a).hasSize(3).doesNotHaveDuplicates();
        assertThat(a).isNotEqualTo(b);
    }
}
