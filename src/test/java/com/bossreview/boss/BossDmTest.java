package com.bossreview.boss;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.AppTest;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The app driven by a manager who sends things to their boss, and by the boss who answers with the
 * buttons.
 */
abstract class BossDmTest extends AppTest {
    static final String MANAGER2 = "U0MANAGER2";

    /** The ISO week of {@link AppTest#WEDNESDAY}: what the agenda's Send to boss button names. */
    static final String WEEK = "2026-W48";

    /** The three kinds of DM a boss gets, each sent with the manager's real button. */
    enum Sending {
        NEWS,
        FORECAST,
        AGENDA
    }

    /**
     * {@code user} is a manager in {@code team} with {@code boss}, in New York, without going
     * through Slack.
     */
    static void managerOf(String team, String user, String boss) {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h ->
                                h.execute(
                                        """
                INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                VALUES (?, ?, ?, 'America/New_York', ?, ?)""",
                                        team,
                                        user,
                                        boss,
                                        WEDNESDAY,
                                        WEDNESDAY));
    }

    /**
     * {@code manager} sends good news, a forecast or the agenda to their boss; returns the DM the
     * boss got.
     */
    static FakeSlack.Call send(String team, String manager, Sending what)
            throws InterruptedException {
        int dms = seen("chat.postMessage");
        int responses = seen(FakeSlack.RESPONSE_URL);
        switch (what) {
            case NEWS -> {
                JsonObject reply = json(app.slack().command(team, manager, "good Acme signed"));
                String id =
                        buttons(reply.getAsJsonArray("blocks")).stream()
                                .filter(
                                        b ->
                                                b.get("action_id")
                                                        .getAsString()
                                                        .equals("share_good_news"))
                                .findFirst()
                                .orElseThrow()
                                .get("value")
                                .getAsString();
                click(team, manager, "share_good_news", id);
            }
            case FORECAST -> {
                json(app.slack().command(team, manager, "forecast 250k"));
                long id =
                        TestDatabase.database()
                                .jdbi()
                                .withHandle(
                                        h ->
                                                h.createQuery(
                                                                "SELECT max(id) FROM forecast WHERE team_id = :team AND user_id = :user")
                                                        .bind("team", team)
                                                        .bind("user", manager)
                                                        .mapTo(Long.class)
                                                        .one());
                click(team, manager, "share_forecast", Long.toString(id));
            }
            case AGENDA -> click(team, manager, "send_agenda", WEEK);
        }
        FakeSlack.Call dm = next("chat.postMessage", dms);
        // The manager's own confirmation, awaited so that it is never taken for an answer to the
        // boss.
        assertThat(next(FakeSlack.RESPONSE_URL, responses).param("replace_original"))
                .isEqualTo("true");
        return dm;
    }

    /**
     * {@code who} clicks {@code actionId} in {@code dm} (with the value it carries); returns the
     * answer they got.
     */
    static FakeSlack.Call answer(FakeSlack.Call dm, String who, String actionId)
            throws InterruptedException {
        int responses = seen(FakeSlack.RESPONSE_URL);
        assertThat(app.slack().clickIn(TEAM, dm, who, actionId, value(dm, actionId)).statusCode())
                .isEqualTo(200);
        return next(FakeSlack.RESPONSE_URL, responses);
    }

    /**
     * The boss asks {@code question} about what {@code dm} names: the button, then the form it
     * opened.
     */
    static HttpResponse<String> ask(FakeSlack.Call dm, String question)
            throws InterruptedException {
        int opened = seen("views.open");
        assertThat(
                        app.slack()
                                .clickIn(
                                        TEAM,
                                        dm,
                                        BOSS,
                                        BossReplyViews.ASK,
                                        value(dm, BossReplyViews.ASK))
                                .statusCode())
                .isEqualTo(200);
        JsonObject view =
                JsonParser.parseString(next("views.open", opened).param("view")).getAsJsonObject();
        return submit(BOSS, view.get("private_metadata").getAsString(), question);
    }

    static HttpResponse<String> submit(String who, String privateMetadata, String question) {
        JsonObject input = new JsonObject();
        input.addProperty("type", "plain_text_input");
        input.addProperty("value", question);
        JsonObject block = new JsonObject();
        block.add(BossReplyViews.QUESTION_ACTION, input);
        JsonObject values = new JsonObject();
        values.add(BossReplyViews.QUESTION_BLOCK, block);
        return app.slack().submit(TEAM, who, BossReplyViews.ASK_MODAL, privateMetadata, values);
    }

    static String value(FakeSlack.Call dm, String actionId) {
        return buttons(dm).stream()
                .filter(b -> b.get("action_id").getAsString().equals(actionId))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + actionId + " in " + dm.param("blocks")))
                .get("value")
                .getAsString();
    }

    static List<FakeSlack.Call> dmsTo(String user) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> user.equals(c.param("channel")))
                .toList();
    }

    static List<JsonObject> buttons(FakeSlack.Call message) {
        return message.param("blocks") == null
                ? List.of()
                : buttons(JsonParser.parseString(message.param("blocks")).getAsJsonArray());
    }

    static List<JsonObject> buttons(JsonArray blocks) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement block : blocks) {
            JsonObject b = block.getAsJsonObject();
            if ("actions".equals(b.get("type").getAsString())) {
                b.getAsJsonArray("elements").forEach(e -> found.add(e.getAsJsonObject()));
            }
        }
        return found;
    }

    private static void click(String team, String user, String actionId, String value) {
        assertThat(app.slack().click(team, user, actionId, value).statusCode()).isEqualTo(200);
    }

    private static JsonObject json(HttpResponse<String> ack) {
        SlackRequests.text(ack);
        return JsonParser.parseString(ack.body()).getAsJsonObject();
    }
}
