package dev.cutout.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cutout.common.store.ObjectStoreConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class CutoutConfigTest {

    /** A service configuration as a service would write one: the shared keys plus its own. */
    static final class SegmenterConfig extends CutoutConfig {
        static final String MAX_BATCH_DELAY_MS = "max.batch.delay.ms";
        static final String MODEL_NAME = "model.name";
        static final String REGISTRY_PASSWORD = "registry.password";

        static final ConfigDef DEFINITION = CommonConfig.definition()
                .define(MAX_BATCH_DELAY_MS, Type.LONG, 50L, Range.atLeast(0), Importance.MEDIUM,
                        "Longest wait for a batch to fill.")
                .define(MODEL_NAME, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                        Importance.HIGH, "Model to serve.")
                .define(REGISTRY_PASSWORD, Type.STRING, "", Importance.LOW, "Declared as a string by mistake.");

        SegmenterConfig(Map<String, ?> values) {
            super("segmenter", DEFINITION, values);
        }

        Duration maxBatchDelay() {
            return Duration.ofMillis(getLong(MAX_BATCH_DELAY_MS));
        }
    }

    @Test
    void sharedKeysDefaultToTheEmbeddedStack() {
        SegmenterConfig config = new SegmenterConfig(Map.of("model.name", "u2netp"));

        assertThat(config.kafkaBootstrapServers()).containsExactly("localhost:9092");
        assertThat(config.schemaRegistryUrl()).isEqualTo("http://localhost:8081");
        ObjectStoreConfig store = config.objectStoreConfig();
        assertThat(store.endpoint()).isEqualTo("http://localhost:9000");
        assertThat(store.accessKey()).isEqualTo("cutout");
        assertThat(store.secretKey()).isEqualTo("cutout-local-secret");
        assertThat(store.region()).isEqualTo("us-east-1");
        assertThat(store.retryAttempts()).isEqualTo(5);
        assertThat(config.maxBatchDelay()).isEqualTo(Duration.ofMillis(50));
    }

    @Test
    void environmentVariablesMapToDottedKeys() {
        Map<String, String> env = Map.of(
                "CUTOUT_KAFKA_BOOTSTRAP_SERVERS", "broker-1:9092,broker-2:9092",
                "CUTOUT_MAX_BATCH_DELAY_MS", "120",
                "CUTOUT_MODEL_NAME", "u2net",
                "CUTOUT_S3_SECRET_KEY", "from-env",
                "PATH", "/usr/bin",
                "HOME", "/root");

        SegmenterConfig config = new SegmenterConfig(ConfigSources.fromEnvironment(env));

        assertThat(config.kafkaBootstrapServers()).containsExactly("broker-1:9092", "broker-2:9092");
        assertThat(config.maxBatchDelay()).isEqualTo(Duration.ofMillis(120));
        assertThat(config.objectStoreConfig().secretKey()).isEqualTo("from-env");
        assertThat(config.originals()).doesNotContainKeys("path", "home");
        assertThat(ConfigSources.envName("kafka.bootstrap.servers")).isEqualTo("CUTOUT_KAFKA_BOOTSTRAP_SERVERS");
        assertThat(ConfigSources.keyOf("CUTOUT_S3_ENDPOINT")).isEqualTo("s3.endpoint");
    }

    @Test
    void laterSourcesOverrideEarlierOnes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("segmenter.properties");
        Files.writeString(file, """
                # the file sets everything
                model.name = from-file
                max.batch.delay.ms = 10
                s3.endpoint = http://minio.internal:9000
                """);
        Map<String, String> env = ConfigSources.fromEnvironment(Map.of("CUTOUT_MAX_BATCH_DELAY_MS", "20",
                "CUTOUT_MODEL_NAME", "from-env"));
        Map<String, String> flags = Map.of("model.name", "from-flag");

        SegmenterConfig config = new SegmenterConfig(
                ConfigSources.layered(ConfigSources.fromProperties(file), env, flags));

        assertThat(config.getString("model.name")).isEqualTo("from-flag");
        assertThat(config.maxBatchDelay()).isEqualTo(Duration.ofMillis(20));
        assertThat(config.objectStoreConfig().endpoint()).isEqualTo("http://minio.internal:9000");
    }

    @Test
    void everyInvalidValueIsReportedAtOnceWithItsKeyAndVariable() {
        Map<String, String> values = Map.of(
                "kafka.bootstrap.servers", "broker-without-port",
                "max.batch.delay.ms", "-5",
                "s3.endpoint", "minio:9000",
                "s3.retry.attempts", "many");

        assertThatThrownBy(() -> new SegmenterConfig(values))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageStartingWith("Invalid configuration for segmenter:")
                .satisfies(e -> {
                    List<String> problems = ((ConfigValidationException) e).problems();
                    assertThat(problems).hasSize(5);
                    assertThat(problems).anySatisfy(p -> assertThat(p)
                            .contains("Missing required configuration \"model.name\"")
                            .contains("CUTOUT_MODEL_NAME"));
                    assertThat(problems).anySatisfy(p -> assertThat(p)
                            .contains("broker-without-port").contains("is not host:port")
                            .contains("CUTOUT_KAFKA_BOOTSTRAP_SERVERS"));
                    assertThat(problems).anySatisfy(p -> assertThat(p)
                            .contains("-5").contains("max.batch.delay.ms").contains("at least 0"));
                    assertThat(problems).anySatisfy(p -> assertThat(p)
                            .contains("minio:9000").contains("http:// or https:// URL"));
                    assertThat(problems).anySatisfy(p -> assertThat(p)
                            .contains("many").contains("s3.retry.attempts").contains("INT"));
                });
    }

    @Test
    void secretsAreHiddenWhenTheConfigIsPrinted() {
        SegmenterConfig config = new SegmenterConfig(Map.of(
                "model.name", "u2netp",
                "s3.secret.key", "very-secret-s3-key",
                "registry.password", "very-secret-registry"));

        assertThat(config.describe())
                .contains("s3.secret.key = [hidden]")
                .contains("registry.password = [hidden]")
                .contains("model.name = u2netp")
                .contains("max.batch.delay.ms = 50")
                .doesNotContain("very-secret");
        assertThat(config.toString()).doesNotContain("very-secret");
    }

    @Test
    void logAtStartPrintsTheValuesWithoutSecretsAndWarnsAboutUnknownKeys() {
        Logger logger = (Logger) LoggerFactory.getLogger("config-test");
        logger.setLevel(Level.INFO);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        SegmenterConfig config = new SegmenterConfig(Map.of(
                "model.name", "u2netp",
                "s3.secret.key", "very-secret-s3-key",
                "max.batch.dealy.ms", "5",
                "kafka.security.protocol", "SSL"));

        config.logAtStart(org.slf4j.LoggerFactory.getLogger("config-test"));

        assertThat(appender.list).hasSize(2);
        assertThat(appender.list.get(0).getFormattedMessage())
                .startsWith("segmenter configuration:")
                .contains("s3.secret.key = [hidden]")
                .doesNotContain("very-secret");
        assertThat(appender.list.get(1).getFormattedMessage()).contains("unknown configuration key 'max.batch.dealy.ms'");
        assertThat(config.unknownKeys()).containsExactly("max.batch.dealy.ms");
    }

    @Test
    void kafkaPrefixedKeysArePassedToKafkaClients() {
        SegmenterConfig config = new SegmenterConfig(Map.of(
                "model.name", "u2netp",
                "kafka.bootstrap.servers", "b1:9092, b2:9093",
                "kafka.security.protocol", "SSL"));

        assertThat(config.kafkaClientProperties())
                .containsEntry("bootstrap.servers", "b1:9092,b2:9093")
                .containsEntry("security.protocol", "SSL")
                .hasSize(2);
    }

    @Test
    void referenceTableListsKeysWithTheirVariablesAndHidesSecretDefaults() {
        String table = ConfigReference.markdown(SegmenterConfig.DEFINITION);

        assertThat(table).contains("| `kafka.bootstrap.servers` | `CUTOUT_KAFKA_BOOTSTRAP_SERVERS` | list | `localhost:9092` |");
        assertThat(table).contains("| `model.name` | `CUTOUT_MODEL_NAME` | string | (required) |");
        assertThat(table).contains("| `s3.secret.key` | `CUTOUT_S3_SECRET_KEY` | password | [hidden] |");
        assertThat(table).doesNotContain("cutout-local-secret");
    }
}
