package com.bossreview.install;

import com.bossreview.config.ConfigException;
import com.bossreview.config.Secret;
import com.bossreview.support.FakeSlack;
import com.bossreview.support.MutableClock;
import com.bossreview.support.SlackRequests;
import com.bossreview.support.TestApp;
import com.bossreview.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Changing BOSSREVIEW_ENCRYPTION_KEY: refused without the old key, re-sealed with it as _PREVIOUS. */
@ExtendWith(TestDatabase.class)
class KeyRotationTest {
    static final String NEW_KEY = "the-new-key-after-rotation-0123456789abcdef";
    static final String TOKEN = "xoxb-111-acme-rotating";

    /** Other test classes start their app before their tables are emptied: leave no token under another key. */
    @AfterEach
    void leaveNoTokenSealedWithAnotherKey() throws Exception {
        TestDatabase.truncateAll();
    }

    private static String sealed() {
        return TestDatabase.database().jdbi().withHandle(h -> h.createQuery("SELECT bot_token FROM installation")
                .mapTo(String.class).one());
    }

    @Test
    void a_new_key_alone_stops_start_up_and_with_the_old_one_as_previous_the_tokens_are_resealed() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            MutableClock clock = MutableClock.atRealNow();
            try (TestApp app = TestApp.startMultiWorkspace(slack, clock, Map.of())) {
                InstallBrowser.install(app, slack, "code-1", FakeSlack.Grant.workspace("T0ACME", "Acme", TOKEN));
            }
            String before = sealed();

            assertThatThrownBy(() -> TestApp.startMultiWorkspace(slack, clock, Map.of("BOSSREVIEW_ENCRYPTION_KEY", NEW_KEY)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("BOSSREVIEW_ENCRYPTION_KEY does not open the stored installations")
                    .hasMessageContaining("BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS")
                    .hasMessageNotContaining(NEW_KEY).hasMessageNotContaining(TestApp.ENCRYPTION_KEY);
            assertThat(sealed()).isEqualTo(before);

            try (TestApp app = TestApp.startMultiWorkspace(slack, clock, Map.of("BOSSREVIEW_ENCRYPTION_KEY", NEW_KEY,
                    "BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS", TestApp.ENCRYPTION_KEY))) {
                TokenCipher next = new TokenCipher(new Secret(NEW_KEY), Optional.empty());
                assertThat(TokenCipher.keyIdOf(sealed())).isEqualTo(next.keyId());
                assertThat(next.decrypt(sealed(), "T:T0ACME")).isEqualTo(TOKEN);
                slack.user("U1ANNA", "T0ACME", false, false, "UTC");
                assertThat(SlackRequests.text(app.slack().command("T0ACME", "U1ANNA", "good Still here"))).isNotBlank();
                List<FakeSlack.Call> lookups = slack.awaitCalls("users.info", 1, Duration.ofSeconds(10));
                assertThat(lookups.get(0).token()).isEqualTo(TOKEN);
            }

            // the old key can go now: the new one alone starts
            try (TestApp app = TestApp.startMultiWorkspace(slack, clock, Map.of("BOSSREVIEW_ENCRYPTION_KEY", NEW_KEY))) {
                assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
            }
        }
    }
}
