package dev.cutout.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class LocalStackConfigTest {

    @Test
    void defaultsMatchTheDocumentedPortsAndDataDir() {
        LocalStackConfig config = LocalStackConfig.defaults();

        assertThat(config.dataDir()).isEqualTo(Path.of(".cutout"));
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.kafkaControllerPort()).isEqualTo(9093);
        assertThat(config.registryPort()).isEqualTo(8081);
        assertThat(config.s3Port()).isEqualTo(9000);
        assertThat(config.compactedTopics()).containsExactly("models.released");
    }

    @Test
    void explicitValuesWinOverTheEnvironmentWhichWinsOverDefaults() {
        Map<String, String> env = Map.of(
                "CUTOUT_LOCAL_KAFKA_PORT", "19092",
                "CUTOUT_LOCAL_S3_PORT", "19000",
                "CUTOUT_UNRELATED", "ignored");

        LocalStackConfig config = LocalStackConfig.fromEnvironment(env, Map.of(LocalStackConfig.S3_PORT, 29000));

        assertThat(config.kafkaPort()).isEqualTo(19092);
        assertThat(config.s3Port()).isEqualTo(29000);
        assertThat(config.registryPort()).isEqualTo(8081);
    }

    @Test
    void envNamesFollowTheKeys() {
        assertThat(LocalStackConfig.envName("local.kafka.controller.port")).isEqualTo("CUTOUT_LOCAL_KAFKA_CONTROLLER_PORT");
    }

    @Test
    void refusesAPortOutOfRangeNamingTheKey() {
        assertThatThrownBy(() -> new LocalStackConfig(Map.of(LocalStackConfig.KAFKA_PORT, 70000)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LocalStackConfig.KAFKA_PORT);
    }

    @Test
    void hidesTheSecretKeyWhenPrinted() {
        LocalStackConfig config = new LocalStackConfig(Map.of(LocalStackConfig.S3_SECRET_KEY, "s3cr3t-value"));

        assertThat(config.s3SecretKey()).isEqualTo("s3cr3t-value");
        assertThat(config.values().toString()).doesNotContain("s3cr3t-value");
    }
}
