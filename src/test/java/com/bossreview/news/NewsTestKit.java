package com.bossreview.news;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.manager.ManagerService;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.Nudging;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One app, one fake Slack and one settable clock for a news test class, plus the lookups its tests
 * share.
 */
final class NewsTestKit implements AutoCloseable {
    static final Instant START = Instant.parse("2025-03-04T08:00:00Z");
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";
    static final String BOSS = "U0BOSS";

    final FakeSlack slack = new FakeSlack();
    final MutableClock clock = new MutableClock(START);
    final TestApp app = TestApp.start(slack, clock);
    private int responsesSeen;
    private int dmsAtReset;

    /** Call at the start of each test: the clock back at START, responses counted from here. */
    void reset() {
        clock.set(START);
        responsesSeen = slack.calls(FakeSlack.RESPONSE_URL).size();
        dmsAtReset = dms().size();
    }

    /**
     * A manager whose zone is fresh (no users.info refresh racing the test) and, if given, with a
     * boss.
     */
    void manager(String team, String user, ZoneId zone, String boss) {
        ManagerService managers =
                new ManagerService(TestDatabase.database().jdbi(), clock, (t, u) -> {});
        managers.getOrCreate(team, user);
        managers.zoneChecked(team, user, zone, Optional.empty());
        if (boss != null) {
            managers.setBoss(team, user, boss);
        }
    }

    /** Logs news with the real command; returns the ack as JSON. */
    JsonObject log(String team, String user, String kindAndText) {
        HttpResponse<String> ack = app.slack().command(team, user, kindAndText);
        assertThat(ack.statusCode()).isEqualTo(200);
        return JsonParser.parseString(ack.body()).getAsJsonObject();
    }

    /** Logs news and returns its id, read from the button of the reply. */
    long logged(String team, String user, String kindAndText) {
        return Long.parseLong(
                buttons(log(team, user, kindAndText)).get(0).get("value").getAsString());
    }

    /** A click, acked with an empty 200; returns the answer it then sends through response_url. */
    FakeSlack.Call click(String team, String user, String actionId, String value)
            throws InterruptedException {
        HttpResponse<String> ack = app.slack().click(team, user, actionId, value);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(SlackRequests.text(ack)).isEmpty();
        return nextResponse();
    }

    /**
     * As {@link #click}, on a button in the block {@code blockId} (the news list's rows have their
     * own).
     */
    FakeSlack.Call clickIn(String team, String user, String actionId, String value, String blockId)
            throws InterruptedException {
        HttpResponse<String> ack = app.slack().click(team, user, actionId, value, blockId);
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(SlackRequests.text(ack)).isEmpty();
        return nextResponse();
    }

    /**
     * The dispatcher run at {@code at}, as the nudge tests do: the clock set, due nudges sent or
     * skipped.
     */
    int drainAt(Instant at) {
        clock.set(at);
        return Nudging.drain(app.nudges().engine());
    }

    /**
     * {@code SENT}, or {@code SKIPPED:<reason>}, of each reminder of a piece of news, in the order
     * they were due.
     */
    static List<String> reminders(long newsId) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery(
                                                "SELECT state || coalesce(':' || outcome, '') FROM nudge WHERE ref_id = :id ORDER BY due_at")
                                        .bind("id", newsId)
                                        .mapTo(String.class)
                                        .list());
    }

    /** The DMs sent since {@link #reset()} (this test's), to {@code user}. */
    List<FakeSlack.Call> dmsTo(String user) {
        List<FakeSlack.Call> all = dms();
        return all.subList(dmsAtReset, all.size()).stream()
                .filter(c -> user.equals(c.param("channel")))
                .toList();
    }

    /** The DMs sent since {@link #reset()}: this test's. */
    List<FakeSlack.Call> newDms() {
        List<FakeSlack.Call> all = dms();
        return all.subList(dmsAtReset, all.size());
    }

    FakeSlack.Call nextResponse() throws InterruptedException {
        responsesSeen++;
        return slack.awaitCalls(FakeSlack.RESPONSE_URL, responsesSeen, Duration.ofSeconds(10))
                .get(responsesSeen - 1);
    }

    List<FakeSlack.Call> dms() {
        return slack.calls("chat.postMessage");
    }

    /**
     * Every button in a message's blocks (a JSON object with {@code blocks}, or a JSON array
     * string).
     */
    static List<JsonObject> buttons(JsonObject message) {
        return buttons(message.getAsJsonArray("blocks"));
    }

    static List<JsonObject> buttons(String blocksJson) {
        return buttons(JsonParser.parseString(blocksJson).getAsJsonArray());
    }

    private static List<JsonObject> buttons(JsonArray blocks) {
        List<JsonObject> found = new ArrayList<>();
        for (JsonElement block : blocks) {
            JsonObject b = block.getAsJsonObject();
            if (b.has("elements") && "actions".equals(b.get("type").getAsString())) {
                for (JsonElement e : b.getAsJsonArray("elements")) {
                    if ("button".equals(e.getAsJsonObject().get("type").getAsString())) {
                        found.add(e.getAsJsonObject());
                    }
                }
            }
        }
        return found;
    }

    /**
     * All text of a message's blocks (a JSON array string), one piece per line, as Slack would
     * render it.
     */
    static String texts(String blocksJson) {
        StringBuilder out = new StringBuilder();
        collectTexts(JsonParser.parseString(blocksJson), out);
        return out.toString();
    }

    private static void collectTexts(JsonElement e, StringBuilder out) {
        if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(child -> collectTexts(child, out));
        } else if (e.isJsonObject()) {
            e.getAsJsonObject()
                    .entrySet()
                    .forEach(
                            entry -> {
                                if (entry.getKey().equals("text")
                                        && entry.getValue().isJsonPrimitive()) {
                                    out.append(entry.getValue().getAsString()).append('\n');
                                } else {
                                    collectTexts(entry.getValue(), out);
                                }
                            });
        }
    }

    static Optional<Instant> sharedAt(long id) {
        return instant("shared_at", id);
    }

    static Optional<Instant> acknowledgedAt(long id) {
        return instant("acknowledged_at", id);
    }

    static Optional<String> toldHow(long id) {
        return column("told_how", id);
    }

    static Optional<Instant> dismissedAt(long id) {
        return instant("dismissed_at", id);
    }

    static String body(long id) {
        return column("body", id).orElseThrow();
    }

    private static Optional<String> column(String column, long id) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT " + column + " FROM news WHERE id = :id")
                                        .bind("id", id)
                                        .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                                        .one());
    }

    static Optional<String> sharedWith(long id) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT shared_with FROM news WHERE id = :id")
                                        .bind("id", id)
                                        .map((rs, ctx) -> Optional.ofNullable(rs.getString(1)))
                                        .one());
    }

    private static Optional<Instant> instant(String column, long id) {
        return TestDatabase.database()
                .jdbi()
                .withHandle(
                        h ->
                                h.createQuery("SELECT " + column + " FROM news WHERE id = :id")
                                        .bind("id", id)
                                        .map(
                                                (rs, ctx) ->
                                                        Optional.ofNullable(rs.getTimestamp(1))
                                                                .map(t -> t.toInstant()))
                                        .one());
    }

    @Override
    public void close() {
        app.close();
        slack.close();
    }
}
