package com.bossreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, .env.example and the Dockerfile: what `docker compose up` needs, checked
 * without Docker.
 */
class DeliveryFilesTest {
    /**
     * A tag with at least major.minor, e.g. {@code postgres:17.6-bookworm}; never a floating {@code
     * 17} or {@code latest}.
     */
    /** A stage's base image, after an optional --platform. */
    private static final Pattern FROM =
            Pattern.compile("(?m)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)");

    private static final Pattern PINNED = Pattern.compile("[^:\\s]+:\\d+\\.\\d+[^\\s]*");

    private static JsonNode compose() throws IOException {
        return new ObjectMapper(new YAMLFactory())
                .readTree(Files.readString(Path.of("docker-compose.yml")));
    }

    @Test
    void every_image_is_pinned_to_a_version() throws IOException {
        List<String> images = new ArrayList<>();
        compose()
                .get("services")
                .forEach(
                        s -> {
                            if (s.has("image")) {
                                images.add(s.get("image").asText());
                            }
                        });
        Matcher from = FROM.matcher(Files.readString(Path.of("Dockerfile")));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images)
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(i -> assertThat(i).matches(PINNED));
    }

    @Test
    void the_image_pins_its_bases_by_digest_and_runs_the_slim_jar_as_a_numeric_non_root_user()
            throws IOException {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Matcher from = FROM.matcher(dockerfile);
        List<String> bases = new ArrayList<>();
        while (from.find()) {
            bases.add(from.group(1));
        }
        assertThat(bases)
                .hasSize(2)
                .allSatisfy(
                        b -> assertThat(b).matches("[^:\\s]+:\\d+\\.\\d+\\S*@sha256:[0-9a-f]{64}"));
        assertThat(compose().at("/services/db/image").asText()).contains("@sha256:");
        assertThat(dockerfile)
                .containsPattern("(?m)^COPY --from=build \\S*/bossreview-slim\\.jar ")
                .containsPattern("(?m)^USER \\d+:\\d+$")
                .containsPattern("(?m)^HEALTHCHECK .*\\n.*/readyz");
    }

    @Test
    void the_app_takes_its_configuration_from_dot_env_and_the_database_from_compose()
            throws IOException {
        JsonNode app = compose().at("/services/app");
        assertThat(app.get("env_file").toString()).contains(".env");
        assertThat(app.at("/environment/DATABASE_URL").asText())
                .startsWith("postgres://bossreview:${POSTGRES_PASSWORD}@db:5432/");
    }

    @Test
    void the_env_example_offers_every_mode() throws IOException {
        String env = Files.readString(Path.of(".env.example"));
        for (String variable :
                List.of(
                        "POSTGRES_PASSWORD",
                        "SLACK_BOT_TOKEN",
                        "SLACK_SIGNING_SECRET",
                        "SLACK_APP_TOKEN",
                        "SLACK_CLIENT_ID",
                        "SLACK_CLIENT_SECRET",
                        "BOSSREVIEW_ENCRYPTION_KEY",
                        "BOSSREVIEW_PUBLIC_URL",
                        "LOG_FORMAT")) {
            assertThat(env).as(variable).containsPattern("(?m)^" + variable + "=");
        }
        assertThat(env)
                .doesNotContainPattern(
                        "(?m)^(SLACK_BOT_TOKEN|SLACK_SIGNING_SECRET|SLACK_CLIENT_SECRET|"
                                + "BOSSREVIEW_ENCRYPTION_KEY|POSTGRES_PASSWORD)=\\S");
    }
}
