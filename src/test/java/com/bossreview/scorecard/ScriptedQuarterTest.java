package com.bossreview.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.Nudging;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A whole fiscal quarter (Q4 FY2026, 1 October – 31 December, a manager in New York with a Friday
 * 17:00 review) driven through the real app with a settable clock: news logged and told, forecasts
 * recorded and shared, weeks held and skipped, agendas sent, the boss's answers, pulse answers and
 * social time. The scorecard on the status card, App Home, the January recap DM and {@code
 * /metrics} must then show the figures worked out by hand below.
 */
class ScriptedQuarterTest extends AppTest {
    static final ZoneId NY = ZoneId.of("America/New_York");

    private static Instant ny(String local) {
        return LocalDateTime.parse(local).atZone(NY).toInstant();
    }

    private static void at(String local) {
        clock.set(ny(local));
    }

    /**
     * A click by {@code user}; waits for its answer, so its work is done before the clock moves.
     */
    private static String click(String user, String actionId, String value) throws Exception {
        int before = seen(FakeSlack.RESPONSE_URL);
        assertThat(app.slack().click(TEAM, user, actionId, value).statusCode()).isEqualTo(200);
        return next(FakeSlack.RESPONSE_URL, before).param("text");
    }

    private static long latest(String table) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h -> h.createQuery("SELECT max(id) FROM " + table).mapTo(Long.class).one());
    }

    private static long logBad(String when, String text) {
        at(when);
        assertThat(command("bad " + text)).contains("Bad news logged");
        return latest("news");
    }

    private static long forecast(String when, String amount) {
        at(when);
        assertThat(command("forecast " + amount)).doesNotContain("Nothing was saved");
        return latest("forecast");
    }

    /**
     * Sends (or skips) what is due, the quarter's old reminders first: the workspace's pace lets a
     * burst go per second, so the clock steps two seconds between claims until nothing is left.
     */
    private static void drainBacklog() {
        for (int round = 0; round < 20 && due() > 0; round++) {
            Nudging.drain(app.nudges().engine());
            clock.advance(java.time.Duration.ofSeconds(2));
        }
        assertThat(due()).isZero();
    }

    /** Rows due and not yet sent or skipped. */
    private static int due() {
        return TestDatabase.rows(
                "nudge WHERE state IN ('PENDING', 'CLAIMED') AND due_at <= '"
                        + clock.instant()
                        + "'");
    }

    private static long sendAgenda(String when, String week) throws Exception {
        at(when);
        assertThat(click(ME, "send_agenda", week)).contains("Agenda sent");
        return latest("agenda_sent");
    }

    private static void mark(String when, String word) {
        at(when);
        assertThat(command(word)).doesNotContain("Usage");
    }

    @Test
    void a_scripted_quarter_shows_the_figures_worked_out_by_hand() throws Exception {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, zone_explicit,
                                     review_day, review_time, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, true, 5, '17:00', ?)""",
                                        TEAM,
                                        ME,
                                        BOSS,
                                        ny("2026-09-30T12:00"),
                                        ny("2026-09-30T12:00")));

        // Everything in the order it happens (an agenda tells what is untold when it is sent).
        // Bad news. Told: 20 min, 3 h, 45 min, 24 h -> median of the even count = (45 + 180) / 2
        // = 112.5 min, shown "1 h 52 min"; 2 of 4 within an hour (50%). #5 never told, #6
        // dismissed (not counted at all).
        // Forecasts. 500k told (the baseline); 450k told 15 Oct (77 days before 31 Dec: early);
        // 470k told (up, not a downgrade); 400k told 22 Dec (9 days before: late); 380k never told.
        // Weeks (Friday reviews 2 Oct … 25 Dec: 13). Held: W40, 41, 42, 44, 45, 46, 48, 49, 50 = 9;
        // W43 and W47 never marked; W51, W52 skipped -> 9 of 13 (69%). The streak forgives the
        // skips: W52, W51 skipped, W50, 49, 48 held, W47 unmarked -> 3.
        // Agendas: 9 Oct (W41), 30 Oct (W44), 13 Nov (W46) = 3; everything in them was told
        // already.
        // The boss: Thanks for news #1, Let's talk about 450k, Thanks for the agenda of 30 Oct.
        // Pulse: October 3, November 4, December 2 then changed to 4 -> "3 → 4 → 4".
        // Social time once, on 12 November: 50 days before the January recap.
        long f1 = forecast("2026-10-02T10:00", "500k");
        at("2026-10-02T10:05");
        assertThat(click(ME, "share_forecast", Long.toString(f1))).contains("Sent to");
        mark("2026-10-02T17:45", "held");

        long n1 = logBad("2026-10-05T14:00", "Acme lost");
        at("2026-10-05T14:20");
        assertThat(click(ME, "share_bad_news", Long.toString(n1))).contains("Shared with");
        at("2026-10-05T15:00");
        click(BOSS, "boss_thanks", "news:" + n1);

        sendAgenda("2026-10-09T16:00", "2026-W41");
        mark("2026-10-09T17:45", "held");

        long f2 = forecast("2026-10-15T11:00", "450k");
        at("2026-10-15T11:10");
        assertThat(click(ME, "share_forecast", Long.toString(f2))).contains("Sent to");
        at("2026-10-15T12:00");
        click(BOSS, "boss_lets_talk", "forecast:" + f2);

        at("2026-10-16T12:30");
        click(ME, "pulse_answer_3", "2026-10:3");
        mark("2026-10-16T17:45", "held");

        long n2 = logBad("2026-10-20T10:00", "Globex slips to Q1");
        at("2026-10-20T13:00");
        click(ME, "told_boss", Long.toString(n2));

        long agenda = sendAgenda("2026-10-30T16:00", "2026-W44");
        mark("2026-10-30T17:45", "held");
        at("2026-10-30T18:00");
        click(BOSS, "boss_thanks", "agenda:" + agenda);

        long f3 = forecast("2026-11-02T11:00", "470k");
        at("2026-11-02T11:10");
        assertThat(click(ME, "share_forecast", Long.toString(f3))).contains("Sent to");
        mark("2026-11-06T17:45", "held");

        long n3 = logBad("2026-11-10T09:00", "Initech cut by 30%");
        at("2026-11-10T09:45");
        assertThat(click(ME, "share_bad_news", Long.toString(n3))).contains("Shared with");
        at("2026-11-12T19:00");
        assertThat(command("social coffee after the QBR")).contains("Logged your social time");
        sendAgenda("2026-11-13T16:00", "2026-W46");
        mark("2026-11-13T17:45", "held");
        at("2026-11-16T12:30");
        click(ME, "pulse_answer_4", "2026-11:4");

        long n4 = logBad("2026-11-24T11:00", "Umbrella on hold");
        at("2026-11-25T11:00");
        assertThat(click(ME, "share_bad_news", Long.toString(n4))).contains("Shared with");
        mark("2026-11-27T17:45", "held");
        mark("2026-12-04T17:45", "held");

        logBad("2026-12-08T10:00", "Hooli lost");
        long n6 = logBad("2026-12-09T10:00", "logged by mistake");
        at("2026-12-09T10:05");
        click(ME, "dismiss_news", Long.toString(n6));
        mark("2026-12-11T17:45", "held");

        at("2026-12-15T12:30");
        click(ME, "pulse_answer_2", "2026-12:2");
        assertThat(click(ME, "pulse_answer_4", "2026-12:4")).contains("Noted 4 for December 2026");
        mark("2026-12-18T09:00", "skip");
        long f4 = forecast("2026-12-22T11:00", "400k");
        at("2026-12-22T11:10");
        assertThat(click(ME, "share_forecast", Long.toString(f4))).contains("Sent to");
        mark("2026-12-25T09:00", "skip");
        forecast("2026-12-28T11:00", "380k");

        // The last evening of the quarter.
        at("2026-12-31T20:00");
        String quarter =
                String.join(
                        "\n",
                        ":stopwatch: *Bad news:* told in a median 1 h 52 min; 2 of 4 within an hour"
                                + " (50%) · :red_circle: 1 not told",
                        ":chart_with_downwards_trend: *Downgrades:* 1 told ≥ 14 days before quarter"
                                + " end · 1 told later · 1 not told",
                        ":calendar: *Reviews held:* 9 of 13 weeks (69%)");
        String answers =
                ":memo: *Agendas sent:* 3 · *<@U0BOSS> answered:* 2 Thanks · 1 Let's talk · 0"
                        + " questions";
        String card =
                "*Scorecard — Q4 FY2026 so far*\n"
                        + quarter
                        + " · streak 3 weeks\n"
                        + answers
                        + "\n:thermometer: *How sure you are <@U0BOSS> is happy* (1–5): 3 → 4 → 4";
        assertThat(scorecardText(commandJson("status").getAsJsonArray("blocks"))).isEqualTo(card);
        int published = seen("views.publish");
        app.slack().appHomeOpened(TEAM, ME);
        JsonObject view =
                JsonParser.parseString(next("views.publish", published).param("view"))
                        .getAsJsonObject();
        assertThat(scorecardText(view.getAsJsonArray("blocks"))).isEqualTo(card);

        // The recap on Friday 1 January, 08:30 (the booking-nudge time, before prime hours):
        // December alone — #5 untold, 400k told late, 380k untold, Fridays 4, 11 held and 18, 25
        // skipped (2 of 4), nothing sent or answered — then the whole quarter.
        app.nudges().materializer().replan(TEAM, ME);
        clock.set(ny("2027-01-01T08:30"));
        int dms = seen("chat.postMessage");
        drainBacklog();
        List<String> recaps =
                slack.calls("chat.postMessage").subList(dms, seen("chat.postMessage")).stream()
                        .filter(c -> ME.equals(c.param("channel")))
                        .map(c -> c.param("text"))
                        .filter(t -> t.contains("recap"))
                        .toList();
        assertThat(recaps)
                .containsExactly(
                        String.join(
                                "\n",
                                ":bar_chart: *Your manage-up recap*",
                                "*December*",
                                ":stopwatch: *Bad news:* :red_circle: 1 not told",
                                ":chart_with_downwards_trend: *Downgrades:* 0 told ≥ 14 days before"
                                        + " quarter end · 1 told later · 1 not told",
                                ":calendar: *Reviews held:* 2 of 4 weeks (50%)",
                                ":memo: *Agendas sent:* 0 · *<@U0BOSS> answered:* 0 Thanks · 0"
                                        + " Let's talk · 0 questions",
                                "*Q4 FY2026*",
                                quarter,
                                answers,
                                ":point_right: Tell <@U0BOSS> the bad news still waiting, today —"
                                        + " `/bossreview news` lists it.",
                                ":coffee: It has been a while since you had social time with"
                                        + " <@U0BOSS>: say yes to the next coffee (and log it with"
                                        + " `/bossreview social <text>`)."));
        // Once: a second run sends no second recap.
        drainBacklog();
        assertThat(
                        slack.calls("chat.postMessage").stream()
                                .filter(c -> c.param("text").contains("manage-up recap"))
                                .count())
                .isEqualTo(1);

        // /metrics: the same quarter across all workspaces, and nobody in it. Told in the last 90
        // days: the 4 told items, median 6750 s, half within an hour; held 9 of the 11 marked
        // weeks.
        String metrics = app.get("/metrics").body();
        assertThat(metrics)
                .contains("scorecard_bad_news_told 4.0")
                .contains("scorecard_bad_news_latency_median_seconds 6750.0")
                .contains("scorecard_bad_news_told_within_hour_ratio 0.5")
                .contains("scorecard_reviews_held_ratio 0.8181818181818182")
                .doesNotContain(ME)
                .doesNotContain(BOSS)
                .doesNotContain(TEAM);
    }

    /** The text of the card's scorecard block. */
    static String scorecardText(com.google.gson.JsonArray blocks) {
        for (JsonElement b : blocks) {
            JsonObject o = b.getAsJsonObject();
            if (o.has("block_id") && o.get("block_id").getAsString().equals("scorecard")) {
                return o.getAsJsonObject("text").get("text").getAsString();
            }
        }
        throw new AssertionError("no scorecard block in " + blocks);
    }
}
