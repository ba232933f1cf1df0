package com.bossreview.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s, checked without a cluster: every object kustomize makes of it passes the Kubernetes
 * 1.32 API schema (client-java's generated models refuse unknown fields, missing required ones and
 * wrong types), and the Deployment keeps what the operator page promises.
 */
class DeployManifestsTest {
    private static final Path DIR = Path.of("deploy/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private interface Validator {
        void validate(JsonElement json) throws IOException;
    }

    private static final Map<String, Validator> SCHEMAS =
            Map.of(
                    "apps/v1 Deployment", V1Deployment::validateJsonElement,
                    "v1 Service", V1Service::validateJsonElement,
                    "policy/v1 PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
                    "v1 Secret", V1Secret::validateJsonElement,
                    "v1 ConfigMap", V1ConfigMap::validateJsonElement);

    private static JsonNode kustomization() throws IOException {
        return YAML.readTree(DIR.resolve("kustomization.yaml").toFile());
    }

    /**
     * What {@code kubectl apply -k} sends: the listed files, plus the generated ConfigMap and
     * Secret (the Secret's keys from secrets.env.example, which secrets.env copies).
     */
    private static Map<String, JsonNode> objects() throws IOException {
        Map<String, JsonNode> objects = new LinkedHashMap<>();
        for (JsonNode file : kustomization().get("resources")) {
            JsonNode o = YAML.readTree(DIR.resolve(file.asText()).toFile());
            objects.put(o.get("kind").asText(), o);
        }
        ObjectNode config = generated("v1", "ConfigMap", "bossreview-config");
        for (JsonNode literal : kustomization().at("/configMapGenerator/0/literals")) {
            String[] kv = literal.asText().split("=", 2);
            config.withObjectProperty("data").put(kv[0], kv[1]);
        }
        objects.put("ConfigMap", config);
        ObjectNode secret = generated("v1", "Secret", "bossreview");
        secret.put("type", "Opaque");
        for (String key : secretKeys()) {
            secret.withObjectProperty("data").put(key, "");
        }
        objects.put("Secret", secret);
        return objects;
    }

    private static ObjectNode generated(String apiVersion, String kind, String name) {
        ObjectNode o = YAML.createObjectNode().put("apiVersion", apiVersion).put("kind", kind);
        o.withObjectProperty("metadata").put("name", name);
        return o;
    }

    private static List<String> secretKeys() throws IOException {
        List<String> keys = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("secrets.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                keys.add(line.substring(0, line.indexOf('=')));
            }
        }
        return keys;
    }

    private static void validate(JsonNode object) throws IOException {
        String type = object.get("apiVersion").asText() + " " + object.get("kind").asText();
        assertThat(SCHEMAS).as(type).containsKey(type);
        SCHEMAS.get(type).validate(JsonParser.parseString(object.toString()));
    }

    @Test
    void every_object_apply_k_sends_passes_the_kubernetes_schema() throws IOException {
        Map<String, JsonNode> objects = objects();
        assertThat(objects)
                .containsOnlyKeys(
                        "Deployment", "Service", "PodDisruptionBudget", "ConfigMap", "Secret");
        for (JsonNode o : objects.values()) {
            validate(o);
        }
    }

    @Test
    void a_misspelt_field_is_refused_so_the_check_can_fail() throws IOException {
        ObjectNode deployment = (ObjectNode) objects().get("Deployment").deepCopy();
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinesProbe", container.remove("readinessProbe"));
        assertThatThrownBy(() -> validate(deployment))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readinesProbe");
    }

    @Test
    void two_replicas_probed_non_root_with_limits_and_a_budget_of_one() throws IOException {
        Map<String, JsonNode> o = objects();
        JsonNode spec = o.get("Deployment").get("spec");
        JsonNode pod = spec.at("/template/spec");
        JsonNode app = pod.at("/containers/0");
        assertThat(spec.get("replicas").asInt()).isEqualTo(2);
        assertThat(spec.at("/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        assertThat(app.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(app.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/livez");
        assertThat(app.at("/ports/0/containerPort").asInt())
                .isEqualTo(o.get("ConfigMap").at("/data/PORT").asInt());
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt())
                .as("the Dockerfile's USER")
                .isEqualTo(10001);
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("USER 10001:10001");
        assertThat(app.at("/resources/requests/memory").asText()).isNotEmpty();
        assertThat(app.at("/resources/limits/memory").asText()).isNotEmpty();
        assertThat(app.get("envFrom").findValuesAsText("name"))
                .containsExactlyInAnyOrder("bossreview", "bossreview-config");

        JsonNode labels = spec.at("/template/metadata/labels");
        assertThat(spec.at("/selector/matchLabels")).isEqualTo(labels);
        assertThat(o.get("Service").at("/spec/selector")).isEqualTo(labels);
        JsonNode pdb = o.get("PodDisruptionBudget").get("spec");
        assertThat(pdb.get("minAvailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/selector/matchLabels")).isEqualTo(labels);
    }

    @Test
    void the_secret_holds_the_database_the_tokens_and_the_keys_and_is_never_committed()
            throws IOException {
        assertThat(secretKeys())
                .contains(
                        "DATABASE_URL",
                        "SLACK_BOT_TOKEN",
                        "SLACK_SIGNING_SECRET",
                        "SLACK_APP_TOKEN",
                        "SLACK_CLIENT_SECRET",
                        "BOSSREVIEW_ENCRYPTION_KEY",
                        "GOOGLE_CLIENT_SECRET",
                        "MICROSOFT_CLIENT_SECRET",
                        "HUBSPOT_CLIENT_SECRET",
                        "SALESFORCE_CLIENT_SECRET");
        assertThat(Files.readString(DIR.resolve("secrets.env.example")))
                .doesNotContainPattern("(?m)^[A-Z_]+=\\S");
        assertThat(kustomization().at("/secretGenerator/0/envs/0").asText())
                .isEqualTo("secrets.env");
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("deploy/k8s/secrets.env");
        assertThat(kustomization().at("/configMapGenerator/0/literals").toString())
                .doesNotContain("SECRET", "TOKEN", "KEY=", "DATABASE_URL");
    }
}
