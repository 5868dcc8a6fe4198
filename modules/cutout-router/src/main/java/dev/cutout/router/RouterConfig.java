package dev.cutout.router;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.CutoutConfig;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Configuration of the router. Besides the defined keys it reads per-cluster publish thresholds,
 * {@code publish.threshold.cluster.<label or id>=0.95}, which override {@code publish.threshold} for
 * masks of that product cluster.
 */
public final class RouterConfig extends CutoutConfig {

    public static final String APPLICATION_ID = "router.application.id";
    public static final String STATE_DIR = "router.state.dir";
    public static final String STREAM_THREADS = "router.stream.threads";
    public static final String PUBLISH_THRESHOLD = "publish.threshold";
    public static final String CLUSTER_THRESHOLD_PREFIX = "publish.threshold.cluster.";
    public static final String DATASET_THRESHOLD = "dataset.threshold";

    public static final ConfigDef DEFINITION = CommonConfig.definition()
            .define(APPLICATION_ID, Type.STRING, "cutout-router", new ConfigDef.NonEmptyString(), MEDIUM,
                    "Kafka Streams application id: consumer group, transactional id and internal topic prefix.")
            .define(STATE_DIR, Type.STRING, "router-state", LOW,
                    "Folder of the local state (the re-shoot list's store), relative to the working directory; "
                            + "not under the system's temporary folder, which the OS may clear.")
            .define(STREAM_THREADS, Type.INT, 1, Range.between(1, 64), LOW, "Stream threads of this instance.")
            .define(PUBLISH_THRESHOLD, Type.DOUBLE, 0.9, Range.between(0.0, 1.0), HIGH,
                    "Masks scoring at least this are approved automatically, the others go to review, unless a "
                            + "publish.threshold.cluster.* key or the verifier's model (its threshold for "
                            + "the mask's cluster, on the event) sets the threshold.")
            .define(DATASET_THRESHOLD, Type.DOUBLE, 0.97, Range.between(0.0, 1.0), MEDIUM,
                    "Masks scoring at least this also become model-labelled dataset samples.");

    private final Thresholds thresholds;

    public RouterConfig(Map<String, ?> values) {
        super("router", DEFINITION, values);
        this.thresholds = new Thresholds(getDouble(PUBLISH_THRESHOLD), getDouble(DATASET_THRESHOLD),
                clusterThresholds(originalsWithPrefix(CLUSTER_THRESHOLD_PREFIX)));
    }

    private static Map<String, Double> clusterThresholds(Map<String, Object> raw) {
        Map<String, Double> thresholds = new TreeMap<>();
        raw.forEach((cluster, value) -> {
            double threshold;
            try {
                threshold = value instanceof Number number ? number.doubleValue()
                        : Double.parseDouble(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(CLUSTER_THRESHOLD_PREFIX + cluster, value, "not a number");
            }
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new ConfigException(CLUSTER_THRESHOLD_PREFIX + cluster, value, "must be in [0,1]");
            }
            thresholds.put(cluster, threshold);
        });
        return thresholds;
    }

    public Thresholds thresholds() {
        return thresholds;
    }

    public String applicationId() {
        return getString(APPLICATION_ID);
    }

    /**
     * Kafka Streams properties: exactly-once v2, String keys, and the error policy: every
     * deserialization, processing and production failure of a record goes to a dead-letter topic and
     * processing carries on (see {@link DeadLetterDeserializationHandler} and its siblings).
     */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(kafkaClientProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, getInt(STREAM_THREADS));
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class);
        return props;
    }
}
