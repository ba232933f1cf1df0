package com.bossreview.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrmSettingsTest {
    private static final Optional<Secret> KEY =
            Optional.of(new Secret("0123456789abcdef0123456789abcdef0123"));

    private static CrmSettings read(Optional<Secret> key, String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return CrmSettings.read(n -> Optional.ofNullable(env.get(n)), key, Optional.empty());
    }

    @Test
    void without_client_ids_the_feature_is_off_with_the_providers_default_urls() {
        CrmSettings c = read(Optional.empty());
        assertThat(c.enabled()).isFalse();
        assertThat(c.salesforceLoginUrl()).isEqualTo(URI.create("https://login.salesforce.com/"));
        assertThat(c.hubspotApiUrl()).isEqualTo(URI.create("https://api.hubapi.com/"));
        assertThat(c.hubspotOAuthUrl())
                .isEqualTo(URI.create("https://app.hubspot.com/oauth/authorize"));
        assertThat(c.syncEvery()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_provider_needs_its_secret_a_public_url_and_the_sealing_key() {
        assertThatThrownBy(() -> read(KEY, "SALESFORCE_CLIENT_ID", "id"))
                .hasMessageStartingWith("SALESFORCE_CLIENT_SECRET is not set");
        assertThatThrownBy(() -> read(KEY, "HUBSPOT_CLIENT_SECRET", "s"))
                .hasMessageStartingWith("HUBSPOT_CLIENT_ID is not set");
        assertThatThrownBy(() -> read(KEY, "HUBSPOT_CLIENT_ID", "id", "HUBSPOT_CLIENT_SECRET", "s"))
                .hasMessageStartingWith("BOSSREVIEW_PUBLIC_URL is not set");
        assertThatThrownBy(
                        () ->
                                read(
                                        Optional.empty(),
                                        "HUBSPOT_CLIENT_ID",
                                        "id",
                                        "HUBSPOT_CLIENT_SECRET",
                                        "s",
                                        "BOSSREVIEW_PUBLIC_URL",
                                        "https://b.example.com"))
                .hasMessageStartingWith("BOSSREVIEW_ENCRYPTION_KEY is not set");
    }

    @Test
    void base_urls_point_at_fakes_and_the_secret_never_prints() {
        CrmSettings c =
                read(
                        KEY,
                        "SALESFORCE_CLIENT_ID",
                        "sf-id",
                        "SALESFORCE_CLIENT_SECRET",
                        "sf-secret",
                        "BOSSREVIEW_PUBLIC_URL",
                        "https://b.example.com",
                        "SALESFORCE_LOGIN_URL",
                        "http://127.0.0.1:9999",
                        "HUBSPOT_API_URL",
                        "http://127.0.0.1:9998/");
        assertThat(c.enabled()).isTrue();
        assertThat(c.salesforceLoginUrl()).isEqualTo(URI.create("http://127.0.0.1:9999/"));
        assertThat(c.hubspotApiUrl()).isEqualTo(URI.create("http://127.0.0.1:9998/"));
        assertThat(c.toString()).doesNotContain("sf-secret");
        assertThatThrownBy(() -> read(KEY, "HUBSPOT_API_URL", "ftp://x"))
                .hasMessageStartingWith("HUBSPOT_API_URL must be an http(s) URL");
    }
}
