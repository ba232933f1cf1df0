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
        Matcher from =
                Pattern.compile("(?m)^FROM\\s+(\\S+)")
                        .matcher(Files.readString(Path.of("Dockerfile")));
        while (from.find()) {
            images.add(from.group(1));
        }
        assertThat(images)
                .hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(i -> assertThat(i).matches(PINNED));
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
