package com.bossreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.FakeSlack;
import com.bossreview.support.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs Main in its own JVM, as a user would, to see the exit code and what is printed. */
class MainExitTest {

    private record Outcome(int exitCode, String stderr, String stdout) {}

    private static Outcome run(Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                java.toString(),
                                "-cp",
                                System.getProperty("java.class.path"),
                                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited").isTrue();
        return new Outcome(
                p.exitValue(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void missing_credentials_exit_2_with_one_line_naming_the_variable() throws Exception {
        Outcome o = run(Map.of("PORT", "3000"));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr().strip().lines()).hasSize(1);
        assertThat(o.stderr()).startsWith("bossreview: SLACK_BOT_TOKEN is not set");
    }

    @Test
    void a_non_numeric_port_exits_2() throws Exception {
        Outcome o =
                run(
                        Map.of(
                                "SLACK_BOT_TOKEN",
                                "xoxb-1",
                                "SLACK_SIGNING_SECRET",
                                "s",
                                "PORT",
                                "eighty"));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr().strip())
                .isEqualTo(
                        "bossreview: PORT must be a number from 1 to 65535 (0 picks a free port), got 'eighty'.");
    }

    @Test
    void a_pool_too_small_to_share_exits_2_before_touching_the_database() throws Exception {
        Outcome o =
                run(
                        Map.of(
                                "SLACK_BOT_TOKEN",
                                "xoxb-1",
                                "SLACK_SIGNING_SECRET",
                                "s",
                                "DATABASE_POOL_SIZE",
                                "2"));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr().strip())
                .isEqualTo(
                        "bossreview: DATABASE_POOL_SIZE must be a number of connections from 4 "
                                + "to 1000 per instance (shared by Slack requests and background work; default 20), got '2'.");
    }

    @Test
    void multi_workspace_mode_without_an_encryption_key_exits_2_and_says_how_to_make_one()
            throws Exception {
        Outcome o =
                run(
                        Map.of(
                                "SLACK_CLIENT_ID",
                                "1.2",
                                "SLACK_CLIENT_SECRET",
                                "client-secret-value",
                                "SLACK_SIGNING_SECRET",
                                "sig-secret-value",
                                "PORT",
                                "0"));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr().strip().lines()).hasSize(1);
        assertThat(o.stderr())
                .startsWith("bossreview: BOSSREVIEW_ENCRYPTION_KEY is not set")
                .contains("openssl rand -base64 32");
        assertThat(o.stderr() + o.stdout())
                .doesNotContain("client-secret-value", "sig-secret-value");
    }

    @Test
    void a_rejected_token_exits_2_with_a_clear_message_and_no_secret() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.answer("auth.test", "{\"ok\":false,\"error\":\"invalid_auth\"}");
            Outcome o =
                    run(
                            Map.of(
                                    "SLACK_BOT_TOKEN",
                                    "xoxb-wrong-token",
                                    "SLACK_SIGNING_SECRET",
                                    "sig-secret-value",
                                    "SLACK_API_URL",
                                    slack.url(),
                                    "PORT",
                                    "0",
                                    "DATABASE_URL",
                                    TestDatabase.jdbcUrlForEnv()));
            assertThat(o.exitCode()).isEqualTo(2);
            assertThat(o.stderr())
                    .contains("bossreview: SLACK_BOT_TOKEN was rejected by Slack (invalid_auth)");
            assertThat(o.stderr() + o.stdout())
                    .doesNotContain("xoxb-wrong-token", "sig-secret-value");
        }
    }

    @Test
    void without_database_url_on_windows_exits_2_naming_database_url_instead_of_a_stack_trace()
            throws Exception {
        Outcome o =
                run(
                        Map.of(
                                "SLACK_CLIENT_ID",
                                "1.2",
                                "SLACK_CLIENT_SECRET",
                                "client-secret-value",
                                "SLACK_SIGNING_SECRET",
                                "sig-secret-value",
                                "BOSSREVIEW_ENCRYPTION_KEY",
                                "a-sealing-key-of-at-least-thirty-two-characters",
                                "PORT",
                                "0",
                                "JAVA_TOOL_OPTIONS",
                                "-Dos.name=Windows_11"));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr())
                .contains(
                        "bossreview: the embedded PostgreSQL runs on Linux and macOS (x86-64 or arm64), "
                                + "not on Windows_11 amd64: set DATABASE_URL")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void version_prints_the_version_and_exits_0_without_any_configuration() throws Exception {
        Outcome o = run(Map.of(), "--version");
        assertThat(o.exitCode()).isZero();
        assertThat(o.stdout().strip()).matches("bossreview \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(o.stderr()).isEmpty();
    }

    @Test
    void help_lists_every_variable_the_configuration_reads() throws Exception {
        Outcome o = run(Map.of(), "--help");
        assertThat(o.exitCode()).isZero();
        String source =
                java.nio.file.Files.readString(
                        Path.of("src/main/java/com/bossreview/config/AppConfig.java"));
        var read =
                java.util.regex.Pattern.compile(
                                "e(?:nv)?\\.get\\(\"([A-Z_]+)\"\\)|encryptionKey\\(e, \"([A-Z_]+)\"\\)")
                        .matcher(source);
        int found = 0;
        while (read.find()) {
            String variable = read.group(1) != null ? read.group(1) : read.group(2);
            assertThat(o.stdout()).as(variable).contains(variable);
            found++;
        }
        assertThat(found).isGreaterThan(10);
        assertThat(o.stdout()).contains("LOG_FORMAT", "--version");
    }

    @Test
    void an_unknown_argument_exits_2_and_points_at_help() throws Exception {
        Outcome o = run(Map.of(), "--port=80");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr().strip())
                .startsWith("bossreview: unknown argument '--port=80'")
                .contains("--help");
    }

    @Test
    void reseal_tokens_is_an_argument_the_app_knows_and_needs_the_configuration() throws Exception {
        Outcome o = run(Map.of(), "--reseal-tokens");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr())
                .startsWith("bossreview: SLACK_BOT_TOKEN is not set")
                .doesNotContain("unknown argument");
    }

    @Test
    void a_log_format_that_is_neither_text_nor_json_exits_2() throws Exception {
        Outcome o = run(Map.of("LOG_FORMAT", "xml"));
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr().strip())
                .isEqualTo("bossreview: LOG_FORMAT must be text or json, got 'xml'.");
    }

    @Test
    void log_format_json_writes_one_json_object_per_line() throws Exception {
        try (FakeSlack slack = new FakeSlack()) {
            slack.answer("auth.test", "{\"ok\":false,\"error\":\"invalid_auth\"}");
            Outcome o =
                    run(
                            Map.of(
                                    "LOG_FORMAT",
                                    "json",
                                    "SLACK_BOT_TOKEN",
                                    "xoxb-wrong-token",
                                    "SLACK_SIGNING_SECRET",
                                    "sig-secret-value",
                                    "SLACK_API_URL",
                                    slack.url(),
                                    "PORT",
                                    "0",
                                    "DATABASE_URL",
                                    TestDatabase.jdbcUrlForEnv()));
            List<String> lines = o.stdout().strip().lines().toList();
            assertThat(lines).isNotEmpty();
            for (String line : lines) {
                var json = com.google.gson.JsonParser.parseString(line).getAsJsonObject();
                assertThat(json.has("level") && json.has("loggerName")).as(line).isTrue();
            }
            assertThat(o.stdout())
                    .contains("Starting bossreview")
                    .doesNotContain("xoxb-wrong-token", "sig-secret-value");
        }
    }
}
