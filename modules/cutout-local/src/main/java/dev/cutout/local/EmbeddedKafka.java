package dev.cutout.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Apache Kafka in KRaft mode (one process is both broker and controller), started in
 * this JVM from the Maven Central artifacts. The log directory is formatted on first start only, so a
 * restart on the same directory keeps the cluster id, the topics and their records.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String BROKER_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String META_PROPERTIES = "meta.properties";

    private final Settings settings;
    private final String clusterId;
    private final KafkaRaftServer server;
    private boolean closed;

    /**
     * Where and how the broker runs.
     *
     * @param logDir         the broker's data; formatted when it holds no meta.properties yet
     * @param host           the host name the listeners bind to and advertise
     * @param brokerPort     the port clients use (bootstrap.servers)
     * @param controllerPort the KRaft controller's port
     * @param overrides      extra broker properties, applied last
     */
    public record Settings(Path logDir, String host, int brokerPort, int controllerPort,
                           Map<String, String> overrides) {
        public static final String DEFAULT_HOST = "localhost";
        public static final int DEFAULT_BROKER_PORT = 9092;
        public static final int DEFAULT_CONTROLLER_PORT = 9093;

        public Settings {
            Objects.requireNonNull(logDir, "logDir");
            Objects.requireNonNull(host, "host");
            overrides = Map.copyOf(overrides);
            if (brokerPort == controllerPort) {
                throw new IllegalArgumentException("broker and controller need different ports, both are " + brokerPort);
            }
        }

        public static Settings defaults(Path logDir) {
            return new Settings(logDir, DEFAULT_HOST, DEFAULT_BROKER_PORT, DEFAULT_CONTROLLER_PORT, Map.of());
        }

        public Settings withPorts(int broker, int controller) {
            return new Settings(logDir, host, broker, controller, overrides);
        }

        public Settings withOverrides(Map<String, String> extra) {
            Map<String, String> merged = new HashMap<>(overrides);
            merged.putAll(extra);
            return new Settings(logDir, host, brokerPort, controllerPort, merged);
        }
    }

    private EmbeddedKafka(Settings settings, String clusterId, KafkaRaftServer server) {
        this.settings = settings;
        this.clusterId = clusterId;
        this.server = server;
    }

    /** Formats the log directory if needed, starts the broker and returns once it accepts clients. */
    public static EmbeddedKafka start(Settings settings) {
        Ports.requireFree("Kafka broker", settings.host(), settings.brokerPort());
        Ports.requireFree("Kafka controller", settings.host(), settings.controllerPort());
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(settings), false);
        String clusterId = formatIfNeeded(settings.logDir());
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            server.startup();
        } catch (RuntimeException e) {
            shutDown(server);
            throw new IllegalStateException("Kafka broker on " + settings.host() + ":" + settings.brokerPort()
                    + " failed to start: " + e.getMessage(), e);
        }
        log.info("Kafka broker {} started, cluster id {}, data in {}", bootstrapServers(settings), clusterId,
                settings.logDir());
        return new EmbeddedKafka(settings, clusterId, server);
    }

    public String bootstrapServers() {
        return bootstrapServers(settings);
    }

    public String clusterId() {
        return clusterId;
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        shutDown(server);
        log.info("Kafka broker {} stopped", bootstrapServers());
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static String bootstrapServers(Settings settings) {
        return settings.host() + ":" + settings.brokerPort();
    }

    static Properties brokerProperties(Settings s) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + s.host() + ":" + s.controllerPort());
        p.put("listeners", BROKER_LISTENER + "://" + s.host() + ":" + s.brokerPort() + ","
                + CONTROLLER_LISTENER + "://" + s.host() + ":" + s.controllerPort());
        p.put("advertised.listeners", BROKER_LISTENER + "://" + s.host() + ":" + s.brokerPort());
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", BROKER_LISTENER);
        p.put("listener.security.protocol.map", BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("log.dirs", s.logDir().toAbsolutePath().toString());
        // One node: every internal topic has exactly one replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // A consumer group on a developer machine should start consuming at once, not after 3 s.
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from the typed topic list; a misspelt name must fail rather than create a topic.
        p.put("auto.create.topics.enable", "false");
        p.putAll(s.overrides());
        return p;
    }

    /** Returns the cluster id stored in the log directory, formatting the directory first when it is new. */
    private static String formatIfNeeded(Path logDir) {
        Path meta = logDir.resolve(META_PROPERTIES);
        if (Files.exists(meta)) {
            return storedClusterId(meta);
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try {
            Files.createDirectories(logDir);
            new Formatter()
                    .setPrintStream(new PrintStream(formatterOutput, true, StandardCharsets.UTF_8))
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(logDir.toAbsolutePath().toString()))
                    .setMetadataLogDirectory(logDir.toAbsolutePath().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir + ": " + e.getMessage()
                    + " " + formatterOutput.toString(StandardCharsets.UTF_8).trim(), e);
        }
        log.debug("formatted {}: {}", logDir, formatterOutput.toString(StandardCharsets.UTF_8).trim());
        return clusterId;
    }

    private static String storedClusterId(Path meta) {
        Properties stored = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            stored.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + meta, e);
        }
        String id = stored.getProperty("cluster.id");
        if (id == null || id.isBlank()) {
            throw new IllegalStateException(meta + " has no cluster.id; delete the directory to start afresh");
        }
        return id;
    }
}
