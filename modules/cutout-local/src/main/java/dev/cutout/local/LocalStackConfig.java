package dev.cutout.local;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;
import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.Range.between;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.ConfigSources;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The embedded stack's settings: where its data lives, its ports and the shape of the flow's topics.
 * Keys are dotted; each one can also come from the environment as CUTOUT_ plus the key in upper case
 * with dots as underscores (local.kafka.port -> CUTOUT_LOCAL_KAFKA_PORT).
 */
public final class LocalStackConfig extends AbstractConfig {

    public static final String DATA_DIR = "local.data.dir";
    public static final String HOST = "local.host";
    public static final String KAFKA_PORT = "local.kafka.port";
    public static final String KAFKA_CONTROLLER_PORT = "local.kafka.controller.port";
    public static final String REGISTRY_PORT = "local.registry.port";
    public static final String S3_PORT = "local.s3.port";
    public static final String S3_ACCESS_KEY = "local.s3.access.key";
    public static final String S3_SECRET_KEY = "local.s3.secret.key";
    public static final String TOPIC_PARTITIONS = "topics.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TOPICS_COMPACTED = "topics.compacted";
    public static final String DLQ_RETENTION_MS = "topics.dlq.retention.ms";

    public static final String DEFAULT_DATA_DIR = ".cutout";
    public static final int DEFAULT_REGISTRY_PORT = 8081;
    public static final int DEFAULT_S3_PORT = 9000;

    private static final ConfigDef.Validator PORT = between(1, 65535);

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(DATA_DIR, Type.STRING, DEFAULT_DATA_DIR, HIGH,
                    "Directory holding the broker's log, the object store's files and the stack's state; a restart on the same directory keeps them.")
            .define(HOST, Type.STRING, EmbeddedKafka.Settings.DEFAULT_HOST, MEDIUM,
                    "Host name the embedded servers bind to and advertise.")
            .define(KAFKA_PORT, Type.INT, EmbeddedKafka.Settings.DEFAULT_BROKER_PORT, PORT, HIGH,
                    "Kafka broker port (bootstrap.servers).")
            .define(KAFKA_CONTROLLER_PORT, Type.INT, EmbeddedKafka.Settings.DEFAULT_CONTROLLER_PORT, PORT, LOW,
                    "Kafka KRaft controller port.")
            .define(REGISTRY_PORT, Type.INT, DEFAULT_REGISTRY_PORT, PORT, HIGH,
                    "Schema registry port (Confluent REST API).")
            .define(S3_PORT, Type.INT, DEFAULT_S3_PORT, PORT, HIGH,
                    "S3 API port of the object store.")
            .define(S3_ACCESS_KEY, Type.STRING, CommonConfig.DEFAULT_S3_ACCESS_KEY, MEDIUM,
                    "Access key of the embedded object store.")
            .define(S3_SECRET_KEY, Type.PASSWORD, CommonConfig.DEFAULT_S3_SECRET_KEY, MEDIUM,
                    "Secret key of the embedded object store.")
            .define(TOPIC_PARTITIONS, Type.INT, 3, atLeast(1), HIGH,
                    "Partitions of each flow topic and its dead-letter topic; bounds the parallelism of each consumer group.")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) 1, atLeast(1), MEDIUM,
                    "Replicas of each topic; 1 on the single embedded broker.")
            .define(TOPICS_COMPACTED, Type.LIST, List.of(FlowTopics.MODELS_RELEASED), LOW,
                    "Topics created with cleanup.policy=compact: those whose latest record per key is the state.")
            .define(DLQ_RETENTION_MS, Type.LONG, 30L * 24 * 60 * 60 * 1000, atLeast(-1), LOW,
                    "How long dead letters are kept (-1: forever), so that they can be inspected and replayed.");

    public LocalStackConfig(Map<String, ?> values) {
        super(DEFINITION, values, false);
    }

    public static LocalStackConfig defaults() {
        return new LocalStackConfig(Map.of());
    }

    /** A stack in {@code dataDir} on ports that are free right now: for tests that start their own stack. */
    public static LocalStackConfig onFreePorts(Path dataDir) {
        int[] ports = Ports.freePorts(4);
        return new LocalStackConfig(Map.of(
                DATA_DIR, dataDir.toString(),
                KAFKA_PORT, ports[0],
                KAFKA_CONTROLLER_PORT, ports[1],
                REGISTRY_PORT, ports[2],
                S3_PORT, ports[3]));
    }

    /** This config with {@code overrides} applied on top. */
    public LocalStackConfig with(Map<String, ?> overrides) {
        Map<String, Object> merged = new HashMap<>(originals());
        merged.putAll(overrides);
        return new LocalStackConfig(merged);
    }

    /** The defaults, overridden by CUTOUT_* environment variables, overridden by {@code explicit}. */
    public static LocalStackConfig fromEnvironment(Map<String, String> env, Map<String, ?> explicit) {
        return new LocalStackConfig(ConfigSources.layered(ConfigSources.fromEnvironment(env), explicit));
    }

    /** local.kafka.port -> CUTOUT_LOCAL_KAFKA_PORT. */
    public static String envName(String key) {
        return ConfigSources.envName(key);
    }

    public Path dataDir() {
        return Path.of(getString(DATA_DIR));
    }

    public String host() {
        return getString(HOST);
    }

    public int kafkaPort() {
        return getInt(KAFKA_PORT);
    }

    public int kafkaControllerPort() {
        return getInt(KAFKA_CONTROLLER_PORT);
    }

    public int registryPort() {
        return getInt(REGISTRY_PORT);
    }

    public int s3Port() {
        return getInt(S3_PORT);
    }

    public String s3AccessKey() {
        return getString(S3_ACCESS_KEY);
    }

    public String s3SecretKey() {
        return getPassword(S3_SECRET_KEY).value();
    }

    public int topicPartitions() {
        return getInt(TOPIC_PARTITIONS);
    }

    public short topicReplicationFactor() {
        return getShort(TOPIC_REPLICATION_FACTOR);
    }

    public List<String> compactedTopics() {
        return getList(TOPICS_COMPACTED);
    }

    public long dlqRetentionMs() {
        return getLong(DLQ_RETENTION_MS);
    }
}
