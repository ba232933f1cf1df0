package com.bossreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the top-level {@code app-manifest.yml} against Slack's official manifest JSON Schema
 * (github.com/slackapi/manifest-schema), entirely offline from {@code
 * src/test/resources/slack-manifest/}.
 */
class ManifestTest {

    /** Surefire runs with the Maven project base dir as working directory. */
    private static final Path MANIFEST = Path.of("app-manifest.yml");

    private static final String SCHEMA = "classpath:slack-manifest/manifest.schema.json";

    /** Where the top-level schema's {@code oneOf} branches {@code $ref} the versioned schemas. */
    private static final String SLACK_SCHEMAS =
            "https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/";

    private static final String SCHEMA_V1 = SLACK_SCHEMAS + "manifest.schema.1.0.0.json";
    private static final String SCHEMA_V2 = SLACK_SCHEMAS + "manifest.schema.2.0.0.json";

    /**
     * The 2.0.0 schema is not vendored (bossreview's manifest is major version 1). Its only use is
     * the {@code oneOf} branch guarded by {@code _metadata.major_version == 2}, which a version-1
     * manifest fails anyway; an always-false stand-in keeps that branch failing without any network
     * access.
     */
    private static final String SCHEMA_V2_STAND_IN =
            "{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
                    + "\"$comment\":\"stand-in: manifest major_version 2 is not supported by this offline test\","
                    + "\"not\":{}}";

    /** Regex Slack puts under the non-standard {@code regex} keyword, which validators ignore. */
    private static final String BACKGROUND_COLOR = "^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() {
        JsonSchemaFactory factory =
                JsonSchemaFactory.getInstance(
                        SpecVersion.VersionFlag.V7,
                        builder ->
                                builder.schemaMappers(
                                                mappers ->
                                                        mappers.mappings(
                                                                Map.of(
                                                                        SCHEMA_V1,
                                                                        "classpath:slack-manifest/manifest.schema.1.0.0.json")))
                                        .schemaLoaders(
                                                loaders ->
                                                        loaders.schemas(
                                                                        Map.of(
                                                                                SCHEMA_V2,
                                                                                SCHEMA_V2_STAND_IN))
                                                                // Anything else not on the
                                                                // classpath fails loudly instead of
                                                                // going
                                                                // to the network.
                                                                .add(
                                                                        new AllowSchemaLoader(
                                                                                iri ->
                                                                                        iri.toString()
                                                                                                .startsWith(
                                                                                                        "classpath:")))));
        schema = factory.getSchema(SchemaLocation.of(SCHEMA));
        // Resolve every $ref now, so that a missing file shows up here rather than mid-validation.
        schema.initializeValidators();
    }

    private static JsonNode manifest() throws IOException {
        assertThat(MANIFEST).as("app-manifest.yml in the project base dir").isRegularFile();
        return YAML.readTree(Files.readString(MANIFEST));
    }

    private static Set<ValidationMessage> validate(JsonNode manifest) {
        return schema.validate(manifest);
    }

    private static String describe(Set<ValidationMessage> errors) {
        return errors.stream()
                .map(ValidationMessage::toString)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    @Test
    void manifest_is_valid_against_slacks_schema() throws IOException {
        Set<ValidationMessage> errors = validate(manifest());

        assertThat(errors).as("schema errors in app-manifest.yml:%s", describe(errors)).isEmpty();
    }

    @Test
    void the_validator_rejects_broken_manifests() throws IOException {
        ObjectNode shouldEscapeAsString = (ObjectNode) manifest();
        ((ObjectNode) shouldEscapeAsString.at("/features/slash_commands/0"))
                .put("should_escape", "yes");

        ObjectNode withoutName = (ObjectNode) manifest();
        ((ObjectNode) withoutName.get("display_information")).remove("name");

        ObjectNode unknownTopLevelKey = (ObjectNode) manifest();
        unknownTopLevelKey.put("not_a_manifest_key", true);

        ObjectNode descriptionTooLong = (ObjectNode) manifest();
        ((ObjectNode) descriptionTooLong.get("display_information"))
                .put("description", "x".repeat(141));

        ObjectNode commandWithoutSlash = (ObjectNode) manifest();
        ((ObjectNode) commandWithoutSlash.at("/features/slash_commands/0"))
                .put("command", "bossreview");

        for (JsonNode broken :
                List.of(
                        shouldEscapeAsString,
                        withoutName,
                        unknownTopLevelKey,
                        descriptionTooLong,
                        commandWithoutSlash)) {
            assertThat(validate(broken)).as("errors for %s", broken).isNotEmpty();
        }
    }

    @Test
    void the_usage_hint_is_short_enough_to_read_in_the_message_box_and_names_real_subcommands()
            throws IOException {
        String hint = manifest().at("/features/slash_commands/0/usage_hint").asText();

        assertThat(hint.length()).as(hint).isLessThanOrEqualTo(80);
        for (String part : hint.replaceAll("[\\[\\]]", "").split("\\|")) {
            String word = part.strip().split(" ")[0];
            assertThat(com.bossreview.command.Subcommand.byWord(word)).as(word).isPresent();
        }
    }

    @Test
    void manifest_declares_what_the_app_needs() throws IOException {
        JsonNode m = manifest();

        assertThat(m.at("/display_information/name").asText()).isEqualTo("bossreview");
        assertThat(m.at("/display_information/background_color").asText())
                .matches(BACKGROUND_COLOR);

        JsonNode commands = m.at("/features/slash_commands");
        assertThat(commands.isArray()).isTrue();
        assertThat(commands).hasSize(1);
        JsonNode command = commands.get(0);
        assertThat(command.get("command").asText()).isEqualTo("/bossreview");
        assertThat(command.get("should_escape").isBoolean()).isTrue();
        assertThat(command.get("should_escape").booleanValue()).isTrue();

        assertThat(m.at("/features/bot_user/display_name").asText()).isEqualTo("bossreview");
        assertThat(m.at("/features/app_home/home_tab_enabled").booleanValue()).isTrue();
        // The app's DM carries DMs to bosses and managers, but nothing listens to what is typed
        // there (no message.im subscription): read-only, so nobody talks into the void.
        assertThat(m.at("/features/app_home/messages_tab_enabled").booleanValue()).isTrue();
        assertThat(m.at("/features/app_home/messages_tab_read_only_enabled").booleanValue())
                .isTrue();
        assertThat(texts(m.at("/settings/event_subscriptions/bot_events")))
                .doesNotContain("message.im");

        assertThat(texts(m.at("/oauth_config/scopes/bot")))
                .contains(
                        "commands",
                        "chat:write",
                        "im:write",
                        "users:read",
                        "users:read.email",
                        "files:write");
        assertThat(texts(m.at("/settings/event_subscriptions/bot_events")))
                .contains("app_home_opened", "app_uninstalled", "tokens_revoked");

        assertThat(m.at("/settings/interactivity/is_enabled").booleanValue()).isTrue();
        assertThat(
                        List.of(
                                command.get("url").asText(),
                                m.at("/settings/interactivity/request_url").asText(),
                                m.at("/settings/event_subscriptions/request_url").asText()))
                .allSatisfy(
                        url -> assertThat(url).startsWith("https://").endsWith("/slack/events"));
        assertThat(texts(m.at("/oauth_config/redirect_urls")))
                .allSatisfy(
                        url ->
                                assertThat(url)
                                        .startsWith("https://")
                                        .endsWith("/slack/oauth_redirect"));

        // HTTP mode by default; the Socket Mode variant is documented in the file's comments.
        assertThat(m.at("/settings/socket_mode_enabled").booleanValue()).isFalse();
        assertThat(Files.readString(MANIFEST))
                .contains("socket_mode_enabled: true", "connections:write");
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("%s is an array", array).isTrue();
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
