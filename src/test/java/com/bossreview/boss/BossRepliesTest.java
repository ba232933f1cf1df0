package com.bossreview.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.boss.BossDmTest.Sending;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three buttons on every DM to the boss, through the real app: what the manager hears, what the
 * boss sees.
 */
class BossRepliesTest extends BossDmTest {
    /**
     * How the manager hears of each thing, and a piece of each DM that must survive the boss's
     * answer.
     */
    private static final Map<Sending, String> ABOUT =
            Map.of(
                    Sending.NEWS, "your news 'Acme signed'",
                    Sending.FORECAST, "your Q4 FY2026 forecast of 250,000",
                    Sending.AGENDA, "your agenda for the weekly review (23–29 Nov)");

    private static final Map<Sending, String> BODY =
            Map.of(
                    Sending.NEWS, "Good news from <@" + ME + ">",
                    Sending.FORECAST, "*250,000*",
                    Sending.AGENDA, "<@" + ME + "> sent you the agenda");
    private static final Map<Sending, String> COLUMN =
            Map.of(
                    Sending.NEWS,
                    "news_id",
                    Sending.FORECAST,
                    "forecast_id",
                    Sending.AGENDA,
                    "agenda_id");

    @BeforeEach
    void aManagerWithABoss() {
        managerWithBoss();
    }

    static Stream<Arguments> everyButtonOnEveryDm() {
        return Arrays.stream(Sending.values())
                .flatMap(s -> Arrays.stream(BossReply.values()).map(r -> Arguments.of(s, r)));
    }

    @ParameterizedTest(name = "{1} on a {0} DM")
    @MethodSource("everyButtonOnEveryDm")
    void every_button_on_every_dm_to_the_boss_tells_the_manager_what_the_boss_chose(
            Sending what, BossReply reply) throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, what);
        assertThat(dm.param("channel")).isEqualTo(BOSS);
        assertThat(buttons(dm))
                .extracting(b -> b.get("action_id").getAsString())
                .containsExactly("boss_thanks", "boss_lets_talk", "boss_ask");
        assertThat(buttons(dm).get(0).getAsJsonObject("text").get("text").getAsString())
                .isEqualTo(what == Sending.NEWS ? "Thanks" : "Got it");
        long id =
                Long.parseLong(
                        value(dm, "boss_thanks")
                                .replaceFirst("^" + what.name().toLowerCase() + ":", ""));
        int toManager = dmsTo(ME).size();

        if (reply == BossReply.ASK) {
            int dms = seen("chat.postMessage");
            assertThat(SlackRequests.text(ask(dm, "Can we go through it on Friday?"))).isEmpty();
            FakeSlack.Call notice = next("chat.postMessage", dms);
            FakeSlack.Call told = next("chat.postMessage", dms + 1);
            assertThat(notice.param("channel")).isEqualTo(ME);
            assertThat(dmsTo(ME)).hasSize(toManager + 1);
            assertThat(notice.param("text"))
                    .contains("<@" + BOSS + "> asked you a question about " + ABOUT.get(what));
            assertThat(notice.json("blocks"))
                    .contains("<@" + BOSS + "> asks about " + ABOUT.get(what) + ":")
                    .contains("> Can we go through it on Friday?");
            assertThat(told.param("channel")).isEqualTo(BOSS);
            assertThat(told.json("blocks"))
                    .contains("Your question went to <@" + ME + ">")
                    .contains("> Can we go through it on Friday?");
        } else {
            FakeSlack.Call answered =
                    answer(dm, BOSS, reply == BossReply.THANKS ? "boss_thanks" : "boss_lets_talk");
            assertThat(dmsTo(ME)).hasSize(toManager + 1);
            String notice = dmsTo(ME).get(toManager).param("text");
            if (reply == BossReply.THANKS && what == Sending.NEWS) {
                assertThat(notice)
                        .contains("<@" + BOSS + "> says thanks for " + ABOUT.get(what))
                        .doesNotContainIgnoringCase("talk");
                assertThat(answered.param("text"))
                        .contains("You said thanks — <@" + ME + "> has been told");
            } else if (reply == BossReply.THANKS) {
                // A forecast or an agenda is acknowledged ("Got it"), not thanked for.
                assertThat(notice)
                        .contains("<@" + BOSS + "> got " + ABOUT.get(what))
                        .doesNotContainIgnoringCase("thank")
                        .doesNotContainIgnoringCase("talk");
                assertThat(answered.param("text")).contains("Got it — <@" + ME + "> has been told");
            } else {
                assertThat(notice)
                        .contains("<@" + BOSS + "> would like to talk about " + ABOUT.get(what));
                assertThat(answered.param("text"))
                        .contains("<@" + ME + "> has been told you'd like to talk");
            }
            assertThat(answered.param("replace_original")).isEqualTo("true");
            assertThat(answered.json("blocks"))
                    .contains(BODY.get(what))
                    .contains(answered.param("text"));
            assertThat(buttons(answered)).isEmpty();
        }
        assertThat(
                        TestDatabase.rows(
                                "boss_reply WHERE "
                                        + COLUMN.get(what)
                                        + " = "
                                        + id
                                        + " AND reply = '"
                                        + reply
                                        + "' AND team_id = '"
                                        + TEAM
                                        + "' AND user_id = '"
                                        + ME
                                        + "' AND boss_user_id = '"
                                        + BOSS
                                        + "'"))
                .isEqualTo(1);
        assertThat(TestDatabase.rows("boss_reply")).isEqualTo(1);
    }

    @Test
    void thanks_is_reported_as_thanks_not_as_a_request_to_talk() throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.NEWS);
        answer(dm, BOSS, "boss_thanks");
        FakeSlack.Call notice = dmsTo(ME).get(dmsTo(ME).size() - 1);
        assertThat(notice.param("text"))
                .startsWith(":pray: <@" + BOSS + "> says thanks")
                .doesNotContainIgnoringCase("talk")
                .doesNotContainIgnoringCase("meet");
        assertThat(TestDatabase.rows("boss_reply WHERE reply = 'LETS_TALK'")).isZero();
    }

    @Test
    void a_question_reaches_the_manager_quoted_and_escaped_so_it_mentions_and_links_no_one()
            throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.FORECAST);
        int toManager = dmsTo(ME).size();
        String question =
                "Should <@U0CEO> & <!here> see this?\nSee <https://evil.example|the plan> #sales @channel";

        int dms = seen("chat.postMessage");
        assertThat(ask(dm, question).statusCode()).isEqualTo(200);

        FakeSlack.Call notice = next("chat.postMessage", dms);
        next("chat.postMessage", dms + 1); // the boss's confirmation
        assertThat(dmsTo(ME)).hasSize(toManager + 1);
        assertThat(notice.param("channel")).isEqualTo(ME);
        String blocks = notice.json("blocks");
        assertThat(blocks)
                .contains(
                        "> Should &lt;@U0CEO&gt; &amp; &lt;!here&gt; see this?\\n> See "
                                + "&lt;https://evil.example|the plan&gt; #sales @channel")
                .doesNotContain("<@U0CEO>")
                .doesNotContain("<!here>")
                .doesNotContain("<https://");
        JsonObject quote =
                JsonParser.parseString(notice.param("blocks"))
                        .getAsJsonArray()
                        .get(1)
                        .getAsJsonObject()
                        .getAsJsonObject("text");
        assertThat(quote.get("verbatim").getAsBoolean())
                .as("no auto-linked URLs, channels or @channel")
                .isTrue();
        assertThat(notice.param("text")).doesNotContain("U0CEO").doesNotContain("here");
        assertThat(
                        TestDatabase.rows(
                                "boss_reply WHERE reply = 'ASK' AND question LIKE 'Should <@U0CEO>%'"))
                .isEqualTo(1);
    }

    @Test
    void
            the_question_form_opens_with_the_clicks_trigger_and_a_limit_and_refuses_an_empty_or_too_long_question()
                    throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.NEWS);
        int opened = seen("views.open");
        app.slack().clickIn(TEAM, dm, BOSS, "boss_ask", value(dm, "boss_ask"));
        FakeSlack.Call open = next("views.open", opened);
        assertThat(open.param("trigger_id")).isEqualTo("13345224609.738474920.8088930838d88f008e0");
        JsonObject view = JsonParser.parseString(open.param("view")).getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo("boss_ask_modal");
        assertThat(view.get("private_metadata").getAsString()).isEqualTo(value(dm, "boss_ask"));
        assertThat(open.json("view"))
                .contains("\"max_length\":1000", "Your question goes to <@" + ME + ">");
        int dms = seen("chat.postMessage");

        for (String bad : List.of("   ", "x".repeat(1001), "😀".repeat(1001))) {
            HttpResponse<String> refused =
                    submit(BOSS, view.get("private_metadata").getAsString(), bad);
            JsonObject ack = JsonParser.parseString(refused.body()).getAsJsonObject();
            assertThat(ack.get("response_action").getAsString()).isEqualTo("errors");
            assertThat(ack.getAsJsonObject("errors").has("boss_question")).isTrue();
        }
        assertThat(
                        submit(BOSS, view.get("private_metadata").getAsString(), "😀".repeat(1000))
                                .body())
                .isEmpty();
        next("chat.postMessage", dms + 1);
        assertThat(dmsTo(ME).get(dmsTo(ME).size() - 1).json("blocks")).contains("😀".repeat(1000));
        assertThat(TestDatabase.rows("boss_reply")).isEqualTo(1);
    }

    @Test
    void asking_keeps_the_buttons_so_the_boss_can_ask_again_and_still_say_thanks()
            throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.AGENDA);
        int toManager = dmsTo(ME).size();
        int dms = seen("chat.postMessage");
        ask(dm, "First question");
        next("chat.postMessage", dms + 1); // the manager's DM and the boss's confirmation
        ask(dm, "Second question");
        next("chat.postMessage", dms + 3);
        FakeSlack.Call thanked = answer(dm, BOSS, "boss_thanks");

        assertThat(thanked.param("text")).contains("Got it — <@" + ME + "> has been told");
        assertThat(dmsTo(ME)).hasSize(toManager + 3);
        assertThat(TestDatabase.rows("boss_reply WHERE reply = 'ASK'")).isEqualTo(2);
        assertThat(TestDatabase.rows("boss_reply WHERE reply = 'THANKS'")).isEqualTo(1);
    }

    @Test
    void after_thanks_lets_talk_from_a_stale_copy_says_it_was_already_answered() throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.FORECAST);
        answer(dm, BOSS, "boss_thanks");
        int toManager = dmsTo(ME).size();

        FakeSlack.Call again = answer(dm, BOSS, "boss_lets_talk");

        assertThat(again.param("text"))
                .contains("You already said got it")
                .contains("Nothing was sent again");
        assertThat(again.param("replace_original")).isEqualTo("false");
        assertThat(dmsTo(ME)).hasSize(toManager);
        assertThat(TestDatabase.rows("boss_reply")).isEqualTo(1);
    }

    @Test
    void a_forged_value_or_someone_elses_click_changes_nothing() throws Exception {
        FakeSlack.Call news = send(TEAM, ME, Sending.NEWS);
        FakeSlack.Call forecast = send(TEAM, ME, Sending.FORECAST);
        long newsId = Long.parseLong(value(news, "boss_thanks").substring("news:".length()));
        int dms = seen("chat.postMessage");
        int opened = seen("views.open");

        String[][] attempts = {
            {TEAM, "U0INTRUDER", "boss_thanks", value(news, "boss_thanks")},
            {TEAM, ME, "boss_lets_talk", value(forecast, "boss_lets_talk")},
            {"T0SECOND", BOSS, "boss_thanks", value(news, "boss_thanks")},
            {TEAM, BOSS, "boss_thanks", "forecast:" + newsId},
            {TEAM, BOSS, "boss_lets_talk", "agenda:" + newsId},
            {TEAM, BOSS, "boss_thanks", "news:0"},
            {TEAM, BOSS, "boss_thanks", "news:" + newsId + " OR 1=1"},
            {TEAM, BOSS, "boss_thanks", Long.toString(newsId)},
            {TEAM, BOSS, "boss_lets_talk", "memo:" + newsId},
            {TEAM, BOSS, "boss_thanks", "news:99999999999999999999"},
            {TEAM, "U0INTRUDER", "boss_ask", value(news, "boss_ask")},
            {TEAM, BOSS, "boss_ask", "agenda:" + newsId}
        };
        for (String[] a : attempts) {
            int responses = seen(FakeSlack.RESPONSE_URL);
            assertThat(app.slack().click(a[0], a[1], a[2], a[3]).statusCode()).isEqualTo(200);
            FakeSlack.Call refused = next(FakeSlack.RESPONSE_URL, responses);
            assertThat(refused.param("text"))
                    .as(String.join(" ", a))
                    .contains("isn't yours to answer");
            assertThat(refused.param("replace_original")).isEqualTo("false");
        }
        HttpResponse<String> forgedForm =
                submit("U0INTRUDER", value(news, "boss_ask"), "Let me in?");
        assertThat(
                        JsonParser.parseString(forgedForm.body())
                                .getAsJsonObject()
                                .get("response_action")
                                .getAsString())
                .isEqualTo("errors");
        assertThat(submit(BOSS, "news:" + newsId + ",forecast:1", "Hm?").body()).contains("errors");

        assertThat(seen("chat.postMessage")).isEqualTo(dms);
        assertThat(seen("views.open")).isEqualTo(opened);
        assertThat(TestDatabase.rows("boss_reply")).isZero();
    }

    @Test
    void a_double_click_tells_the_manager_once() throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.NEWS);
        int toManager = dmsTo(ME).size();
        int responses = seen(FakeSlack.RESPONSE_URL);

        // Both clicks are acked before either is answered: their work races on the after-ack
        // executor.
        app.slack().clickIn(TEAM, dm, BOSS, "boss_lets_talk", value(dm, "boss_lets_talk"));
        app.slack().clickIn(TEAM, dm, BOSS, "boss_lets_talk", value(dm, "boss_lets_talk"));
        List<FakeSlack.Call> answers =
                slack.awaitCalls(
                                FakeSlack.RESPONSE_URL,
                                responses + 2,
                                java.time.Duration.ofSeconds(10))
                        .subList(responses, responses + 2);

        assertThat(dmsTo(ME)).hasSize(toManager + 1);
        assertThat(answers)
                .extracting(c -> c.param("text"))
                .anySatisfy(t -> assertThat(t).contains("has been told you'd like to talk"))
                .anySatisfy(t -> assertThat(t).contains("You already asked to talk"));
        assertThat(TestDatabase.rows("boss_reply")).isEqualTo(1);
    }

    @Test
    void a_failed_dm_to_the_manager_is_not_recorded_and_the_boss_can_click_again()
            throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.AGENDA);
        slack.fail("chat.postMessage", new FakeSlack.Fault.ServerError(500), 1);

        FakeSlack.Call failed = answer(dm, BOSS, "boss_thanks");

        assertThat(failed.param("text"))
                .contains("couldn't reach <@" + ME + ">")
                .contains("http_500")
                .contains("NOT sent");
        assertThat(failed.param("replace_original")).isEqualTo("false");
        assertThat(TestDatabase.rows("boss_reply")).isZero();
        int toManager = dmsTo(ME).size();
        assertThat(answer(dm, BOSS, "boss_thanks").param("text"))
                .contains("Got it — <@" + ME + "> has been told");
        assertThat(dmsTo(ME)).hasSize(toManager + 1);
        assertThat(TestDatabase.rows("boss_reply WHERE reply = 'THANKS'")).isEqualTo(1);
    }

    @Test
    void a_question_the_manager_could_not_get_comes_back_to_the_boss_unrecorded() throws Exception {
        FakeSlack.Call dm = send(TEAM, ME, Sending.NEWS);
        int dms = seen("chat.postMessage");
        slack.fail("chat.postMessage", new FakeSlack.Fault.ApiError("channel_not_found"), 1);

        ask(dm, "Who else knows?");

        FakeSlack.Call back = next("chat.postMessage", dms + 1);
        assertThat(back.param("channel")).isEqualTo(BOSS);
        assertThat(back.json("blocks"))
                .contains("couldn't pass your question to <@" + ME + ">")
                .contains("channel_not_found")
                .contains("NOT sent")
                .contains("> Who else knows?");
        assertThat(TestDatabase.rows("boss_reply")).isZero();
    }
}
