package com.bossreview.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.manager.ManagerService;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestDatabase.class)
class ShareForecastTest {
    private static final String TEAM = FakeSlack.TEAM_ID;
    private static final String TEAM2 = "T0002";
    private static final String ME = "U0MANAGER";
    private static final String OTHER = "U0OTHER";
    private static final String BOSS = "U0BOSS";
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final MutableClock clock =
            new MutableClock(Instant.parse("2026-05-15T15:00:00Z"));
    private static FakeSlack slack;
    private static TestApp app;
    private static ManagerService managers;
    private int responsesBefore;
    private int dmsBefore;

    @BeforeAll
    static void start() {
        slack = new FakeSlack();
        slack.user(ME, TEAM, false, false, "UTC").user(OTHER, TEAM, false, false, "UTC");
        app = TestApp.start(slack, clock);
        managers = new ManagerService(TestDatabase.database().jdbi(), clock, (t, u) -> {});
    }

    @AfterAll
    static void stop() {
        app.close();
        slack.close();
    }

    @BeforeEach
    void count() {
        clock.set(Instant.parse("2026-05-15T15:00:00Z"));
        responsesBefore = slack.calls(FakeSlack.RESPONSE_URL).size();
        dmsBefore = slack.calls("chat.postMessage").size();
    }

    private static long forecast(String team, String user, String args) {
        assertThat(app.slack().command(team, user, "forecast " + args).statusCode()).isEqualTo(200);
        return ForecastRows.latestId(team, user);
    }

    private static void bossOf(String team, String user, String boss) {
        managers.update(team, user, dao -> dao.setBoss(team, user, boss));
    }

    private void click(String team, String user, String value) {
        assertThat(app.slack().click(team, user, "share_forecast", value).statusCode())
                .isEqualTo(200);
    }

    private List<FakeSlack.Call> responses(int n) throws InterruptedException {
        List<FakeSlack.Call> all =
                slack.awaitCalls(FakeSlack.RESPONSE_URL, responsesBefore + n, WAIT);
        return all.subList(responsesBefore, all.size());
    }

    private List<FakeSlack.Call> newDms() {
        List<FakeSlack.Call> all = slack.calls("chat.postMessage");
        return all.subList(dmsBefore, all.size());
    }

    @Test
    void tell_boss_now_sends_the_boss_a_dm_naming_the_manager_the_figures_the_note_and_the_quarter()
            throws Exception {
        bossOf(TEAM, ME, BOSS);
        click(TEAM, ME, Long.toString(forecast(TEAM, ME, "$300k")));
        assertThat(responses(1).get(0).param("text")).contains("Sent to <@" + BOSS + ">");
        dmsBefore = slack.calls("chat.postMessage").size();
        long id = forecast(TEAM, ME, "250k Acme slipped to <next> quarter");
        click(TEAM, ME, Long.toString(id));

        FakeSlack.Call reply = responses(2).get(1);
        assertThat(reply.param("replace_original")).isEqualTo("true");
        assertThat(reply.param("text")).contains("Sent to <@" + BOSS + ">").contains("$250,000");
        assertThat(newDms())
                .singleElement()
                .satisfies(
                        dm -> {
                            assertThat(dm.param("channel")).isEqualTo(BOSS);
                            assertThat(dm.param("text"))
                                    .contains("<@" + ME + ">")
                                    .contains("lowered")
                                    .contains("*$250,000*")
                                    .contains("was $300,000")
                                    .contains("down $50,000 (-16.7%)")
                                    .contains("*Q2 FY2026*")
                                    .contains("46 days left")
                                    .contains("Acme slipped to &lt;next&gt; quarter");
                            assertThat(
                                            com.google.gson.JsonParser.parseString(
                                                            dm.param("blocks"))
                                                    .getAsJsonArray()
                                                    .get(0)
                                                    .getAsJsonObject()
                                                    .getAsJsonObject("text")
                                                    .get("text")
                                                    .getAsString())
                                    .contains("<@" + ME + ">");
                        });
        assertThat(ForecastRows.sharedWith(id)).contains(BOSS);
        assertThat(
                        TestDatabase.rows(
                                "forecast WHERE id = "
                                        + id
                                        + " AND shared_at = '2026-05-15T15:00:00Z'"))
                .isEqualTo(1);
    }

    @Test
    void a_double_click_sends_one_dm() throws Exception {
        bossOf(TEAM, ME, BOSS);
        forecast(TEAM, ME, "300k");
        long id = forecast(TEAM, ME, "200k");
        click(TEAM, ME, Long.toString(id));
        click(TEAM, ME, Long.toString(id));

        List<FakeSlack.Call> replies = responses(2);
        assertThat(replies)
                .extracting(c -> c.param("text"))
                .anySatisfy(t -> assertThat(t).contains("Sent to <@" + BOSS + ">"))
                .anySatisfy(t -> assertThat(t).contains("already sent to <@" + BOSS + ">"));
        assertThat(newDms()).hasSize(1);
        assertThat(ForecastRows.shared()).isEqualTo(1);
    }

    @Test
    void a_forged_or_foreign_value_is_refused_and_sends_nothing() throws Exception {
        bossOf(TEAM, ME, BOSS);
        bossOf(TEAM, OTHER, BOSS);
        bossOf(TEAM2, ME, BOSS);
        forecast(TEAM, ME, "300k");
        long othersForecast = forecast(TEAM, OTHER, "100k");
        long myForecastInTheOtherWorkspace = forecast(TEAM2, ME, "100k");
        String[] values = {
            Long.toString(othersForecast),
            Long.toString(myForecastInTheOtherWorkspace),
            "abc",
            "",
            "-1",
            "0",
            "1e3",
            "99999999999999999999",
            "1; DROP TABLE forecast",
            "999999"
        };
        for (String value : values) {
            click(TEAM, ME, value);
        }
        List<FakeSlack.Call> replies = responses(values.length);
        assertThat(replies)
                .allSatisfy(
                        r -> {
                            assertThat(r.param("text"))
                                    .contains("doesn't point at a forecast of yours")
                                    .contains("nothing was sent");
                            assertThat(r.param("replace_original")).isEqualTo("false");
                            assertThat(r.param("response_type")).isEqualTo("ephemeral");
                        });
        assertThat(newDms()).isEmpty();
        assertThat(ForecastRows.shared()).isZero();
        assertThat(TestDatabase.rows("forecast")).isEqualTo(3);
    }

    @Test
    void someone_who_never_used_bossreview_cannot_share_anything() throws Exception {
        long id = forecast(TEAM, ME, "300k");
        click(TEAM, "U0STRANGER", Long.toString(id));
        assertThat(responses(1).get(0).param("text"))
                .contains("doesn't point at a forecast of yours");
        assertThat(newDms()).isEmpty();
        assertThat(TestDatabase.rows("manager WHERE user_id = 'U0STRANGER'")).isZero();
    }

    @Test
    void without_a_boss_the_manager_is_told_how_to_set_one() throws Exception {
        long id = forecast(TEAM, ME, "300k");
        click(TEAM, ME, Long.toString(id));
        assertThat(responses(1).get(0).param("text"))
                .contains("don't know who your boss is")
                .contains("/bossreview boss @user");
        assertThat(newDms()).isEmpty();
        assertThat(ForecastRows.shared()).isZero();
    }

    @Test
    void a_dm_slack_refuses_is_told_as_not_sent_and_can_be_retried() throws Exception {
        bossOf(TEAM, ME, BOSS);
        forecast(TEAM, ME, "300k");
        long id = forecast(TEAM, ME, "250k");
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("channel_not_found"), 1);
        click(TEAM, ME, Long.toString(id));
        FakeSlack.Call reply = responses(1).get(0);
        assertThat(reply.param("text"))
                .contains("NOT sent to <@" + BOSS + ">")
                .contains("channel_not_found");
        assertThat(reply.param("replace_original")).isEqualTo("false");
        assertThat(ForecastRows.shared()).isZero();

        click(TEAM, ME, Long.toString(id));
        assertThat(responses(2).get(1).param("text")).contains("Sent to <@" + BOSS + ">");
        assertThat(ForecastRows.sharedWith(id)).contains(BOSS);
    }

    @Test
    void a_dm_that_fails_with_a_server_error_is_not_marked_shared() throws Exception {
        bossOf(TEAM, ME, BOSS);
        long id = forecast(TEAM, ME, "300k");
        slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(500), 1);
        click(TEAM, ME, Long.toString(id));
        assertThat(responses(1).get(0).param("text")).contains("NOT sent").contains("http_500");
        assertThat(ForecastRows.shared()).isZero();
    }

    @Test
    void a_first_figure_can_be_shared_too() throws Exception {
        bossOf(TEAM, ME, BOSS);
        long id = forecast(TEAM, ME, "$1,200,000 first call");
        click(TEAM, ME, Long.toString(id));
        assertThat(responses(1).get(0).param("text")).contains("Sent to <@" + BOSS + ">");
        assertThat(newDms())
                .singleElement()
                .satisfies(
                        dm ->
                                assertThat(dm.param("text"))
                                        .contains(
                                                "<@"
                                                        + ME
                                                        + "> shared their *Q2 FY2026* forecast: *$1,200,000*")
                                        .contains("first call"));
    }
}
