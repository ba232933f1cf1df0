package com.bossreview.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static final String[] HTTP = {
        "SLACK_BOT_TOKEN", "xoxb-123-abc", "SLACK_SIGNING_SECRET", "shh-secret"
    };

    @Test
    void http_mode_with_defaults() {
        AppConfig c = AppConfig.fromEnv(env(HTTP));
        assertThat(c.mode()).isEqualTo(AppConfig.Mode.HTTP);
        assertThat(c.port()).isEqualTo(3000);
        assertThat(c.bindHost()).isEqualTo("0.0.0.0");
        assertThat(c.slackApiUrl().toString()).isEqualTo("https://slack.com/api/");
        assertThat(c.databaseUrl()).isEmpty();
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void the_database_pool_size_defaults_to_20_and_must_leave_two_connections_to_each_pool() {
        assertThat(AppConfig.fromEnv(env(HTTP)).databasePoolSize()).isEqualTo(20);
        Map<String, String> env = env(HTTP);
        env.put("DATABASE_POOL_SIZE", " 40 ");
        assertThat(AppConfig.fromEnv(env).databasePoolSize()).isEqualTo(40);
        for (String bad : new String[] {"3", "0", "-5", "twenty", "1001", "20.5"}) {
            env.put("DATABASE_POOL_SIZE", bad);
            assertThatThrownBy(() -> AppConfig.fromEnv(env))
                    .as(bad)
                    .hasMessage(
                            "DATABASE_POOL_SIZE must be a number of connections from 4 to 1000 per instance "
                                    + "(shared by Slack requests and background work; default 20), got '"
                                    + bad
                                    + "'.");
        }
    }

    @Test
    void the_slack_pace_and_the_nudge_history_have_defaults_and_refuse_nonsense() {
        AppConfig defaults = AppConfig.fromEnv(env(HTTP));
        assertThat(defaults.slackRate()).isEqualTo(10);
        assertThat(defaults.nudgeRetentionDays()).isEqualTo(90);
        Map<String, String> env = env(HTTP);
        env.put("BOSSREVIEW_SLACK_RATE", " 2.5 ");
        env.put("BOSSREVIEW_NUDGE_RETENTION_DAYS", "30");
        assertThat(AppConfig.fromEnv(env).slackRate()).isEqualTo(2.5);
        assertThat(AppConfig.fromEnv(env).nudgeRetentionDays()).isEqualTo(30);
        for (String bad : new String[] {"0", "0.1", "-1", "fast", "1001", "NaN"}) {
            env.put("BOSSREVIEW_SLACK_RATE", bad);
            assertThatThrownBy(() -> AppConfig.fromEnv(env))
                    .as(bad)
                    .hasMessageStartingWith("BOSSREVIEW_SLACK_RATE must be")
                    .hasMessageEndingWith("got '" + bad + "'.");
        }
        env.put("BOSSREVIEW_SLACK_RATE", "10");
        for (String bad : new String[] {"0", "6", "forever", "3651"}) {
            env.put("BOSSREVIEW_NUDGE_RETENTION_DAYS", bad);
            assertThatThrownBy(() -> AppConfig.fromEnv(env))
                    .as(bad)
                    .hasMessageStartingWith("BOSSREVIEW_NUDGE_RETENTION_DAYS must be")
                    .hasMessageEndingWith("got '" + bad + "'.");
        }
    }

    @Test
    void socket_mode_when_an_app_token_is_set_and_no_signing_secret_needed() {
        AppConfig c =
                AppConfig.fromEnv(
                        env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1-A1-2-x"));
        assertThat(c.mode()).isEqualTo(AppConfig.Mode.SOCKET_MODE);
    }

    @Test
    void no_slack_credentials_at_all_names_the_variables() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_BOT_TOKEN is not set")
                .hasMessageContaining("SLACK_SIGNING_SECRET")
                .hasMessageContaining("SLACK_APP_TOKEN");
    }

    @Test
    void bot_token_without_signing_secret_in_http_mode_is_refused() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env("SLACK_BOT_TOKEN", "xoxb-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
    }

    @Test
    void blank_values_count_as_unset() {
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnv(
                                        env(
                                                "SLACK_BOT_TOKEN",
                                                "xoxb-1",
                                                "SLACK_SIGNING_SECRET",
                                                "  ")))
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
    }

    @Test
    void a_user_token_is_not_a_bot_token() {
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnv(
                                        env(
                                                "SLACK_BOT_TOKEN",
                                                "xoxp-1",
                                                "SLACK_SIGNING_SECRET",
                                                "s")))
                .hasMessageStartingWith("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
                .hasMessageNotContaining("xoxp-1");
    }

    @Test
    void app_token_must_be_an_app_level_token() {
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnv(
                                        env(
                                                "SLACK_BOT_TOKEN",
                                                "xoxb-1",
                                                "SLACK_APP_TOKEN",
                                                "xoxb-2")))
                .hasMessageStartingWith(
                        "SLACK_APP_TOKEN must be an app-level token starting with xapp-");
    }

    private static final String KEY = "0123456789abcdef0123456789abcdef-key";
    private static final String[] MULTI = {
        "SLACK_CLIENT_ID",
        "123.456",
        "SLACK_CLIENT_SECRET",
        "client-secret-value",
        "SLACK_SIGNING_SECRET",
        "shh-secret",
        "BOSSREVIEW_ENCRYPTION_KEY",
        KEY
    };

    @Test
    void client_credentials_select_multi_workspace_mode_over_http() {
        AppConfig c = AppConfig.fromEnv(env(MULTI));
        assertThat(c.isMultiWorkspace()).isTrue();
        assertThat(c.mode()).isEqualTo(AppConfig.Mode.HTTP);
        assertThat(c.botToken()).isEmpty();
        AppConfig.MultiWorkspace m = c.multiWorkspace().orElseThrow();
        assertThat(m.clientId()).isEqualTo("123.456");
        assertThat(m.clientSecret().reveal()).isEqualTo("client-secret-value");
        assertThat(m.encryptionKey().reveal()).isEqualTo(KEY);
        assertThat(m.previousEncryptionKey()).isEmpty();
        assertThat(m.publicUrl()).isEmpty();
        assertThat(c.uninstallRetentionDays()).isZero();
        assertThat(AppConfig.fromEnv(env(HTTP)).isMultiWorkspace()).isFalse();
    }

    @Test
    void a_client_id_without_its_secret_is_refused_and_the_other_way_round() {
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnv(
                                        env(
                                                "SLACK_CLIENT_ID",
                                                "123.456",
                                                "SLACK_SIGNING_SECRET",
                                                "s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_CLIENT_SECRET is not set");
        assertThatThrownBy(
                        () ->
                                AppConfig.fromEnv(
                                        env(
                                                "SLACK_CLIENT_SECRET",
                                                "cs-hidden",
                                                "SLACK_SIGNING_SECRET",
                                                "s")))
                .hasMessageStartingWith("SLACK_CLIENT_ID is not set")
                .hasMessageNotContaining("cs-hidden");
    }

    @Test
    void a_bot_token_with_client_credentials_is_contradictory() {
        Map<String, String> env = env(MULTI);
        env.put("SLACK_BOT_TOKEN", "xoxb-1");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("SLACK_BOT_TOKEN and SLACK_CLIENT_ID are both set")
                .hasMessageNotContaining("xoxb-1");
    }

    @Test
    void multi_workspace_mode_needs_http_and_a_signing_secret() {
        Map<String, String> env = env(MULTI);
        env.put("SLACK_APP_TOKEN", "xapp-1");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("SLACK_APP_TOKEN and SLACK_CLIENT_ID");
        env.remove("SLACK_APP_TOKEN");
        env.remove("SLACK_SIGNING_SECRET");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
    }

    @Test
    void multi_workspace_mode_needs_an_encryption_key_and_says_how_to_make_one() {
        Map<String, String> env = env(MULTI);
        env.remove("BOSSREVIEW_ENCRYPTION_KEY");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("BOSSREVIEW_ENCRYPTION_KEY is not set")
                .hasMessageContaining("openssl rand -base64 32");
        env.put("BOSSREVIEW_ENCRYPTION_KEY", "short-key-hidden");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("BOSSREVIEW_ENCRYPTION_KEY is too short (16 characters)")
                .hasMessageContaining("at least 32")
                .hasMessageNotContaining("short-key-hidden");
        env.put("BOSSREVIEW_ENCRYPTION_KEY", KEY);
        env.put("BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS", "tiny");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS is too short");
    }

    @Test
    void public_url_previous_key_and_retention_are_read() {
        Map<String, String> env = env(MULTI);
        env.put("BOSSREVIEW_PUBLIC_URL", "https://bossreview.example.com/");
        env.put("BOSSREVIEW_ENCRYPTION_KEY_PREVIOUS", "the-old-key-that-is-long-enough-0123");
        env.put("BOSSREVIEW_UNINSTALL_RETENTION_DAYS", "30");
        AppConfig c = AppConfig.fromEnv(env);
        assertThat(c.multiWorkspace().orElseThrow().publicUrl().orElseThrow().toString())
                .isEqualTo("https://bossreview.example.com");
        assertThat(c.multiWorkspace().orElseThrow().previousEncryptionKey().orElseThrow().reveal())
                .startsWith("the-old-key");
        assertThat(c.uninstallRetentionDays()).isEqualTo(30);
        env.put("BOSSREVIEW_UNINSTALL_RETENTION_DAYS", "a month");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("BOSSREVIEW_UNINSTALL_RETENTION_DAYS must be a number");
        env.put("BOSSREVIEW_UNINSTALL_RETENTION_DAYS", "30");
        env.put("BOSSREVIEW_PUBLIC_URL", "bossreview.example.com");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("BOSSREVIEW_PUBLIC_URL must be");
    }

    @Test
    void multi_workspace_secrets_never_show_in_to_string() {
        String printed = AppConfig.fromEnv(env(MULTI)).toString();
        assertThat(printed)
                .doesNotContain("client-secret-value", KEY, "shh-secret")
                .contains("123.456");
    }

    @Test
    void non_numeric_port_is_refused() {
        Map<String, String> env = env(HTTP);
        env.put("PORT", "http");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "PORT must be a number from 1 to 65535 (0 picks a free port), got 'http'.");
    }

    @Test
    void out_of_range_port_is_refused() {
        Map<String, String> env = env(HTTP);
        env.put("PORT", "70000");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("PORT must be a number");
    }

    @Test
    void malformed_database_url_is_refused_without_echoing_the_password() {
        Map<String, String> env = env(HTTP);
        env.put("DATABASE_URL", "mysql://bob:hunter2@db/x");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("DATABASE_URL must look like postgres://")
                .hasMessageNotContaining("hunter2");
        env.put("DATABASE_URL", "postgres://bob:hunter2@/x");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("DATABASE_URL has no host")
                .hasMessageNotContaining("hunter2");
        env.put("DATABASE_URL", "postgres://bob:hunter2@db:5432");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("DATABASE_URL has no database name");
        env.put("DATABASE_URL", "postgres://bob:hun ter2@db:5432/x");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("DATABASE_URL is not a valid URL")
                .hasMessageNotContaining("hun ter2");
    }

    @Test
    void malformed_slack_api_url_is_refused() {
        Map<String, String> env = env(HTTP);
        env.put("SLACK_API_URL", "slack.com/api");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("SLACK_API_URL must be an http(s) URL");
    }

    @Test
    void slack_api_url_gets_a_trailing_slash() {
        Map<String, String> env = env(HTTP);
        env.put("SLACK_API_URL", "http://127.0.0.1:9999/api");
        assertThat(AppConfig.fromEnv(env).slackApiUrl().toString())
                .isEqualTo("http://127.0.0.1:9999/api/");
    }

    @Test
    void secrets_never_show_in_to_string() {
        Map<String, String> env =
                env(
                        "SLACK_BOT_TOKEN",
                        "xoxb-very-secret",
                        "SLACK_SIGNING_SECRET",
                        "sig-secret",
                        "SLACK_APP_TOKEN",
                        "xapp-secret-app",
                        "DATABASE_URL",
                        "postgres://u:db-secret@h:5432/d");
        String printed = AppConfig.fromEnv(env).toString();
        assertThat(printed)
                .doesNotContain("very-secret", "sig-secret", "xapp-secret", "db-secret")
                .contains("****");
    }

    @Test
    void the_crm_is_read_with_the_app_and_checked_like_the_calendar() {
        assertThat(AppConfig.fromEnv(env(HTTP)).crm().enabled()).isFalse();
        Map<String, String> env = env(HTTP);
        env.put("HUBSPOT_CLIENT_ID", "hub-id");
        env.put("HUBSPOT_CLIENT_SECRET", "hub-secret");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("BOSSREVIEW_PUBLIC_URL is not set");
        env.put("BOSSREVIEW_PUBLIC_URL", "https://bossreview.example.com");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .hasMessageStartingWith("BOSSREVIEW_ENCRYPTION_KEY is not set");
        env.put("BOSSREVIEW_ENCRYPTION_KEY", "0123456789abcdef0123456789abcdef0123");
        AppConfig c = AppConfig.fromEnv(env);
        assertThat(c.crm().hubspot()).isPresent();
        assertThat(c.crm().salesforce()).isEmpty();
        assertThat(c.calendar().enabled()).isFalse();
        assertThat(c.toString()).doesNotContain("hub-secret");
    }
}
