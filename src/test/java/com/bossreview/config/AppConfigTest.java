package com.bossreview.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigTest {
    private static Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static final String[] HTTP = {"SLACK_BOT_TOKEN", "xoxb-123-abc", "SLACK_SIGNING_SECRET", "shh-secret"};

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
    void socket_mode_when_an_app_token_is_set_and_no_signing_secret_needed() {
        AppConfig c = AppConfig.fromEnv(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1-A1-2-x"));
        assertThat(c.mode()).isEqualTo(AppConfig.Mode.SOCKET_MODE);
    }

    @Test
    void no_slack_credentials_at_all_names_the_variables() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_BOT_TOKEN is not set")
                .hasMessageContaining("SLACK_SIGNING_SECRET").hasMessageContaining("SLACK_APP_TOKEN");
    }

    @Test
    void bot_token_without_signing_secret_in_http_mode_is_refused() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env("SLACK_BOT_TOKEN", "xoxb-1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
    }

    @Test
    void blank_values_count_as_unset() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "  ")))
                .hasMessageStartingWith("SLACK_SIGNING_SECRET is not set");
    }

    @Test
    void a_user_token_is_not_a_bot_token() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env("SLACK_BOT_TOKEN", "xoxp-1", "SLACK_SIGNING_SECRET", "s")))
                .hasMessageStartingWith("SLACK_BOT_TOKEN must be a bot token starting with xoxb-")
                .hasMessageNotContaining("xoxp-1");
    }

    @Test
    void app_token_must_be_an_app_level_token() {
        assertThatThrownBy(() -> AppConfig.fromEnv(env("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2")))
                .hasMessageStartingWith("SLACK_APP_TOKEN must be an app-level token starting with xapp-");
    }

    @Test
    void multi_workspace_settings_are_refused_until_supported() {
        Map<String, String> env = env(HTTP);
        env.put("SLACK_CLIENT_ID", "123.456");
        assertThatThrownBy(() -> AppConfig.fromEnv(env)).hasMessageStartingWith("SLACK_CLIENT_ID/SLACK_CLIENT_SECRET");
    }

    @Test
    void non_numeric_port_is_refused() {
        Map<String, String> env = env(HTTP);
        env.put("PORT", "http");
        assertThatThrownBy(() -> AppConfig.fromEnv(env))
                .isInstanceOf(ConfigException.class)
                .hasMessage("PORT must be a number from 1 to 65535 (0 picks a free port), got 'http'.");
    }

    @Test
    void out_of_range_port_is_refused() {
        Map<String, String> env = env(HTTP);
        env.put("PORT", "70000");
        assertThatThrownBy(() -> AppConfig.fromEnv(env)).hasMessageStartingWith("PORT must be a number");
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
        assertThatThrownBy(() -> AppConfig.fromEnv(env)).hasMessageStartingWith("DATABASE_URL has no host")
                .hasMessageNotContaining("hunter2");
        env.put("DATABASE_URL", "postgres://bob:hunter2@db:5432");
        assertThatThrownBy(() -> AppConfig.fromEnv(env)).hasMessageStartingWith("DATABASE_URL has no database name");
        env.put("DATABASE_URL", "postgres://bob:hun ter2@db:5432/x");
        assertThatThrownBy(() -> AppConfig.fromEnv(env)).hasMessageStartingWith("DATABASE_URL is not a valid URL")
                .hasMessageNotContaining("hun ter2");
    }

    @Test
    void malformed_slack_api_url_is_refused() {
        Map<String, String> env = env(HTTP);
        env.put("SLACK_API_URL", "slack.com/api");
        assertThatThrownBy(() -> AppConfig.fromEnv(env)).hasMessageStartingWith("SLACK_API_URL must be an http(s) URL");
    }

    @Test
    void slack_api_url_gets_a_trailing_slash() {
        Map<String, String> env = env(HTTP);
        env.put("SLACK_API_URL", "http://127.0.0.1:9999/api");
        assertThat(AppConfig.fromEnv(env).slackApiUrl().toString()).isEqualTo("http://127.0.0.1:9999/api/");
    }

    @Test
    void secrets_never_show_in_to_string() {
        Map<String, String> env = env("SLACK_BOT_TOKEN", "xoxb-very-secret", "SLACK_SIGNING_SECRET", "sig-secret",
                "SLACK_APP_TOKEN", "xapp-secret-app", "DATABASE_URL", "postgres://u:db-secret@h:5432/d");
        String printed = AppConfig.fromEnv(env).toString();
        assertThat(printed).doesNotContain("very-secret", "sig-secret", "xapp-secret", "db-secret").contains("****");
    }
}
