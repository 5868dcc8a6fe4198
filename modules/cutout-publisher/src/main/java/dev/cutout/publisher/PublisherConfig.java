package dev.cutout.publisher;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.CutoutConfig;
import dev.cutout.vision.composite.Margin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** Configuration of the publisher: its consumer group, output profiles and outbox. */
public final class PublisherConfig extends CutoutConfig {

    public static final String SERVICE = "cutout-publisher";

    public static final String GROUP_ID = "publisher.group.id";
    public static final String MAX_POLL_RECORDS = "publisher.max.poll.records";
    public static final String RETRY_BACKOFF_MS = "publisher.retry.backoff.ms";
    public static final String OUTBOX_DIR = "publisher.outbox.dir";
    public static final String DEFAULT_PROFILE = "publisher.default.profile";
    public static final String CROP_MARGIN = "publisher.crop.margin";
    public static final String WHITE_JPEG_LONG_SIDE = "publisher.white.jpeg.long.side";
    public static final String JPEG_QUALITY = "publisher.jpeg.quality";

    public static final ConfigDef DEFINITION = CommonConfig.definition()
            .define(GROUP_ID, Type.STRING, SERVICE, new ConfigDef.NonEmptyString(), HIGH,
                    "Kafka consumer group of the publisher instances.")
            .define(MAX_POLL_RECORDS, Type.INT, 8, Range.atLeast(1), LOW,
                    "Most approvals rendered between two offset commits.")
            .define(RETRY_BACKOFF_MS, Type.LONG, 1000L, Range.atLeast(0), LOW,
                    "Pause before a record whose store or Kafka write failed transiently is tried again.")
            .define(OUTBOX_DIR, Type.STRING, "", MEDIUM,
                    "Folder every published cutout is also written to, for the studio; empty writes none.")
            .define(DEFAULT_PROFILE, Type.STRING, OutputProfiles.TRANSPARENT,
                    ConfigDef.ValidString.in(OutputProfiles.TRANSPARENT, OutputProfiles.WHITE_JPEG), MEDIUM,
                    "Output profile of photos whose studio metadata names none.")
            .define(CROP_MARGIN, Type.STRING, "4%", MEDIUM,
                    "Space kept around the subject when cropping: pixels (\"40\" or \"40px\") or percent (\"4%\").")
            .define(WHITE_JPEG_LONG_SIDE, Type.INT, 2000, Range.atLeast(16), MEDIUM,
                    "Long side in pixels of the white-jpeg profile's output.")
            .define(JPEG_QUALITY, Type.DOUBLE, 0.9, Range.between(0.05, 1.0), LOW,
                    "JPEG quality of the white-jpeg profile.");

    public PublisherConfig(Map<String, ?> values) {
        super(SERVICE, DEFINITION, values);
        try {
            cropMargin();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(CROP_MARGIN, getString(CROP_MARGIN), e.getMessage());
        }
    }

    public String groupId() {
        return getString(GROUP_ID);
    }

    public int maxPollRecords() {
        return getInt(MAX_POLL_RECORDS);
    }

    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    public Optional<Path> outboxDir() {
        String dir = getString(OUTBOX_DIR);
        return dir.isBlank() ? Optional.empty() : Optional.of(Path.of(dir));
    }

    public Margin cropMargin() {
        return Margin.parse(getString(CROP_MARGIN));
    }

    /** The profiles this configuration defines. */
    public OutputProfiles profiles() {
        return OutputProfiles.of(getString(DEFAULT_PROFILE), cropMargin(), getInt(WHITE_JPEG_LONG_SIDE),
                getDouble(JPEG_QUALITY).floatValue());
    }
}
