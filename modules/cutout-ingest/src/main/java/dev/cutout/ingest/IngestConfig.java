package dev.cutout.ingest;

import static org.apache.kafka.common.config.ConfigDef.Importance.HIGH;
import static org.apache.kafka.common.config.ConfigDef.Importance.LOW;
import static org.apache.kafka.common.config.ConfigDef.Importance.MEDIUM;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.config.CutoutConfig;
import dev.cutout.common.image.ImageLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;

/** Configuration of the ingest service: which ways in are open and their limits. */
public final class IngestConfig extends CutoutConfig {

    public static final String SERVICE = "cutout-ingest";

    public static final String HOT_FOLDER = "ingest.hot.folder";
    public static final String HOT_FOLDER_POLL_MS = "ingest.hot.folder.poll.ms";
    public static final String HTTP_ENABLED = "ingest.http.enabled";
    public static final String HTTP_HOST = "ingest.http.host";
    public static final String HTTP_PORT = "ingest.http.port";
    public static final String HTTP_TOKEN = "ingest.http.token";
    public static final String MAX_UPLOAD_BYTES = "ingest.max.upload.bytes";
    public static final String S3_PREFIX_BUCKET = "ingest.s3.prefix.bucket";
    public static final String S3_PREFIX = "ingest.s3.prefix";
    public static final String S3_POLL_MS = "ingest.s3.poll.ms";

    public static final int DEFAULT_HTTP_PORT = 8085;
    /** The embedded stack's token: fine on a laptop, never in production. */
    public static final String DEFAULT_HTTP_TOKEN = "cutout-local-token";

    public static final ConfigDef DEFINITION = CommonConfig.definition()
            .define(HOT_FOLDER, Type.STRING, "", MEDIUM,
                    "Folder the studio drops photos into; empty turns the hot folder off.")
            .define(HOT_FOLDER_POLL_MS, Type.LONG, 1000L, Range.atLeast(10), LOW,
                    "Pause between two scans of the hot folder; a file is taken once two scans see it unchanged.")
            .define(HTTP_ENABLED, Type.BOOLEAN, true, MEDIUM, "Whether the HTTP upload API runs.")
            .define(HTTP_HOST, Type.STRING, "localhost", new ConfigDef.NonEmptyString(), LOW,
                    "Address the HTTP upload API binds to.")
            .define(HTTP_PORT, Type.INT, DEFAULT_HTTP_PORT, Range.between(0, 65535), MEDIUM,
                    "Port of the HTTP upload API; 0 picks a free one.")
            .define(HTTP_TOKEN, Type.PASSWORD, DEFAULT_HTTP_TOKEN, HIGH,
                    "Bearer token every upload request must carry.")
            .define(MAX_UPLOAD_BYTES, Type.LONG, ImageLimits.DEFAULT.maxBytes(), Range.atLeast(1), MEDIUM,
                    "Largest photo accepted, in bytes, by every way in.")
            .define(S3_PREFIX_BUCKET, Type.STRING, "", MEDIUM,
                    "Bucket polled for new photos; empty turns the S3 poller off.")
            .define(S3_PREFIX, Type.STRING, "", MEDIUM, "Key prefix polled in ingest.s3.prefix.bucket.")
            .define(S3_POLL_MS, Type.LONG, 5000L, Range.atLeast(10), LOW, "Pause between two listings of the prefix.");

    public IngestConfig(Map<String, ?> values) {
        super(SERVICE, DEFINITION, values);
    }

    public Optional<Path> hotFolder() {
        String folder = getString(HOT_FOLDER);
        return folder.isBlank() ? Optional.empty() : Optional.of(Path.of(folder));
    }

    public Duration hotFolderPoll() {
        return Duration.ofMillis(getLong(HOT_FOLDER_POLL_MS));
    }

    public boolean httpEnabled() {
        return getBoolean(HTTP_ENABLED);
    }

    public String httpHost() {
        return getString(HTTP_HOST);
    }

    public int httpPort() {
        return getInt(HTTP_PORT);
    }

    public String httpToken() {
        return getPassword(HTTP_TOKEN).value();
    }

    public long maxUploadBytes() {
        return getLong(MAX_UPLOAD_BYTES);
    }

    public ImageLimits imageLimits() {
        ImageLimits defaults = ImageLimits.DEFAULT;
        return new ImageLimits(maxUploadBytes(), defaults.maxPixels(), defaults.maxWidth(), defaults.maxHeight());
    }

    public Optional<String> s3PrefixBucket() {
        String bucket = getString(S3_PREFIX_BUCKET);
        return bucket.isBlank() ? Optional.empty() : Optional.of(bucket);
    }

    public String s3Prefix() {
        return getString(S3_PREFIX);
    }

    public Duration s3Poll() {
        return Duration.ofMillis(getLong(S3_POLL_MS));
    }
}
