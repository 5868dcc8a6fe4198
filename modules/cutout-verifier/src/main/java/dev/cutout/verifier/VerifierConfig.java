package dev.cutout.verifier;

import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.CutoutConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the verifier: the shared keys plus its consumer group and batching. */
public final class VerifierConfig extends CutoutConfig {

    public static final String GROUP_ID = "verifier.group.id";
    public static final String MAX_POLL_RECORDS = "verifier.max.poll.records";
    public static final String POLL_TIMEOUT_MS = "verifier.poll.timeout.ms";
    public static final String RETRY_BACKOFF_MS = "verifier.retry.backoff.ms";

    public static final ConfigDef DEFINITION = CommonConfig.definition()
            .define(GROUP_ID, Type.STRING, "cutout-verifier", new ConfigDef.NonEmptyString(), MEDIUM,
                    "Consumer group of the verifier instances.")
            .define(MAX_POLL_RECORDS, Type.INT, 16, Range.between(1, 10_000), MEDIUM,
                    "Masks scored per poll; offsets are committed after each batch is sent.")
            .define(POLL_TIMEOUT_MS, Type.LONG, 500L, Range.atLeast(1), LOW,
                    "How long one poll waits for masks.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1_000L, Range.atLeast(0), LOW,
                    "Pause before a batch is retried after a transient failure (object store or Kafka).");

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
}
