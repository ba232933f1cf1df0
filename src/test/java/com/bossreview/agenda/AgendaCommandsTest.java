package com.bossreview.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.Nudging;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AgendaCommandsTest extends AppTest {

    private static void history() {
        managerWithBoss();
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    "INSERT INTO weekly_review VALUES (?, ?, 2026, 47, 'HELD', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(7)));
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'GOOD', 'old win', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(9)));
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'GOOD', 'Signed <Initech>', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(2)));
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'BAD', 'Acme slips to Q1', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(1)));
                            h.execute(
                                    "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, recorded_at, shared_at, "
                                            + "shared_with, told_via) VALUES (?, ?, 2026, 4, 300000, 'USD', ?, ?, 'U0BOSS', 'DM')",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(3)),
                                    WEDNESDAY.minus(Duration.ofDays(3)));
                            h.execute(
                                    "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, recorded_at) "
                                            + "VALUES (?, ?, 2026, 4, 260000, 'USD', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(2)));
                            h.execute(
                                    "INSERT INTO forecast (team_id, user_id, fiscal_year, quarter, amount, currency, note, recorded_at) "
                                            + "VALUES (?, ?, 2026, 4, 250000, 'USD', 'Acme', ?)",
                                    TEAM,
                                    ME,
                                    WEDNESDAY.minus(Duration.ofDays(1)));
                            h.execute(
                                    "INSERT INTO manager (team_id, user_id, created_at) VALUES ('T0OTHER', ?, ?)",
                                    ME,
                                    WEDNESDAY);
                            h.execute(
                                    "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES ('T0OTHER', ?, 'GOOD', 'other workspace', ?)",
                                    ME,
                                    WEDNESDAY);
                        });
    }

    @Test
    void agenda_has_news_and_forecast_changes_against_what_the_boss_was_told_and_questions() {
        history();
        String agenda = commandJson("agenda").toString();
        // 260k was never told: 250k is compared with the 300k the boss knows, not with 260k.
        assertThat(agenda)
                .contains(
                        "Signed &lt;Initech&gt;",
                        "Acme slips to Q1",
                        ":bar_chart: Forecast Q4 FY2026: $300,000",
                        ":chart_with_downwards_trend: Forecast Q4 FY2026: $250,000 (−$50,000 from $300,000) — Acme",
                        "Questions for you",
                        "\"action_id\":\"send_agenda\"",
                        "\"value\":\"2026-W48\"");
        assertThat(agenda)
                .doesNotContain(
                        "old win", "other workspace", "chart_with_upwards_trend", "(−$10,000");
    }

    @Test
    void send_agenda_dms_the_boss_and_records_it() throws Exception {
        history();
        int dms = seen("chat.postMessage");
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");
        FakeSlack.Call dm = next("chat.postMessage", dms);
        assertThat(dm.param("channel")).isEqualTo(BOSS);
        assertThat(dm.json("blocks"))
                .contains("<@U0MANAGER> sent you the agenda", "Acme slips to Q1");
        // no calendar here: the reply claims no calendar event
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("Agenda sent")
                .doesNotContain("calendar");
        assertThat(TestDatabase.rows("agenda_sent WHERE sent_to = 'U0BOSS'")).isEqualTo(1);
        // The boss now knows the latest figure the agenda showed; the untold one before it stays
        // untold.
        assertThat(
                        TestDatabase.rows(
                                "forecast WHERE amount = 250000 AND told_via = 'AGENDA' AND shared_with = 'U0BOSS'"))
                .isEqualTo(1);
        assertThat(TestDatabase.rows("forecast WHERE amount = 260000 AND shared_at IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void an_outdated_or_forged_week_is_refused() throws Exception {
        history();
        int responses = seen(FakeSlack.RESPONSE_URL);
        int dms = seen("chat.postMessage");
        app.slack().click(TEAM, ME, "send_agenda", "2025-W01");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("out of date");
        app.slack().click(TEAM, ME, "send_agenda", "'; drop table agenda_sent; --");
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 1).param("text"))
                .contains("out of date");
        assertThat(seen("chat.postMessage")).isEqualTo(dms);
        assertThat(TestDatabase.rows("agenda_sent")).isZero();
    }

    @Test
    void a_failed_dm_is_told_and_nothing_is_recorded() throws Exception {
        history();
        slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(500), 1);
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("couldn't send the agenda", "http_500");
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

    /**
     * Logs news with the real command (which plans its reminders); its id, from the reply's first
     * button.
     */
    private static long logged(String kindAndText) {
        for (var block : commandJson(kindAndText).getAsJsonArray("blocks")) {
            if ("actions".equals(block.getAsJsonObject().get("type").getAsString())) {
                return Long.parseLong(
                        block.getAsJsonObject()
                                .getAsJsonArray("elements")
                                .get(0)
                                .getAsJsonObject()
                                .get("value")
                                .getAsString());
            }
        }
        throw new AssertionError("no button in the reply");
    }

    private static String told(long id) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT coalesce(told_how, '-') || ' ' || coalesce(shared_with, '-') || ' ' "
                                                        + "|| coalesce(to_char(shared_at AT TIME ZONE 'UTC', 'HH24:MI'), '-') FROM news WHERE id = :id")
                                        .bind("id", id)
                                        .mapTo(String.class)
                                        .one());
    }

    @Test
    void sending_an_agenda_marks_the_open_news_in_it_told_and_ends_their_reminders()
            throws Exception {
        managerWithBoss();
        long bad = logged("bad Acme slips to Q1");
        long good = logged("good Signed Initech");
        long shared = logged("good Hooli renewed");
        long dismissed = logged("bad Lost Globex (wrong account)");
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "share_good_news", Long.toString(shared));
        next(FakeSlack.RESPONSE_URL, responses);
        app.slack().click(TEAM, ME, "dismiss_news", Long.toString(dismissed));
        next(FakeSlack.RESPONSE_URL, responses + 1);
        clock.advance(Duration.ofMinutes(40));
        int dms = seen("chat.postMessage");

        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");
        assertThat(next(FakeSlack.RESPONSE_URL, responses + 2).param("text"))
                .contains("Agenda sent");

        FakeSlack.Call dm = next("chat.postMessage", dms);
        assertThat(dm.json("blocks"))
                .contains("Acme slips to Q1", "Signed Initech", "Hooli renewed")
                .doesNotContain("Globex");
        assertThat(told(bad)).isEqualTo("AGENDA U0BOSS 10:40");
        assertThat(told(good)).isEqualTo("AGENDA U0BOSS 10:40");
        assertThat(told(shared)).isEqualTo("DM U0BOSS 10:00");
        assertThat(told(dismissed)).isEqualTo("- - -");
        assertThat(commandJson("news").toString()).contains("Nothing open");

        int beforeDrain = seen("chat.postMessage");
        clock.set(WEDNESDAY.plus(Duration.ofDays(2)));
        Nudging.drain(app.nudges().engine());
        assertThat(slack.calls("chat.postMessage").subList(beforeDrain, seen("chat.postMessage")))
                .noneMatch(
                        c ->
                                ME.equals(c.param("channel"))
                                        && c.param("text")
                                                .matches(
                                                        "(?s).*(Acme slips|Signed Initech|Globex).*"));
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE ref_id = " + bad + " AND outcome = 'told in agenda'"))
                .isEqualTo(3);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE ref_id = " + good + " AND outcome = 'told in agenda'"))
                .isEqualTo(1);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE ref_id = " + dismissed + " AND outcome = 'dismissed'"))
                .isEqualTo(3);
    }

    @Test
    void an_agenda_that_does_not_reach_the_boss_marks_nothing_told() throws Exception {
        managerWithBoss();
        long bad = logged("bad Acme slips to Q1");
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("channel_not_found"), 1);
        int responses = seen(FakeSlack.RESPONSE_URL);

        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");

        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("couldn't send the agenda");
        assertThat(told(bad)).isEqualTo("- - -");
    }

    @Test
    void only_the_news_an_agenda_spells_out_counts_as_told() throws Exception {
        managerWithBoss();
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            for (int i = 0; i < 10; i++) {
                                h.execute(
                                        "INSERT INTO news (team_id, user_id, kind, body, logged_at) VALUES (?, ?, 'GOOD', ?, ?)",
                                        TEAM,
                                        ME,
                                        "win " + i,
                                        WEDNESDAY.minus(Duration.ofHours(10 - i)));
                            }
                        });
        int responses = seen(FakeSlack.RESPONSE_URL);

        app.slack().click(TEAM, ME, "send_agenda", "2026-W48");

        // no calendar here: the reply claims no calendar event
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text"))
                .contains("Agenda sent")
                .doesNotContain("calendar");
        assertThat(TestDatabase.rows("news WHERE told_how = 'AGENDA'")).isEqualTo(8);
        assertThat(TestDatabase.rows("news WHERE shared_at IS NULL AND body IN ('win 0', 'win 1')"))
                .isEqualTo(2);
    }
}
