package com.bossreview.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.bossreview.support.TestDatabase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The two jars one {@code mvn package} writes, checked once they exist (failsafe runs *IT classes
 * after {@code package}, in {@code mvn verify}): the default jar carries PostgreSQL for every
 * quick-start platform; the slim jar carries no embedded database, stops clearly without {@code
 * DATABASE_URL} and serves with it without ever loading the embedded database's code.
 */
class PackagedJarsIT {
    private static final Path FULL = Path.of("target/bossreview.jar");
    private static final Path SLIM = Path.of("target/bossreview-slim.jar");

    /** The embedded-database library and what only it brings in (mvn dependency:tree). */
    private static final List<String> EMBEDDED_ONLY =
            List.of(
                    "io/zonky/",
                    "org/tukaani/",
                    "org/apache/commons/compress/",
                    "org/apache/commons/io/",
                    "org/apache/commons/codec/");

    /** Multi-workspace mode: it needs no call to Slack to start. */
    private static final Map<String, String> CREDENTIALS =
            Map.of(
                    "SLACK_CLIENT_ID",
                    "1111.2222",
                    "SLACK_CLIENT_SECRET",
                    "client-secret-value",
                    "SLACK_SIGNING_SECRET",
                    "sig-secret-value",
                    "BOSSREVIEW_ENCRYPTION_KEY",
                    "a-sealing-key-of-at-least-thirty-two-characters");

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(JarEntry::getName).toList();
        }
    }

    private static Process slim(Map<String, String> env, String... jvmOptions) throws IOException {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", SLIM.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(CREDENTIALS);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    @Test
    void the_default_jar_carries_postgres_for_linux_and_macos_on_intel_and_arm() throws Exception {
        assertThat(entries(FULL))
                .contains(
                        "postgres-linux-x86_64.txz",
                        "postgres-linux-arm_64.txz",
                        // one universal build serves Intel and Apple silicon Macs
                        "postgres-darwin-x86_64.txz",
                        "io/zonky/test/db/postgres/embedded/EmbeddedPostgres.class",
                        "org/tukaani/xz/XZInputStream.class");
    }

    @Test
    void the_slim_jar_has_no_embedded_database_nor_the_libraries_only_it_uses() throws Exception {
        List<String> slim = entries(SLIM);
        assertThat(slim)
                .contains(
                        "com/bossreview/Main.class",
                        "org/postgresql/Driver.class",
                        "org/flywaydb/core/Flyway.class",
                        // commons-text (under Bolt) needs it: not the embedded database's alone
                        "org/apache/commons/lang3/StringUtils.class")
                .noneMatch(e -> e.endsWith(".txz"))
                .noneMatch(e -> EMBEDDED_ONLY.stream().anyMatch(e::startsWith));
        assertThat(Files.size(SLIM)).isLessThan(Files.size(FULL) / 3);
    }

    @Test
    @Timeout(120)
    void the_slim_jar_without_database_url_exits_2_saying_to_set_it() throws Exception {
        Process p = slim(Map.of("PORT", "0"));
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output)
                .contains("bossreview: this build has no embedded database: set DATABASE_URL")
                .doesNotContain("Exception", "client-secret-value");
    }

    @Test
    @Timeout(300)
    void the_slim_jar_is_ready_with_database_url_and_never_loads_the_embedded_database()
            throws Exception {
        Path classLog = Path.of("target/slim-classes.log");
        Files.deleteIfExists(classLog);
        Process p =
                slim(
                        Map.of(
                                "DATABASE_URL",
                                TestDatabase.jdbcUrlForEnv(),
                                "PORT",
                                "0",
                                "BIND_HOST",
                                "127.0.0.1"),
                        "-Xlog:class+load=info:file=" + classLog);
        try {
            int port = portOnceUp(p);
            HttpResponse<String> ready =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:" + port + "/readyz"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        } finally {
            p.destroy();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        String loaded = Files.readString(classLog);
        assertThat(loaded).contains("com.bossreview.Main ");
        assertThat(loaded)
                .doesNotContain("io.zonky.")
                .doesNotContain("com.bossreview.db.EmbeddedDatabase ")
                .doesNotContain("com.bossreview.db.EmbeddedBinaries ");
    }

    /** Reads the app's log until it says it is up (after its warm-up), and returns its port. */
    private static int portOnceUp(Process p) throws IOException {
        Pattern up = Pattern.compile("bossreview is up on port (\\d+)");
        StringBuilder seen = new StringBuilder();
        BufferedReader out =
                new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            seen.append(line).append('\n');
            Matcher m = up.matcher(line);
            if (m.find()) {
                Thread.ofVirtual().start(() -> out.lines().forEach(l -> {}));
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the slim jar stopped before it was up:\n" + seen);
    }
}
