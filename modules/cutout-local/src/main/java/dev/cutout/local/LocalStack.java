package dev.cutout.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import dev.cutout.common.registry.SchemaRegistryServer;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreConfig;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a KRaft Kafka broker, the schema registry and an S3 API server, started in
 * this JVM in that order, then the flow's topics and buckets. {@link #close()} stops them in reverse.
 * Everything lives under {@link LocalStackConfig#dataDir()}, so a restart on the same directory finds
 * its records, schemas (same ids and versions) and objects again.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> BUCKETS = Buckets.ALL;
    /** The compacted topic the schema registry keeps its schemas in, as Confluent's does. */
    public static final String SCHEMAS_TOPIC = "_schemas";

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final LocalStackConfig config;
    private final Deque<Part> running = new ArrayDeque<>();
    private EmbeddedKafka kafka;
    private LocalEndpoints endpoints;
    private List<TopicSpec> topics = List.of();
    private List<String> createdTopics = List.of();
    private Duration startupTime = Duration.ZERO;
    private boolean closed;

    /** A started server and how to stop it; stopped last-started-first. */
    private record Part(String name, AutoCloseable server) {
    }

    private LocalStack(LocalStackConfig config) {
        this.config = config;
    }

    /** Starts every server and creates the topics and buckets; on failure stops what it had started. */
    public static LocalStack start(LocalStackConfig config) {
        LocalStack stack = new LocalStack(config);
        try {
            stack.startAll();
        } catch (RuntimeException | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startAll() {
        long t0 = System.nanoTime();
        Path dataDir = config.dataDir().toAbsolutePath().normalize();
        // All ports first: a conflict should be reported before a 5-second broker start, not after.
        Ports.requireFree("Kafka broker", config.host(), config.kafkaPort());
        Ports.requireFree("Kafka controller", config.host(), config.kafkaControllerPort());
        Ports.requireFree("Schema registry", config.host(), config.registryPort());
        Ports.requireFree("Object store (S3)", config.host(), config.s3Port());

        kafka = EmbeddedKafka.start(new EmbeddedKafka.Settings(dataDir.resolve("kafka"), config.host(),
                config.kafkaPort(), config.kafkaControllerPort(), Map.of()));
        running.push(new Part("Kafka broker", kafka));

        String registryUrl = startRegistry(kafka.bootstrapServers());
        String s3Endpoint = startObjectStore(dataDir.resolve("s3"));

        topics = FlowTopics.specs(config);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            createdTopics = TopicCreator.ensure(admin, topics);
        }
        endpoints = new LocalEndpoints(kafka.bootstrapServers(), registryUrl, s3Endpoint,
                config.s3AccessKey(), config.s3SecretKey(), dataDir);
        createBuckets();
        startupTime = Duration.ofNanos(System.nanoTime() - t0);
        log.info("local stack ready in {} ms: {} topics ({} new), buckets {}", startupTime.toMillis(),
                topics.size(), createdTopics.size(), BUCKETS);
    }

    private String startRegistry(String bootstrapServers) {
        SchemaRegistryServer registry = new SchemaRegistryServer(
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                SCHEMAS_TOPIC, config.host(), config.registryPort()).start();
        running.push(new Part("Schema registry", registry));
        return registry.url();
    }

    private String startObjectStore(Path dir) {
        EmbeddedObjectStore store = new EmbeddedObjectStore(new EmbeddedObjectStore.Settings(dir, config.host(),
                config.s3Port(), config.s3AccessKey(), config.s3SecretKey())).start();
        running.push(new Part("Object store", store));
        return store.endpoint().toString();
    }

    private void createBuckets() {
        ObjectStoreConfig store = ObjectStoreConfig.of(endpoints.s3Endpoint(), endpoints.s3AccessKey(),
                endpoints.s3SecretKey());
        try (ObjectStore objects = ObjectStore.connect(store)) {
            objects.ensureBuckets(BUCKETS);
        }
    }

    public LocalEndpoints endpoints() {
        return endpoints;
    }

    public LocalStackConfig config() {
        return config;
    }

    /** The topics of the flow as configured; all of them exist once {@link #start} returns. */
    public List<TopicSpec> topics() {
        return topics;
    }

    /** The topics this start created, empty when they all existed already. */
    public List<String> createdTopics() {
        return createdTopics;
    }

    public String clusterId() {
        return kafka.clusterId();
    }

    /** From the call to {@link #start} to topics and buckets in place. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops the servers in the reverse order of their start; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (!running.isEmpty()) {
            Part part = running.pop();
            try {
                part.server().close();
            } catch (Exception e) {
                log.warn("{} did not stop cleanly: {}", part.name(), e.toString());
            }
        }
    }
}
