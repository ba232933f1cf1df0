package com.bossreview.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bossreview.ResealTokens;
import com.bossreview.calendar.CalendarCommands;
import com.bossreview.config.ConfigException;
import com.bossreview.config.Secret;
import com.bossreview.support.FakeGoogle;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.Nudging;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rotating BOSSREVIEW_ENCRYPTION_KEY during a rolling restart: instances with the new key (and the
 * old one as _PREVIOUS) and instances still on the old key alone run side by side on one database.
 */
@ExtendWith(TestDatabase.class)
class KeyRotationTest {
    static final String NEW_KEY = "the-new-key-after-rotation-0123456789abcdef";
    static final Map<String, String> ROLLING =
            Map.of(
                    "BOSSREVIEW_ENCRYPTION_KEY",
                    NEW_KEY,
                    "BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS",
                    TestApp.ENCRYPTION_KEY);
    static final String ACME = "T0ACME", GLOBEX = "T0GLOBEX";
    static final String ACME_TOKEN = "xoxb-111-acme-rotating",
            GLOBEX_TOKEN = "xoxb-222-globex-rotating";

    /** A Wednesday of ISO week 48: booking nudges for that week are due and relevant. */
    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    static final String OLD_ID =
            new TokenCipher(new Secret(TestApp.ENCRYPTION_KEY), Optional.empty()).keyId();
    static final String NEW_ID = new TokenCipher(new Secret(NEW_KEY), Optional.empty()).keyId();

    private FakeSlack slack;
    private MutableClock clock;

    @BeforeEach
    void fakeSlack() {
        slack = new FakeSlack();
        clock = new MutableClock(NOW);
    }

    /**
     * Other test classes start their app before their tables are emptied: leave no token under
     * another key.
     */
    @AfterEach
    void leaveNoTokenSealedWithAnotherKey() throws Exception {
        slack.close();
        TestDatabase.truncateAll();
    }

    private static String keyIdOf(String team) {
        return TokenCipher.keyIdOf(
                TestDatabase.database()
                        .jdbi()
                        .withHandle(
                                h ->
                                        h.createQuery(
                                                        "SELECT bot_token FROM installation WHERE team_id = :t")
                                                .bind("t", team)
                                                .mapTo(String.class)
                                                .one()));
    }

    /**
     * A manager with a boss in {@code team}, and their booking nudge for this week due a minute
     * ago.
     */
    private static void dueNudge(String team, String user) {
        TestDatabase.database()
                .jdbi()
                .useHandle(
                        h -> {
                            h.execute(
                                    """
                    INSERT INTO manager (team_id, user_id, boss_user_id, time_zone, zone_checked_at, created_at)
                    VALUES (?, ?, 'UBOSS', 'UTC', ?, ?) ON CONFLICT DO NOTHING""",
                                    team,
                                    user,
                                    NOW,
                                    NOW);
                            h.execute(
                                    """
                    INSERT INTO nudge (team_id, user_id, kind, period, due_at) VALUES (?, ?, 'BOOK_REVIEW', '2026-W48', ?)
                    ON CONFLICT DO NOTHING""",
                                    team,
                                    user,
                                    NOW.minusSeconds(60));
                        });
    }

    private List<String> dmTokensTo(String user) {
        return slack.calls("chat.postMessage").stream()
                .filter(c -> user.equals(c.param("channel")))
                .map(FakeSlack.Call::token)
                .toList();
    }

    private static String command(TestApp app, String team, String user, String text) {
        return SlackRequests.text(app.slack().command(team, user, text));
    }

    @Test
    void
            while_instances_roll_onto_the_new_key_old_and_new_ones_both_read_every_token_and_send_nudges()
                    throws Exception {
        try (TestApp old = TestApp.startMultiWorkspace(slack, clock, Map.of())) {
            InstallBrowser.install(
                    old, slack, "code-acme", FakeSlack.Grant.workspace(ACME, "Acme", ACME_TOKEN));
            try (TestApp next = TestApp.startMultiWorkspace(slack, clock, ROLLING)) {
                // Starting with the new key re-seals nothing, and a workspace installed through it
                // is sealed with
                // the key every instance has.
                assertThat(keyIdOf(ACME)).isEqualTo(OLD_ID);
                InstallBrowser.install(
                        next,
                        slack,
                        "code-globex",
                        FakeSlack.Grant.workspace(GLOBEX, "Globex", GLOBEX_TOKEN));
                assertThat(keyIdOf(GLOBEX)).isEqualTo(OLD_ID);

                for (TestApp app : List.of(old, next)) {
                    assertThat(command(app, ACME, "U5EVE", "good Acme renewed"))
                            .startsWith(":tada: Nice one");
                    assertThat(command(app, GLOBEX, "U6FRED", "good Globex signed"))
                            .startsWith(":tada: Nice one");
                }

                dueNudge(ACME, "U1ANNA");
                dueNudge(GLOBEX, "U2BEN");
                assertThat(Nudging.drain(old.nudges().engine())).isEqualTo(2);
                dueNudge(ACME, "U3CARL");
                dueNudge(GLOBEX, "U4DANA");
                assertThat(Nudging.drain(next.nudges().engine())).isEqualTo(2);
            }
        }
        assertThat(dmTokensTo("U1ANNA")).containsExactly(ACME_TOKEN);
        assertThat(dmTokensTo("U2BEN")).containsExactly(GLOBEX_TOKEN);
        assertThat(dmTokensTo("U3CARL")).containsExactly(ACME_TOKEN);
        assertThat(dmTokensTo("U4DANA")).containsExactly(GLOBEX_TOKEN);
        assertThat(
                        TestDatabase.rows(
                                "nudge WHERE state = 'SENT' AND user_id IN ('U1ANNA', 'U2BEN', 'U3CARL', 'U4DANA')"))
                .isEqualTo(4);
    }

    @Test
    void
            the_reseal_step_moves_every_token_to_the_new_key_and_an_instance_left_on_the_old_one_says_try_again_and_keeps_its_nudges()
                    throws Exception {
        try (TestApp old = TestApp.startMultiWorkspace(slack, clock, Map.of())) {
            InstallBrowser.install(
                    old, slack, "code-acme", FakeSlack.Grant.workspace(ACME, "Acme", ACME_TOKEN));
            try (TestApp next = TestApp.startMultiWorkspace(slack, clock, ROLLING)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                assertThat(
                                ResealTokens.run(
                                        TestApp.multiWorkspaceConfig(slack, ROLLING),
                                        new PrintStream(out, true, StandardCharsets.UTF_8)))
                        .isZero();
                assertThat(out.toString(StandardCharsets.UTF_8))
                        .contains("re-sealed 1 stored bot tokens")
                        .doesNotContain(NEW_KEY, TestApp.ENCRYPTION_KEY, ACME_TOKEN);
                assertThat(keyIdOf(ACME)).isEqualTo(NEW_ID);
                InstallBrowser.install(
                        next,
                        slack,
                        "code-globex",
                        FakeSlack.Grant.workspace(GLOBEX, "Globex", GLOBEX_TOKEN));
                assertThat(keyIdOf(GLOBEX)).isEqualTo(NEW_ID);

                // Too early for the instance still on the old key: never "not installed", never a
                // failed nudge.
                String reply = command(old, ACME, "U5EVE", "good Acme renewed");
                assertThat(reply)
                        .contains("try again in a moment", "nothing was saved")
                        .doesNotContain("isn't installed");
                assertThat(TestDatabase.rows("news")).isZero();
                dueNudge(ACME, "U1ANNA");
                assertThat(Nudging.drain(old.nudges().engine())).isEqualTo(1);
                assertThat(
                                TestDatabase.rows(
                                        "nudge WHERE state = 'PENDING' AND outcome = 'token_unavailable' AND attempts = 0"))
                        .isEqualTo(1);
                assertThat(TestDatabase.rows("installation")).isEqualTo(2);
                assertThat(dmTokensTo("U1ANNA")).isEmpty();

                // The instance with the key sends it once the pause is over.
                clock.advance(Duration.ofMinutes(5));
                assertThat(Nudging.drain(next.nudges().engine())).isEqualTo(1);
                assertThat(dmTokensTo("U1ANNA")).containsExactly(ACME_TOKEN);
            }
        }
        // Every token under the new key: the old one can go, and alone it no longer starts.
        try (TestApp done =
                TestApp.startMultiWorkspace(
                        slack, clock, Map.of("BOSSREVIEW_ENCRYPTION_KEY", NEW_KEY))) {
            assertThat(command(done, GLOBEX, "U2BEN", "good Globex signed"))
                    .startsWith(":tada: Nice one");
        }
        assertThatThrownBy(() -> TestApp.startMultiWorkspace(slack, clock, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("BOSSREVIEW_ENCRYPTION_KEY does not open");
    }

    /** The environment plus Google Calendar at {@code google}. */
    private static Map<String, String> withCalendar(FakeGoogle google, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("GOOGLE_CLIENT_ID", google.clientId());
        all.put("GOOGLE_CLIENT_SECRET", google.clientSecret());
        all.put("GOOGLE_AUTH_URL", google.url() + "o/oauth2/v2/auth");
        all.put("GOOGLE_OAUTH_URL", google.url());
        all.put("GOOGLE_API_URL", google.url());
        all.put("BOSSREVIEW_PUBLIC_URL", "https://bossreview.test");
        return all;
    }

    /** {@code user} of Acme connects Google Calendar through {@code app}. */
    private static void connectCalendar(TestApp app, FakeGoogle google, String user)
            throws Exception {
        String authorize = calendarLink(app, user);
        URI back =
                google.consent(URI.create(authorize), user.toLowerCase(Locale.ROOT) + "@acme.test");
        assertThat(app.get(back.getRawPath() + "?" + back.getRawQuery()).statusCode())
                .isEqualTo(200);
    }

    /** Starts a connection (a state with its sealed verifier); the consent page's address. */
    private static String calendarLink(TestApp app, String user) {
        String ack = app.slack().command(ACME, user, "connect calendar").body();
        return buttonUrl(com.google.gson.JsonParser.parseString(ack))
                .orElseThrow(() -> new AssertionError("no connect button in " + ack));
    }

    private static Optional<String> buttonUrl(com.google.gson.JsonElement e) {
        if (e.isJsonObject()) {
            com.google.gson.JsonObject o = e.getAsJsonObject();
            if (o.has("action_id")
                    && CalendarCommands.CONNECT_GOOGLE.equals(o.get("action_id").getAsString())) {
                return Optional.of(o.get("url").getAsString());
            }
            for (var entry : o.entrySet()) {
                Optional<String> url = buttonUrl(entry.getValue());
                if (url.isPresent()) {
                    return url;
                }
            }
        } else if (e.isJsonArray()) {
            for (com.google.gson.JsonElement x : e.getAsJsonArray()) {
                Optional<String> url = buttonUrl(x);
                if (url.isPresent()) {
                    return url;
                }
            }
        }
        return Optional.empty();
    }

    /** The key ids of every sealed calendar value, by column. */
    private static Map<String, List<String>> calendarKeyIds() {
        Map<String, List<String>> ids = new java.util.TreeMap<>();
        for (String column :
                List.of(
                        "calendar_connection.refresh_token",
                        "calendar_connection.access_token",
                        "calendar_oauth_state.verifier")) {
            String[] tc = column.split("\\.");
            ids.put(
                    column,
                    TestDatabase.database()
                            .jdbi()
                            .withHandle(
                                    h ->
                                            h.createQuery(
                                                            "SELECT "
                                                                    + tc[1]
                                                                    + " FROM "
                                                                    + tc[0]
                                                                    + " WHERE "
                                                                    + tc[1]
                                                                    + " IS NOT NULL")
                                                    .mapTo(String.class)
                                                    .list())
                            .stream()
                            .map(TokenCipher::keyIdOf)
                            .distinct()
                            .toList());
        }
        return ids;
    }

    @Test
    void
            calendar_tokens_follow_the_same_rotation_sealed_with_the_old_key_until_the_reseal_step_moves_them_all()
                    throws Exception {
        try (FakeGoogle google = new FakeGoogle()) {
            try (TestApp old =
                    TestApp.startMultiWorkspace(slack, clock, withCalendar(google, Map.of()))) {
                InstallBrowser.install(
                        old,
                        slack,
                        "code-acme",
                        FakeSlack.Grant.workspace(ACME, "Acme", ACME_TOKEN));
                dueNudge(ACME, "U1ANNA");
                connectCalendar(old, google, "U1ANNA");
                try (TestApp next =
                        TestApp.startMultiWorkspace(slack, clock, withCalendar(google, ROLLING))) {
                    // While rolling: a connection, a refresh and a started connection through the
                    // instance with the new key are all sealed with the key every instance has.
                    dueNudge(ACME, "U2BEN");
                    connectCalendar(next, google, "U2BEN");
                    clock.advance(Duration.ofHours(2)); // the access tokens have expired
                    next.calendar().orElseThrow().connections().access(ACME, "U1ANNA");
                    calendarLink(next, "U3CARL");
                    assertThat(
                                    google.requests("POST", "/token").stream()
                                            .filter(
                                                    r ->
                                                            "refresh_token"
                                                                    .equals(r.form("grant_type"))))
                            .hasSize(1);
                    assertThat(calendarKeyIds())
                            .allSatisfy((column, ids) -> assertThat(ids).containsExactly(OLD_ID));

                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    assertThat(
                                    ResealTokens.run(
                                            TestApp.multiWorkspaceConfig(
                                                    slack, withCalendar(google, ROLLING)),
                                            new PrintStream(out, true, StandardCharsets.UTF_8)))
                            .isZero();
                    // two connections' refresh and access tokens, three states' verifiers
                    assertThat(out.toString(StandardCharsets.UTF_8))
                            .contains("re-sealed 1 stored bot tokens and 7 calendar tokens");
                    assertThat(calendarKeyIds())
                            .allSatisfy((column, ids) -> assertThat(ids).containsExactly(NEW_ID));

                    // After the step, new calendar tokens are sealed with the new key.
                    dueNudge(ACME, "U4DANA");
                    connectCalendar(next, google, "U4DANA");
                    assertThat(calendarKeyIds())
                            .allSatisfy((column, ids) -> assertThat(ids).containsExactly(NEW_ID));
                }
            }
            // The old key gone: every calendar still opens, and refreshes with its own token.
            try (TestApp done =
                    TestApp.startMultiWorkspace(
                            slack,
                            clock,
                            withCalendar(google, Map.of("BOSSREVIEW_ENCRYPTION_KEY", NEW_KEY)))) {
                clock.advance(Duration.ofHours(2));
                for (String user : List.of("U1ANNA", "U2BEN", "U4DANA")) {
                    assertThat(
                                    done.calendar()
                                            .orElseThrow()
                                            .connections()
                                            .access(ACME, user)
                                            .token())
                            .isNotBlank();
                }
                assertThat(
                                google.requests("POST", "/token").stream()
                                        .filter(r -> "refresh_token".equals(r.form("grant_type"))))
                        .hasSize(4);
            }
        }
    }

    @Test
    void a_new_key_alone_stops_start_up_without_touching_the_tokens() throws Exception {
        try (TestApp app = TestApp.startMultiWorkspace(slack, clock, Map.of())) {
            InstallBrowser.install(
                    app, slack, "code-1", FakeSlack.Grant.workspace(ACME, "Acme", ACME_TOKEN));
        }
        assertThatThrownBy(
                        () ->
                                TestApp.startMultiWorkspace(
                                        slack, clock, Map.of("BOSSREVIEW_ENCRYPTION_KEY", NEW_KEY)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "BOSSREVIEW_ENCRYPTION_KEY does not open the stored installations")
                .hasMessageContaining("BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS")
                .hasMessageNotContaining(NEW_KEY)
                .hasMessageNotContaining(TestApp.ENCRYPTION_KEY);
        assertThat(keyIdOf(ACME)).isEqualTo(OLD_ID);
    }
}
