package com.bossreview.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CalendarSettingsTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef0123";

    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-123-abc");
        env.put("SLACK_SIGNING_SECRET", "shh-secret");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void without_client_ids_the_feature_is_off_with_the_providers_default_urls() {
        CalendarSettings c = AppConfig.fromEnv(env()).calendar();
        assertThat(c.enabled()).isFalse();
        assertThat(c.googleAuthUrl())
                .isEqualTo(URI.create("https://accounts.google.com/o/oauth2/v2/auth"));
        assertThat(c.googleOAuthUrl()).isEqualTo(URI.create("https://oauth2.googleapis.com/"));
        assertThat(c.googleApiUrl()).isEqualTo(URI.create("https://www.googleapis.com/"));
        assertThat(c.microsoftLoginUrl())
                .isEqualTo(URI.create("https://login.microsoftonline.com/"));
        assertThat(c.microsoftGraphUrl())
                .isEqualTo(URI.create("https://graph.microsoft.com/v1.0/"));
        assertThat(c.syncEvery()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_provider_needs_its_secret_a_public_url_and_the_sealing_key_even_for_one_workspace() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env("GOOGLE_CLIENT_ID", "g-id")))
                .hasMessageStartingWith("GOOGLE_CLIENT_SECRET is not set");
        assertThatThrownBy(() -> AppConfig.fromEnv(env("MICROSOFT_CLIENT_SECRET", "m-secret")))
                .hasMessageStartingWith("MICROSOFT_CLIENT_ID is not set");
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnv(
                                        env(
                                                "GOOGLE_CLIENT_ID",
                                                "g-id",
                                                "GOOGLE_CLIENT_SECRET",
                                                "s")))
                .hasMessageStartingWith("BOSSREVIEW_PUBLIC_URL is not set");
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnv(
                                        env(
                                                "GOOGLE_CLIENT_ID", "g-id",
                                                "GOOGLE_CLIENT_SECRET", "s",
                                                "BOSSREVIEW_PUBLIC_URL", "https://br.example.com")))
                .hasMessageStartingWith("BOSSREVIEW_ENCRYPTION_KEY is not set");
        CalendarSettings on =
                AppConfig.fromEnv(
                                env(
                                        "MICROSOFT_CLIENT_ID", "m-id",
                                        "MICROSOFT_CLIENT_SECRET", "m-secret",
                                        "BOSSREVIEW_PUBLIC_URL", "https://br.example.com/",
                                        "BOSSREVIEW_ENCRYPTION_KEY", KEY,
                                        "MICROSOFT_GRAPH_URL", "http://127.0.0.1:9999/v1.0",
                                        "BOSSREVIEW_SYNC_SECONDS", "3"))
                        .calendar();
        assertThat(on.enabled()).isTrue();
        assertThat(on.google()).isEmpty();
        assertThat(on.microsoft().orElseThrow().id()).isEqualTo("m-id");
        assertThat(on.microsoft().orElseThrow().toString()).doesNotContain("m-secret");
        assertThat(on.publicUrl()).contains(URI.create("https://br.example.com"));
        assertThat(on.microsoftGraphUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/v1.0/"));
        assertThat(on.syncEvery()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void bad_urls_and_sync_intervals_are_refused_by_name() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env("GOOGLE_API_URL", "ftp://x")))
                .hasMessageStartingWith("GOOGLE_API_URL must be an http(s) URL")
                .hasMessageEndingWith("got 'ftp://x'.");
        assertThatThrownBy(() -> AppConfig.fromEnv(env("MICROSOFT_LOGIN_URL", "not a url")))
                .hasMessageStartingWith("MICROSOFT_LOGIN_URL must be an http(s) URL");
        for (String bad : new String[] {"0", "-5", "often", "86401"}) {
            assertThatThrownBy(() -> AppConfig.fromEnv(env("BOSSREVIEW_SYNC_SECONDS", bad)))
                    .as(bad)
                    .hasMessageStartingWith("BOSSREVIEW_SYNC_SECONDS must be")
                    .hasMessageEndingWith("got '" + bad + "'.");
        }
    }
}
