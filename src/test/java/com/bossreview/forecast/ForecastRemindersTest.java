package com.bossreview.forecast;

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
 * The nudges about the forecast through the real app (settable clock, the dispatcher called
 * directly): an untold downgrade is reminded like bad news, the quarter-end nudge is silenced only
 * by a recent figure the boss knows, and an agenda sent tells the boss its forecast.
 */
class ForecastRemindersTest extends AppTest {
    /** Monday 2026-11-30, 08:00 in New York. */
    static final Instant MONDAY_0800 = Instant.parse("2026-11-30T13:00:00Z");

    /** Calls the fake Slack recorded before this test (it serves the whole class). */
    private int callsBefore;

    @BeforeEach
    void manager() {
        managerWithBoss();
        clock.set(MONDAY_0800);
        callsBefore = slack.calls("chat.postMessage").size();
    }

    private static long record(String args) {
        assertThat(command("forecast " + args)).doesNotContain("Nothing was saved");
        return ForecastRows.latestId(TEAM, ME);
    }

    /** Clicks share_forecast ({@code id}) in a message and returns the answer the manager got. */
    private static String share(long id) throws InterruptedException {
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "share_forecast", Long.toString(id));
        return next(FakeSlack.RESPONSE_URL, responses).param("text");
    }

    /** This test's DMs to the manager, as blocks. */
    private List<String> dmsToMe() {
        List<FakeSlack.Call> all = slack.calls("chat.postMessage");
        return all.subList(callsBefore, all.size()).stream()
                .filter(c -> ME.equals(c.param("channel")))
                .map(c -> c.json("blocks"))
                .toList();
    }

    private static List<FakeSlack.Call> dmsToBoss() {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> BOSS.equals(c.param("channel")))
                .toList();
    }

    private List<String> remindersSeen() {
        return dmsToMe().stream().filter(b -> b != null && b.contains("still thinks")).toList();
    }

    private static void drainAt(Instant at) {
        clock.set(at);
        Nudging.drain(app.nudges().engine());
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

    private static List<Instant> reminderTimes(long forecastId) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT due_at FROM nudge WHERE kind = 'FORECAST_DOWNGRADE' AND ref_id = :id ORDER BY due_at")
                                        .bind("id", forecastId)
                                        .mapTo(Instant.class)
                                        .list());
    }

    @Test
    void an_untold_downgrade_is_reminded_like_bad_news_until_it_is_told() throws Exception {
        assertThat(share(record("$300k"))).contains("Sent to");
        clock.set(MONDAY_0800.plus(Duration.ofMinutes(1)));
        long id = record("280k");
        // bad-news-after (30 min), then every two hours, three at most.
        assertThat(reminderTimes(id))
                .containsExactly(
                        Instant.parse("2026-11-30T13:31:00Z"),
                        Instant.parse("2026-11-30T15:31:00Z"),
                        Instant.parse("2026-11-30T17:31:00Z"));

        drainAt(Instant.parse("2026-11-30T13:30:59Z"));
        assertThat(remindersSeen()).isEmpty();
        drainAt(Instant.parse("2026-11-30T13:31:00Z"));
        assertThat(remindersSeen())
                .singleElement()
                .satisfies(
                        dm ->
                                assertThat(dm)
                                        .contains(
                                                ":chart_with_downwards_trend: Your Q4 FY2026 forecast is down to *$280,000*")
                                        .contains("<@" + BOSS + "> still thinks it's *$300,000*")
                                        .contains(
                                                "\"action_id\":\"share_forecast\"",
                                                "\"value\":\"" + id + "\"",
                                                "\"style\":\"primary\"",
                                                "Tell boss now",
                                                "open_forecast_modal")
                                        .doesNotContain("danger")
                                        .doesNotContain("\"action_id\":\"snooze\""));
        assertThat(state("FORECAST_DOWNGRADE", "forecast-" + id + "-1")).startsWith("SENT");
        drainAt(Instant.parse("2026-11-30T15:31:00Z"));
        assertThat(state("FORECAST_DOWNGRADE", "forecast-" + id + "-2")).startsWith("SENT");
        assertThat(remindersSeen()).hasSize(2);

        int before = dmsToBoss().size();
        assertThat(share(id)).contains("Sent to <@" + BOSS + ">");
        assertThat(dmsToBoss().get(before).param("text"))
                .contains("has lowered")
                .contains("was $300,000");
        drainAt(Instant.parse("2026-11-30T17:31:00Z"));
        assertThat(state("FORECAST_DOWNGRADE", "forecast-" + id + "-3")).isEqualTo("SKIPPED:told");
        assertThat(remindersSeen()).hasSize(2);
    }

    @Test
    void a_newer_downgrade_takes_the_reminders_over_and_a_figure_back_above_ends_them()
            throws Exception {
        share(record("$300k"));
        clock.set(MONDAY_0800.plus(Duration.ofMinutes(1)));
        long first = record("280k");
        clock.set(MONDAY_0800.plus(Duration.ofMinutes(10)));
        long second = record("290k");

        drainAt(Instant.parse("2026-11-30T13:31:00Z"));
        assertThat(state("FORECAST_DOWNGRADE", "forecast-" + first + "-1"))
                .isEqualTo("SKIPPED:a later downgrade has its own reminders");
        drainAt(Instant.parse("2026-11-30T13:40:00Z"));
        assertThat(remindersSeen())
                .singleElement()
                .satisfies(
                        dm ->
                                assertThat(dm)
                                        .contains("*$290,000*")
                                        .contains("\"value\":\"" + second + "\""));

        clock.set(Instant.parse("2026-11-30T14:00:00Z"));
        assertThat(command("forecast 310k")).contains("up $10,000").doesNotContain("downgrade");
        assertThat(TestDatabase.rows("nudge WHERE kind = 'FORECAST_DOWNGRADE'")).isEqualTo(6);
        drainAt(Instant.parse("2026-11-30T15:40:00Z"));
        assertThat(state("FORECAST_DOWNGRADE", "forecast-" + second + "-2"))
                .isEqualTo("SKIPPED:a later figure is not below what the boss was told");
        assertThat(remindersSeen()).hasSize(1);
    }

    @Test
    void a_figure_never_told_and_a_raise_start_no_reminders_and_the_evening_waits_for_seven()
            throws Exception {
        record("300k");
        record("250k"); // below 300k, but the boss was never told 300k: nothing to correct
        assertThat(TestDatabase.rows("nudge WHERE kind = 'FORECAST_DOWNGRADE'")).isZero();

        share(ForecastRows.latestId(TEAM, ME));
        record("260k");
        assertThat(TestDatabase.rows("nudge WHERE kind = 'FORECAST_DOWNGRADE'")).isZero();

        clock.set(Instant.parse("2026-12-01T01:45:00Z")); // Monday 20:45 in New York
        long late = record("200k");
        assertThat(reminderTimes(late))
                .containsExactly(
                        Instant.parse("2026-12-01T12:00:00Z"),
                        Instant.parse("2026-12-01T14:00:00Z"),
                        Instant.parse("2026-12-01T16:00:00Z"));
    }

    @Test
    void the_quarter_nudge_comes_despite_a_recent_untold_figure_and_not_after_a_recent_told_one()
            throws Exception {
        // Q4 FY2026 ends 2026-12-31: nudges on Dec 10, 17 and 24 at 08:30 New York.
        clock.set(Instant.parse("2026-12-09T12:00:00Z"));
        assertThat(app.nudges().materializer().materialize()).isPositive();
        long untold = record("$250k");
        drainAt(Instant.parse("2026-12-10T13:30:00Z"));
        assertThat(state("FORECAST", "FY2026-Q4-21d")).startsWith("SENT");
        String nudge =
                dmsToMe().stream()
                        .filter(b -> b != null && b.contains("ends in 21 days"))
                        .findFirst()
                        .orElseThrow();
        assertThat(nudge)
                .contains(":bar_chart: Q4 FY2026 ends in 21 days (Thu 31 Dec).")
                .contains("<@" + BOSS + "> hasn't heard your current forecast, *$250,000*")
                .contains(
                        "\"action_id\":\"share_forecast\"",
                        "\"value\":\"" + untold + "\"",
                        "Share with boss",
                        "open_forecast_modal",
                        "snooze")
                .doesNotContain("chart_with_upwards_trend");

        clock.set(Instant.parse("2026-12-12T15:00:00Z"));
        assertThat(share(record("240k"))).contains("Sent to");
        clock.set(Instant.parse("2026-12-16T12:00:00Z"));
        app.nudges().materializer().materialize();
        drainAt(Instant.parse("2026-12-17T13:30:00Z"));
        assertThat(state("FORECAST", "FY2026-Q4-14d"))
                .isEqualTo("SKIPPED:forecast recent and told");
    }

    @Test
    void the_quarter_nudge_asks_about_a_told_figure_once_it_is_a_week_old() {
        clock.set(Instant.parse("2026-12-01T15:00:00Z"));
        long told = record("$250k");
        ForecastRows.told(told, clock.instant());
        clock.set(Instant.parse("2026-12-09T12:00:00Z"));
        app.nudges().materializer().materialize();
        drainAt(Instant.parse("2026-12-10T13:30:00Z"));
        String nudge =
                dmsToMe().stream()
                        .filter(b -> b != null && b.contains("ends in 21 days"))
                        .findFirst()
                        .orElseThrow();
        assertThat(nudge).contains("Is *$250,000* still right?").doesNotContain("share_forecast");
    }

    @Test
    void sending_the_agenda_tells_the_boss_its_forecast_and_ends_the_downgrade_reminders()
            throws Exception {
        share(record("$300k"));
        clock.set(MONDAY_0800.plus(Duration.ofMinutes(1)));
        long id = record("280k");

        int dms = seen("chat.postMessage");
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().click(TEAM, ME, "send_agenda", "2026-W49");
        FakeSlack.Call agenda = next("chat.postMessage", dms);
        assertThat(agenda.param("channel")).isEqualTo(BOSS);
        assertThat(agenda.json("blocks"))
                .contains(":bar_chart: Forecast Q4 FY2026: $300,000")
                .contains(
                        ":chart_with_downwards_trend: Forecast Q4 FY2026: $280,000 (−$20,000 from $300,000)")
                .doesNotContain("chart_with_upwards_trend");
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("Agenda sent");
        assertThat(ForecastRows.toldVia(id)).contains("AGENDA");
        assertThat(ForecastRows.sharedWith(id)).contains(BOSS);

        drainAt(Instant.parse("2026-11-30T13:31:00Z"));
        assertThat(state("FORECAST_DOWNGRADE", "forecast-" + id + "-1")).isEqualTo("SKIPPED:told");
        assertThat(remindersSeen()).isEmpty();

        int toBoss = dmsToBoss().size();
        assertThat(share(id)).contains("already got this forecast in your agenda");
        assertThat(dmsToBoss()).hasSize(toBoss);
        assertThat(command("forecast 280k")).contains("the same as what <@" + BOSS + "> knows");
    }
}
