package dev.cutout.verifier;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.CutoutConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

/** Configuration of the verifier: the shared keys plus its consumer group and batching. */
public final class VerifierConfig extends CutoutConfig {

    public static final String GROUP_ID = "verifier.group.id";
    public static final String MAX_POLL_RECORDS = "verifier.max.poll.records";
    public static final String POLL_TIMEOUT_MS = "verifier.poll.timeout.ms";
    public static final String RETRY_BACKOFF_MS = "verifier.retry.backoff.ms";
    public static final String MAX_RETRIES = "verifier.max.retries";
    public static final String MODEL = "verifier.model";
    public static final String MODEL_PATH = "verifier.model.path";
    public static final String MODEL_NAME = "verifier.model.name";
    public static final String MODEL_HOT_SWAP = "verifier.model.hot.swap";

    public static final String MODEL_LEARNED = "learned";
    public static final String MODEL_RULES = "rules";

    public static final ConfigDef DEFINITION = CommonConfig.definition()
            .define(GROUP_ID, Type.STRING, "cutout-verifier", new ConfigDef.NonEmptyString(), MEDIUM,
                    "Consumer group of the verifier instances.")
            .define(MAX_POLL_RECORDS, Type.INT, 16, Range.between(1, 10_000), MEDIUM,
                    "Masks scored per poll; offsets are committed after each batch is sent.")
            .define(POLL_TIMEOUT_MS, Type.LONG, 500L, Range.atLeast(1), LOW,
                    "How long one poll waits for masks.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, Range.atLeast(0), LOW,
                    "Pause before a batch is retried after a transient failure (object store or Kafka).")
            .define(MAX_RETRIES, Type.INT, 5, Range.atLeast(0), LOW,
                    "Retries of a mask that keeps failing with an unexpected error before it goes to the DLQ as "
                            + "RETRIES_EXHAUSTED, so that it cannot block its partition.")
            .define(MODEL, Type.STRING, MODEL_LEARNED, ValidString.in(MODEL_LEARNED, MODEL_RULES), HIGH,
                    "learned: the verification model (predicted IoU, product clusters, per-cluster thresholds); "
                            + "rules: the transparent evidence rules, without clusters.")
            .define(MODEL_PATH, Type.STRING, "", MEDIUM,
                    "Learned verifier weights (NAME-0000.params with NAME.card.json beside them); empty: the "
                            + "verifier shipped with Cutout.")
            .define(MODEL_NAME, Type.STRING, "verifier", new ConfigDef.NonEmptyString(), MEDIUM,
                    "Name of the learned verifier whose releases on models.released are swapped in.")
            .define(MODEL_HOT_SWAP, Type.BOOLEAN, true, MEDIUM,
                    "Swap in newer learned verifiers announced on models.released without a restart.");

    public VerifierConfig(Map<String, ?> values) {
        super("verifier", DEFINITION, values);
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public int maxPollRecords() {
        return getInt(MAX_POLL_RECORDS);
    }

    public Duration pollTimeout() {
        return Duration.ofMillis(getLong(POLL_TIMEOUT_MS));
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    public int maxRetries() {
        return getInt(MAX_RETRIES);
    }

    public String model() {
        return getString(MODEL);
    }

    public Optional<Path> modelPath() {
        String path = getString(MODEL_PATH);
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(Path.of(path));
    }

    public String modelName() {
        return getString(MODEL_NAME);
    }

    /** Hot swap applies to the learned verifier only: the rules have no releases. */
    public boolean hotSwap() {
        return getBoolean(MODEL_HOT_SWAP) && MODEL_LEARNED.equals(model());
    }
}
