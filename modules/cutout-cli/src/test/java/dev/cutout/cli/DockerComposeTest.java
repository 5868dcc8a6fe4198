package dev.cutout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.ConfigSources;
import dev.cutout.local.FlowTopics;
import dev.cutout.local.LocalStackConfig;
import dev.cutout.local.TopicSpec;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so it is checked as data: the services and
 * images it must have, the ports users rely on, and env names that the services' typed configs know.
 */
class DockerComposeTest {

    private static final List<String> CUTOUT_SERVICES = List.of(
            "ingest", "segmenter", "verifier", "router", "publisher", "review", "trainer", "console");

    private static Path root;
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        root = repositoryRoot();
        Map<String, Object> compose = new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
        services = (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void runsTheInfrastructureOnTheImagesTheDocsName() {
        assertThat(image("kafka")).isEqualTo("apache/kafka:" + AppInfoParser.getVersion());
        assertThat(image("topics-init")).isEqualTo(image("kafka"));
        assertThat(image("schema-registry")).startsWith("confluentinc/cp-schema-registry:");
        assertThat(image("minio")).startsWith("minio/minio:RELEASE.");
        assertThat(image("buckets-init")).startsWith("minio/mc:RELEASE.");
    }

    @Test
    void publishesTheStandardPortsOnTheHost() {
        assertThat(ports("kafka")).contains("9092:9092");
        assertThat(ports("schema-registry")).contains("8081:8081");
        assertThat(ports("minio")).contains("9000:9000");
    }

    @Test
    void runsKafkaInKraftModeAsASingleNode() {
        Map<String, Object> env = environment("kafka");
        assertThat(env).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
                .containsEntry("KAFKA_CONTROLLER_QUORUM_VOTERS", "1@kafka:9093")
                .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", 1)
                .containsKey("CLUSTER_ID");
        assertThat(env.get("CLUSTER_ID").toString()).matches("[A-Za-z0-9_-]{22}");
        assertThat(environment("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS").toString())
                .endsWith("kafka:19092");
    }

    @Test
    void buildsEveryServiceFromItsModuleWithTheSharedDockerfile() throws IOException {
        assertThat(root.resolve("deploy/Dockerfile")).isRegularFile();
        for (String service : CUTOUT_SERVICES) {
            Map<String, Object> build = map(services.get(service), "build");
            assertThat(build).as(service).containsEntry("context", ".").containsEntry("dockerfile", "deploy/Dockerfile");
            Map<String, Object> args = map(build, "args");
            String module = "cutout-" + service;
            String mainClass = "dev.cutout." + service + ".Main";
            assertThat(args).as(service).containsEntry("MODULE", module).containsEntry("MAIN_CLASS", mainClass);
            List<String> mains = mainClasses(root.resolve("modules").resolve(module).resolve("src/main/java"));
            if (!mains.isEmpty()) {
                assertThat(mains).as("docker-compose.yml runs %s in %s", mainClass, module).contains(mainClass);
            }
        }
    }

    /** Classes with a main method under {@code sources}; empty while a module has none (or does not exist yet). */
    private static List<String> mainClasses(Path sources) throws IOException {
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (var files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> {
                        try {
                            return Files.readString(f).contains("static void main(");
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(f -> sources.relativize(f).toString().replace(java.io.File.separatorChar, '.')
                            .replaceAll("\\.java$", ""))
                    .toList();
        }
    }

    @Test
    void startsServicesOnlyOnceKafkaRegistryStoreTopicsAndBucketsAreReady() {
        for (String service : CUTOUT_SERVICES) {
            assertThat(map(services.get(service), "depends_on")).as(service)
                    .containsKeys("kafka", "schema-registry", "minio", "topics-init", "buckets-init");
        }
    }

    @Test
    void everyServiceEnvironmentNameIsAKnownConfigKey() {
        Set<String> common = CommonConfig.definition().names();
        for (String service : CUTOUT_SERVICES) {
            Map<String, Object> env = environment(service);
            assertThat(env).as(service).containsKeys(
                    ConfigSources.envName(CommonConfig.KAFKA_BOOTSTRAP_SERVERS),
                    ConfigSources.envName(CommonConfig.SCHEMA_REGISTRY_URL),
                    ConfigSources.envName(CommonConfig.S3_ENDPOINT),
                    ConfigSources.envName(CommonConfig.S3_ACCESS_KEY),
                    ConfigSources.envName(CommonConfig.S3_SECRET_KEY));
            Set<String> known = new HashSet<>(common);
            known.addAll(serviceKeys(service));
            for (String name : env.keySet()) {
                assertThat(name).as("%s: env name", service).startsWith(ConfigSources.ENV_PREFIX);
                String key = ConfigSources.keyOf(name);
                assertThat(known.contains(key) || key.startsWith(CommonConfig.KAFKA_PREFIX))
                        .as("%s: %s is the env name of no config key (known: %s)", service, name, known)
                        .isTrue();
            }
        }
    }

    @Test
    void createsTheSameTopicsAsTheEmbeddedStack() throws IOException {
        String script = Files.readString(root.resolve("deploy/create-topics.sh"));
        List<TopicSpec> specs = FlowTopics.specs(LocalStackConfig.defaults());

        assertThat(bashArray(script, "event_topics")).containsExactlyElementsOf(FlowTopics.EVENT_TOPICS);
        assertThat(bashArray(script, "consumed_topics")).containsExactlyElementsOf(FlowTopics.CONSUMED_TOPICS);
        assertThat(bashArray(script, "compacted_topics")).containsExactlyElementsOf(
                specs.stream().filter(TopicSpec::compacted).map(TopicSpec::name).toList());
    }

    @Test
    void createsTheFlowsBuckets() {
        Object entrypoint = services.get("buckets-init").get("entrypoint");
        String command = String.join(" ", asStrings(entrypoint));
        for (String bucket : dev.cutout.common.store.Buckets.ALL) {
            assertThat(command).contains(" " + bucket);
        }
    }

    /** Keys of the service's own config, when its module is built: the static DEFINITION of its *Config class. */
    private static Set<String> serviceKeys(String service) {
        String className = "dev.cutout." + service + "."
                + service.substring(0, 1).toUpperCase(Locale.ROOT) + service.substring(1) + "Config";
        try {
            Field field = Class.forName(className).getDeclaredField("DEFINITION");
            field.setAccessible(true);
            return ((ConfigDef) field.get(null)).names();
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            return Set.of();
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> bashArray(String script, String name) {
        Matcher m = Pattern.compile(name + "=\\(([^)]*)\\)", Pattern.DOTALL).matcher(script);
        assertThat(m.find()).as("array %s in create-topics.sh", name).isTrue();
        return List.of(m.group(1).trim().split("\\s+"));
    }

    private static String image(String service) {
        assertThat(services).containsKey(service);
        return (String) services.get(service).get("image");
    }

    private static List<String> ports(String service) {
        return asStrings(services.get(service).get("ports"));
    }

    private static Map<String, Object> environment(String service) {
        return map(services.get(service), "environment");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent).containsKey(key);
        return (Map<String, Object>) parent.get(key);
    }

    private static List<String> asStrings(Object list) {
        List<String> strings = new ArrayList<>();
        for (Object o : (List<?>) list) {
            strings.add(String.valueOf(o));
        }
        return strings;
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("modules"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
