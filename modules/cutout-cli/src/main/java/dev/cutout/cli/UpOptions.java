package dev.cutout.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.cutout.local.LocalStackConfig;
import picocli.CommandLine.Option;

/**
 * The options of `cutout up`. Unset options fall back to CUTOUT_* environment variables, then to the
 * defaults of {@link LocalStackConfig}. Options a service needs (folders, thresholds) go here too, so
 * that {@link EmbeddedService#start} receives them.
 */
public final class UpOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the stack keeps its data (default: ./" + LocalStackConfig.DEFAULT_DATA_DIR + ").")
    Path dataDir;

    @Option(names = "--host", paramLabel = "HOST",
            description = "Host name the servers bind to and advertise (default: localhost).")
    String host;

    @Option(names = "--kafka-port", paramLabel = "PORT", description = "Kafka broker port (default: 9092).")
    Integer kafkaPort;

    @Option(names = "--controller-port", paramLabel = "PORT", description = "Kafka controller port (default: 9093).")
    Integer controllerPort;

    @Option(names = "--registry-port", paramLabel = "PORT", description = "Schema registry port (default: 8081).")
    Integer registryPort;

    @Option(names = "--s3-port", paramLabel = "PORT", description = "S3 API port (default: 9000).")
    Integer s3Port;

    @Option(names = "--partitions", paramLabel = "N", description = "Partitions of each new topic (default: 3).")
    Integer partitions;

    @Option(names = "--inbox", paramLabel = "DIR",
            description = "Hot folder the ingest watches for new photos (default: ./inbox).")
    Path inbox = Path.of("inbox");

    @Option(names = "--outbox", paramLabel = "DIR",
            description = "Folder the publisher writes finished cutouts to (default: ./outbox).")
    Path outbox = Path.of("outbox");

    /** The hot folder the ingest watches. */
    public Path inbox() {
        return inbox;
    }

    /** The folder the publisher writes cutouts to. */
    public Path outbox() {
        return outbox;
    }

    /** The stack's config: these options over the environment over the defaults. */
    public LocalStackConfig stackConfig(Map<String, String> env) {
        Map<String, Object> explicit = new HashMap<>();
        putIfSet(explicit, LocalStackConfig.DATA_DIR, dataDir == null ? null : dataDir.toString());
        putIfSet(explicit, LocalStackConfig.HOST, host);
        putIfSet(explicit, LocalStackConfig.KAFKA_PORT, kafkaPort);
        putIfSet(explicit, LocalStackConfig.KAFKA_CONTROLLER_PORT, controllerPort);
        putIfSet(explicit, LocalStackConfig.REGISTRY_PORT, registryPort);
        putIfSet(explicit, LocalStackConfig.S3_PORT, s3Port);
        putIfSet(explicit, LocalStackConfig.TOPIC_PARTITIONS, partitions);
        return LocalStackConfig.fromEnvironment(env, explicit);
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
