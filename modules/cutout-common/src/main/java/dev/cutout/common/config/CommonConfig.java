package dev.cutout.common.config;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import dev.cutout.common.store.ObjectStoreConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The keys every service shares: where Kafka, the schema registry and the object store are. The
 * defaults point at the embedded stack of {@code cutout up}; in production set them (see the README).
 * Keys under {@code kafka.} that are not defined here are passed to the Kafka clients as they are
 * ({@code kafka.security.protocol} becomes the client's {@code security.protocol}).
 */
public final class CommonConfig {

    public static final String KAFKA_BOOTSTRAP_SERVERS = "kafka.bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";
    public static final String S3_REGION = "s3.region";
    public static final String S3_RETRY_ATTEMPTS = "s3.retry.attempts";
    public static final String S3_RETRY_BACKOFF_MS = "s3.retry.backoff.ms";
    public static final String S3_REQUEST_TIMEOUT_MS = "s3.request.timeout.ms";

    /** Prefix of the keys handed to Kafka clients; see {@link CutoutConfig#kafkaClientProperties()}. */
    public static final String KAFKA_PREFIX = "kafka.";

    public static final String DEFAULT_KAFKA_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";
    public static final String DEFAULT_S3_ENDPOINT = "http://localhost:9000";
    public static final String DEFAULT_S3_ACCESS_KEY = "cutout";
    /** The embedded store's key: fine on a laptop, never in production. */
    public static final String DEFAULT_S3_SECRET_KEY = "cutout-local-secret";

    private CommonConfig() {
    }

    /** A new definition holding the shared keys, for a service to add its own to. */
    public static ConfigDef definition() {
        return define(new ConfigDef());
    }

    /** Adds the shared keys to {@code def} and returns it. */
    public static ConfigDef define(ConfigDef def) {
        return def
                .define(KAFKA_BOOTSTRAP_SERVERS, Type.LIST, DEFAULT_KAFKA_BOOTSTRAP_SERVERS,
                        ConfigValidators.hostPortList(), HIGH,
                        "Kafka brokers to bootstrap from, host:port separated by commas.")
                .define(SCHEMA_REGISTRY_URL, Type.STRING, DEFAULT_SCHEMA_REGISTRY_URL,
                        ConfigValidators.httpUrl(), HIGH,
                        "Base URL of the Confluent-compatible schema registry.")
                .define(S3_ENDPOINT, Type.STRING, DEFAULT_S3_ENDPOINT, ConfigValidators.httpUrl(), HIGH,
                        "Base URL of the S3 API server holding photos, masks, cutouts, datasets and models.")
                .define(S3_ACCESS_KEY, Type.STRING, DEFAULT_S3_ACCESS_KEY, new ConfigDef.NonEmptyString(), HIGH,
                        "S3 access key id.")
                .define(S3_SECRET_KEY, Type.PASSWORD, DEFAULT_S3_SECRET_KEY, HIGH,
                        "S3 secret access key.")
                .define(S3_REGION, Type.STRING, ObjectStoreConfig.DEFAULT_REGION, new ConfigDef.NonEmptyString(),
                        LOW, "Region the S3 requests are signed for.")
                .define(S3_RETRY_ATTEMPTS, Type.INT, ObjectStoreConfig.DEFAULT_RETRY_ATTEMPTS, Range.atLeast(1),
                        MEDIUM, "Attempts per object store call before a transient failure is reported (1 = no retry).")
                .define(S3_RETRY_BACKOFF_MS, Type.LONG, ObjectStoreConfig.DEFAULT_RETRY_BACKOFF.toMillis(),
                        Range.atLeast(0), LOW, "Pause before the first retry; it doubles on each further retry.")
                .define(S3_REQUEST_TIMEOUT_MS, Type.LONG, ObjectStoreConfig.DEFAULT_REQUEST_TIMEOUT.toMillis(),
                        Range.atLeast(1), LOW, "Connect, read and write timeout of one object store request.");
    }
}
