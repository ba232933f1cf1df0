package com.bossreview.crm;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.calendar.ProviderHttp;
import com.bossreview.calendar.SlackButtons;
import com.bossreview.config.CrmSettings;
import com.bossreview.config.Secret;
import com.bossreview.install.TokenCipher;
import com.bossreview.support.FakeHubSpot;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code --reseal-tokens} moves the CRM's sealed values (connections' tokens, states' verifiers) to
 * the new key like the calendar's, and a connection still opens, and is revoked, with the new key
 * alone afterwards.
 */
@ExtendWith(TestDatabase.class)
class CrmResealTest {
    static final String NEW_KEY = "the-new-key-after-rotation-0123456789abcdef";
    static final String TEAM = FakeSlack.TEAM_ID;
    static final String ME = "U0MANAGER";

    /** Other test classes start their app before emptying tables: no token under another key. */
    @AfterEach
    void leaveNoTokenSealedWithAnotherKey() throws Exception {
        TestDatabase.truncateAll();
    }

    @Test
    void the_reseal_step_moves_crm_tokens_and_verifiers_to_the_new_key() throws Exception {
        Jdbi jdbi = TestDatabase.database().jdbi();
        try (FakeSlack slack = new FakeSlack();
                FakeHubSpot hubspot = new FakeHubSpot()) {
            Map<String, String> env =
                    Map.of(
                            "HUBSPOT_CLIENT_ID",
                            FakeHubSpot.CLIENT_ID,
                            "HUBSPOT_CLIENT_SECRET",
                            FakeHubSpot.CLIENT_SECRET,
                            "HUBSPOT_API_URL",
                            hubspot.url(),
                            "HUBSPOT_OAUTH_URL",
                            hubspot.authorizeUrl(),
                            "BOSSREVIEW_PUBLIC_URL",
                            "https://bossreview.test",
                            "BOSSREVIEW_ENCRYPTION_KEY",
                            TestApp.ENCRYPTION_KEY);
            try (TestApp app =
                    TestApp.start(
                            slack, new MutableClock(Instant.parse("2026-11-30T14:00:00Z")), env)) {
                String ack = app.slack().command(TEAM, ME, "connect crm").body();
                URI back =
                        hubspot.consent(
                                URI.create(SlackButtons.url(ack, CrmCommands.CONNECT_HUBSPOT)),
                                "ann@acme.test");
                assertThat(app.get(back.getRawPath() + "?" + back.getRawQuery()).statusCode())
                        .isEqualTo(200);
                app.slack().command(TEAM, ME, "connect crm"); // a second state, not spent
            }

            TokenCipher rotating =
                    new TokenCipher(
                            new Secret(NEW_KEY), Optional.of(new Secret(TestApp.ENCRYPTION_KEY)));
            assertThat(sealed(jdbi)).allMatch(rotating::needsRotation);
            // a connection's refresh and access tokens, two states' verifiers
            // --reseal-tokens in single-workspace mode (SLACK_BOT_TOKEN): no bot token is stored,
            // the CRM's and calendar's sealed values are.
            java.util.Map<String, String> rotated = new java.util.HashMap<>(env);
            rotated.put("BOSSREVIEW_ENCRYPTION_KEY", NEW_KEY);
            rotated.put("BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS", TestApp.ENCRYPTION_KEY);
            rotated.put("SLACK_BOT_TOKEN", TestApp.BOT_TOKEN);
            rotated.put("SLACK_SIGNING_SECRET", "test-signing-secret");
            rotated.put("DATABASE_URL", TestDatabase.jdbcUrlForEnv());
            java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
            assertThat(
                            com.bossreview.ResealTokens.run(
                                    com.bossreview.config.AppConfig.fromEnv(rotated),
                                    new java.io.PrintStream(
                                            printed,
                                            true,
                                            java.nio.charset.StandardCharsets.UTF_8)))
                    .isZero();
            assertThat(printed.toString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("4 CRM tokens");
            assertThat(sealed(jdbi)).hasSize(4).noneMatch(rotating::needsRotation);
            assertThat(new CrmTokens(jdbi).reseal(rotating)).isZero();

            // The old key gone: the connection opens with the new one alone (revoked on the way).
            CrmSettings settings =
                    new CrmSettings(
                            Optional.empty(),
                            Optional.of(
                                    new CrmSettings.Client(
                                            FakeHubSpot.CLIENT_ID,
                                            new Secret(FakeHubSpot.CLIENT_SECRET))),
                            URI.create(CrmSettings.DEFAULT_SALESFORCE_LOGIN_URL),
                            URI.create(hubspot.url()),
                            URI.create(hubspot.authorizeUrl()),
                            Optional.of(URI.create("https://bossreview.test")),
                            Duration.ofMinutes(5),
                            Optional.of(new Secret(NEW_KEY)),
                            Optional.empty());
            CrmConnections after =
                    new CrmConnections(
                            jdbi,
                            Clock.systemUTC(),
                            new TokenCipher(new Secret(NEW_KEY), Optional.empty()),
                            new CrmOAuth(settings, ProviderHttp.client(), Clock.systemUTC()));
            assertThat(after.disconnect(TEAM, ME, false)).isPresent();
            hubspot.awaitRequests("POST", "/token/revoke", 1, Duration.ofSeconds(10));
            assertThat(hubspot.revoked()).hasSize(1);
        }
    }

    private static List<String> sealed(Jdbi jdbi) {
        return jdbi.withHandle(
                h ->
                        h.createQuery(
                                        """
                        SELECT refresh_token FROM crm_connection
                        UNION ALL SELECT access_token FROM crm_connection WHERE access_token IS NOT NULL
                        UNION ALL SELECT verifier FROM crm_oauth_state""")
                                .mapTo(String.class)
                                .list());
    }
}
