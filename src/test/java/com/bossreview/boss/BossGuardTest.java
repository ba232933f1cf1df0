package com.bossreview.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Boss protection through the real app: at most {@link BossGuard#PER_HOUR} DMs from a manager to
 * their boss per rolling hour, and the boss's Stop / Resume control on every DM.
 */
class BossGuardTest extends BossDmTest {
    /** What records each kind of thing as told to the boss; a refused send must leave it untold. */
    private static final Map<Sending, String> TOLD =
            Map.of(
                    Sending.NEWS, "news WHERE shared_at IS NOT NULL AND body <> 'Acme signed'",
                    Sending.FORECAST, "forecast WHERE shared_at IS NOT NULL",
                    Sending.AGENDA, "agenda_sent");

    private static final String LIMITED =
            "You've sent <@"
                    + BOSS
                    + "> "
                    + BossGuard.PER_HOUR
                    + " messages in the last hour — the next can go at ";
    private static final String PAUSED =
            "<@"
                    + BOSS
                    + "> has paused messages from bossreview; tell them in person. "
                    + "Nothing was sent.";

    /** A send-to-boss button as the manager got it, ready to be clicked (and clicked again). */
    private record Button(String actionId, String value) {}

    @BeforeEach
    void aManagerWithABoss() {
        managerWithBoss();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sending.class)
    void
            the_send_over_the_hours_limit_is_refused_with_when_it_can_go_and_goes_once_the_hour_has_passed(
                    Sending what) throws Exception {
        for (int i = 0; i < BossGuard.PER_HOUR; i++) {
            clock.set(WEDNESDAY.plus(Duration.ofMinutes(i)));
            send(TEAM, ME, Sending.NEWS);
        }
        clock.set(WEDNESDAY.plus(Duration.ofMinutes(30)));
        Button button = button(what);
        int toBoss = dmsTo(BOSS).size();

        FakeSlack.Call refused = click(button);

        // The first of the ten went at 10:00 UTC, 05:00 in the manager's New York: the eleventh may
        // go at 06:00.
        assertThat(refused.param("text"))
                .isEqualTo(":hourglass: " + LIMITED + "06:00. Nothing was sent.");
        assertThat(refused.param("replace_original")).isEqualTo("false");
        assertThat(dmsTo(BOSS)).hasSize(toBoss);
        assertThat(TestDatabase.rows(TOLD.get(what))).isZero();
        assertThat(TestDatabase.rows("boss_dm_sent")).isEqualTo(BossGuard.PER_HOUR);

        clock.set(WEDNESDAY.plus(Duration.ofHours(1)).minusSeconds(1));
        assertThat(click(button).param("text")).startsWith(":hourglass: " + LIMITED + "06:00.");

        clock.set(WEDNESDAY.plus(Duration.ofHours(1)));
        FakeSlack.Call sent = click(button);
        assertThat(sent.param("replace_original")).isEqualTo("true");
        assertThat(dmsTo(BOSS)).hasSize(toBoss + 1);
        assertThat(TestDatabase.rows(TOLD.get(what))).isEqualTo(1);
    }

    @Test
    void a_dm_slack_did_not_take_uses_none_of_the_hour() throws Exception {
        for (int i = 0; i < BossGuard.PER_HOUR - 1; i++) {
            send(TEAM, ME, Sending.NEWS);
        }
        Button last = button(Sending.FORECAST);
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("channel_not_found"), 1);

        assertThat(click(last).param("text")).contains("channel_not_found");
        assertThat(TestDatabase.rows("boss_dm_sent")).isEqualTo(BossGuard.PER_HOUR - 1);
        assertThat(TestDatabase.rows(TOLD.get(Sending.FORECAST))).isZero();

        clock.advance(Duration.ofSeconds(1));
        assertThat(click(last).param("replace_original")).isEqualTo("true");
        assertThat(TestDatabase.rows(TOLD.get(Sending.FORECAST))).isEqualTo(1);
        assertThat(click(button(Sending.AGENDA)).param("text"))
                .startsWith(":hourglass: " + LIMITED);
    }

    @Test
    void two_clicks_at_the_limit_at_once_send_one_dm() throws Exception {
        for (int i = 0; i < BossGuard.PER_HOUR - 1; i++) {
            send(TEAM, ME, Sending.NEWS);
        }
        Button first = button(Sending.NEWS);
        Button second = button(Sending.NEWS);
        int toBoss = dmsTo(BOSS).size();
        int responses = seen(FakeSlack.RESPONSE_URL);
        // The winner's DM is slow, so the other click is counted while it is still going out.
        slack.fail("chat.postMessage", new FakeSlack.Fault.Slow(Duration.ofMillis(300)), 1);

        CompletableFuture<?> a =
                CompletableFuture.runAsync(
                        () -> app.slack().click(TEAM, ME, first.actionId(), first.value()));
        CompletableFuture<?> b =
                CompletableFuture.runAsync(
                        () -> app.slack().click(TEAM, ME, second.actionId(), second.value()));
        CompletableFuture.allOf(a, b).join();
        List<String> answers =
                List.of(
                        next(FakeSlack.RESPONSE_URL, responses).param("text"),
                        next(FakeSlack.RESPONSE_URL, responses + 1).param("text"));

        assertThat(answers).filteredOn(t -> t.startsWith(":hourglass: " + LIMITED)).hasSize(1);
        assertThat(dmsTo(BOSS)).hasSize(toBoss + 1);
        assertThat(TestDatabase.rows("boss_dm_sent")).isEqualTo(BossGuard.PER_HOUR);
        assertThat(TestDatabase.rows(TOLD.get(Sending.NEWS))).isEqualTo(1);
    }

    @Test
    void many_claims_at_once_on_one_database_never_pass_the_limit() {
        BossGuard guard = new BossGuard(TestDatabase.database().jdbi());
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<CompletableFuture<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 3 * BossGuard.PER_HOUR; i++) {
            claims.add(
                    CompletableFuture.supplyAsync(
                            () -> {
                                try {
                                    guard.claim(TEAM, ME, BOSS, WEDNESDAY);
                                    return true;
                                } catch (BossDmRefused e) {
                                    return false;
                                }
                            },
                            threads));
        }
        List<Boolean> claimed =
                claims.stream().map(CompletableFuture::join).filter(ok -> ok).toList();
        threads.shutdown();
        assertThat(claimed).hasSize(BossGuard.PER_HOUR);
        assertThat(TestDatabase.rows("boss_dm_sent")).isEqualTo(BossGuard.PER_HOUR);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Sending.class)
    void every_dm_to_the_boss_ends_with_a_quiet_stop_control_behind_a_confirmation(Sending what)
            throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, what);

        JsonObject control = control(dm);
        JsonObject stop = control.getAsJsonObject("accessory");
        assertThat(stop.get("action_id").getAsString()).isEqualTo("boss_stop");
        assertThat(stop.get("value").getAsString()).isEqualTo(value(dm, "boss_thanks"));
        assertThat(stop.has("style")).as("never a primary button").isFalse();
        assertThat(stop.getAsJsonObject("confirm").toString())
                .contains("<@" + ME + ">")
                .contains("\"danger\"");
        assertThat(control.getAsJsonObject("text").get("text").getAsString())
                .contains("<@" + ME + ">");
        JsonElement last =
                JsonParser.parseString(dm.param("blocks"))
                        .getAsJsonArray()
                        .asList()
                        .get(
                                JsonParser.parseString(dm.param("blocks")).getAsJsonArray().size()
                                        - 1);
        assertThat(last).isEqualTo(control);
    }

    @Test
    void once_the_boss_stops_a_manager_every_send_is_refused_and_after_resume_they_go_again()
            throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.NEWS);

        FakeSlack.Call stopped = answerIn(dm, BOSS, "boss_stop");

        assertThat(stopped.param("replace_original")).isEqualTo("true");
        assertThat(stopped.param("text")).contains("You stopped bossreview DMs from <@" + ME + ">");
        assertThat(stopped.json("blocks")).contains("Good news from <@" + ME + ">");
        JsonObject resume = control(stopped).getAsJsonObject("accessory");
        assertThat(resume.get("action_id").getAsString()).isEqualTo("boss_resume");
        assertThat(
                        TestDatabase.rows(
                                "boss_guard WHERE stopped_at IS NOT NULL AND user_id = '"
                                        + ME
                                        + "'"))
                .isEqualTo(1);

        int toBoss = dmsTo(BOSS).size();
        Map<Sending, Button> buttons =
                Map.of(
                        Sending.FORECAST,
                        button(Sending.FORECAST),
                        Sending.AGENDA,
                        button(Sending.AGENDA),
                        Sending.NEWS,
                        button(Sending.NEWS));
        // The agenda goes last: it marks the news it carries as told.
        for (Sending what : List.of(Sending.NEWS, Sending.FORECAST, Sending.AGENDA)) {
            FakeSlack.Call refused = click(buttons.get(what));
            assertThat(refused.param("text")).as(what.name()).isEqualTo(":no_bell: " + PAUSED);
            assertThat(TestDatabase.rows(TOLD.get(what))).as(what.name()).isZero();
        }
        assertThat(dmsTo(BOSS)).hasSize(toBoss);

        clock.advance(Duration.ofSeconds(1));
        FakeSlack.Call resumed = answerIn(stopped, BOSS, "boss_resume");
        assertThat(resumed.param("text")).contains("DMs from <@" + ME + "> are back on");
        assertThat(control(resumed).getAsJsonObject("accessory").get("action_id").getAsString())
                .isEqualTo("boss_stop");
        assertThat(TestDatabase.rows("boss_guard WHERE stopped_at IS NOT NULL")).isZero();

        for (Sending what : List.of(Sending.NEWS, Sending.FORECAST, Sending.AGENDA)) {
            assertThat(click(buttons.get(what)).param("replace_original"))
                    .as(what.name())
                    .isEqualTo("true");
            assertThat(TestDatabase.rows(TOLD.get(what))).as(what.name()).isEqualTo(1);
        }
        assertThat(dmsTo(BOSS)).hasSize(toBoss + 3);
    }

    @Test
    void a_double_click_on_stop_or_resume_is_harmless() throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.FORECAST);
        int toManager = dmsTo(ME).size();

        FakeSlack.Call first = answerIn(dm, BOSS, "boss_stop");
        clock.advance(Duration.ofSeconds(1));
        FakeSlack.Call second = answerIn(dm, BOSS, "boss_stop");

        assertThat(List.of(first, second))
                .allSatisfy(
                        c -> {
                            assertThat(c.param("text"))
                                    .contains("You stopped bossreview DMs from <@" + ME + ">");
                            assertThat(
                                            control(c)
                                                    .getAsJsonObject("accessory")
                                                    .get("action_id")
                                                    .getAsString())
                                    .isEqualTo("boss_resume");
                        });
        assertThat(TestDatabase.rows("boss_guard WHERE stopped_at = '" + WEDNESDAY + "'"))
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        FakeSlack.Call resumed = answerIn(first, BOSS, "boss_resume");
        clock.advance(Duration.ofSeconds(1));
        FakeSlack.Call again = answerIn(first, BOSS, "boss_resume");

        assertThat(List.of(resumed, again))
                .allSatisfy(
                        c ->
                                assertThat(
                                                control(c)
                                                        .getAsJsonObject("accessory")
                                                        .get("action_id")
                                                        .getAsString())
                                        .isEqualTo("boss_stop"));
        assertThat(TestDatabase.rows("boss_guard")).isEqualTo(1);
        assertThat(TestDatabase.rows("boss_guard WHERE stopped_at IS NULL")).isEqualTo(1);
        assertThat(dmsTo(ME)).hasSize(toManager);
    }

    @Test
    void only_the_boss_the_dm_went_to_can_stop_or_resume_it() throws Exception {
        managerOf(TEAM, MANAGER2, "U0OTHERBOSS");
        FakeSlack.Call dm = send(TEAM, ME, Sending.NEWS);
        String value = value(dm, "boss_thanks");
        long id = Long.parseLong(value.substring("news:".length()));
        String[][] attempts = {
            {TEAM, "U0INTRUDER", "boss_stop", value},
            {TEAM, ME, "boss_stop", value},
            {TEAM, "U0OTHERBOSS", "boss_stop", value},
            {"T0SECOND", BOSS, "boss_stop", value},
            {TEAM, BOSS, "boss_stop", "forecast:" + id},
            {TEAM, BOSS, "boss_stop", "news:0"},
            {TEAM, BOSS, "boss_stop", "news:" + id + " OR 1=1"},
            {TEAM, BOSS, "boss_stop", Long.toString(id)},
        };
        for (String[] a : attempts) {
            clock.advance(Duration.ofSeconds(1));
            int responses = seen(FakeSlack.RESPONSE_URL);
            assertThat(app.slack().clickIn(a[0], dm, a[1], a[2], a[3]).statusCode()).isEqualTo(200);
            FakeSlack.Call refused = next(FakeSlack.RESPONSE_URL, responses);
            assertThat(refused.param("text"))
                    .as(String.join(" ", a))
                    .contains("isn't yours")
                    .contains("Nothing was changed");
            assertThat(refused.param("replace_original")).isEqualTo("false");
        }
        assertThat(TestDatabase.rows("boss_guard WHERE stopped_at IS NOT NULL")).isZero();

        answerIn(dm, BOSS, "boss_stop");
        clock.advance(Duration.ofSeconds(1));
        int responses = seen(FakeSlack.RESPONSE_URL);
        app.slack().clickIn(TEAM, dm, ME, "boss_resume", value);
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("text")).contains("isn't yours");
        assertThat(TestDatabase.rows("boss_guard WHERE stopped_at IS NOT NULL")).isEqualTo(1);
        // The stop is this boss's for this manager only: another manager's DMs to their own boss
        // still go.
        send(TEAM, MANAGER2, Sending.NEWS);
    }

    /** {@code who} clicks the stop/resume control of {@code message} (a DM or a rewritten one). */
    private static FakeSlack.Call answerIn(FakeSlack.Call message, String who, String actionId)
            throws InterruptedException {
        int responses = seen(FakeSlack.RESPONSE_URL);
        String value = control(message).getAsJsonObject("accessory").get("value").getAsString();
        assertThat(app.slack().clickIn(TEAM, message, who, actionId, value).statusCode())
                .isEqualTo(200);
        return next(FakeSlack.RESPONSE_URL, responses);
    }

    private static JsonObject control(FakeSlack.Call message) {
        for (JsonElement block : JsonParser.parseString(message.param("blocks")).getAsJsonArray()) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("block_id") && b.get("block_id").getAsString().equals("boss_guard")) {
                return b;
            }
        }
        throw new AssertionError("no boss_guard block in " + message.param("blocks"));
    }

    /**
     * Logs what {@code what} sends (news other than the filler, this week's forecast) and returns
     * its button.
     */
    private static Button button(Sending what) {
        return switch (what) {
            case NEWS -> {
                JsonObject reply =
                        JsonParser.parseString(
                                        app.slack().command(TEAM, ME, "bad Lost Initech").body())
                                .getAsJsonObject();
                yield new Button(
                        "share_bad_news",
                        buttons(reply.getAsJsonArray("blocks")).stream()
                                .filter(
                                        b ->
                                                b.get("action_id")
                                                        .getAsString()
                                                        .equals("share_bad_news"))
                                .findFirst()
                                .orElseThrow()
                                .get("value")
                                .getAsString());
            }
            case FORECAST -> {
                SlackRequests.text(app.slack().command(TEAM, ME, "forecast 180k"));
                long id =
                        TestDatabase.database()
                                .jdbi()
                                .withHandle(
                                        h ->
                                                h.createQuery(
                                                                "SELECT max(id) FROM forecast WHERE team_id = :team AND user_id = :user")
                                                        .bind("team", TEAM)
                                                        .bind("user", ME)
                                                        .mapTo(Long.class)
                                                        .one());
                yield new Button("share_forecast", Long.toString(id));
            }
            case AGENDA -> new Button("send_agenda", WEEK);
        };
    }

    /**
     * The manager clicks {@code button}; returns the answer they got (a note, or their message
     * replaced).
     */
    private static FakeSlack.Call click(Button button) throws InterruptedException {
        int responses = seen(FakeSlack.RESPONSE_URL);
        assertThat(app.slack().click(TEAM, ME, button.actionId(), button.value()).statusCode())
                .isEqualTo(200);
        return next(FakeSlack.RESPONSE_URL, responses);
    }
}
