package dev.cutout.ingest;

import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.ObjectStore;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest service: one {@link Ingestor} behind the ways in that the config opens (hot folder, HTTP
 * upload API, S3 prefix). {@link #close()} closes the ways in first, then the producer and the store.
 */
public final class IngestService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private Ingestor ingestor;
    private HotFolderWatcher hotFolder;
    private HttpUploadApi http;
    private S3PrefixPoller s3Poller;

    private IngestService() {
    }

    /** Connects to Kafka, the registry and the store, and opens the configured ways in. */
    public static IngestService start(IngestConfig config) {
        IngestService service = new IngestService();
        try {
            service.open(config);
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void open(IngestConfig config) {
        ObjectStore store = ObjectStore.connect(config.objectStoreConfig());
        parts.push(store);
        Producer<String, SpecificRecord> producer = new KafkaProducer<>(producerProperties(config),
                new StringSerializer(), new AvroSerializer<>(new SchemaRegistryClient(config.schemaRegistryUrl())));
        parts.push(producer);
        ingestor = new Ingestor(store, producer, new ImageCodec(config.imageLimits()), Clock.systemUTC());
        if (config.httpEnabled()) {
            http = HttpUploadApi.start(ingestor, store, config.httpToken(), config.maxUploadBytes(),
                    config.httpHost(), config.httpPort());
            parts.push(http);
        }
        if (config.hotFolder().isPresent()) {
            hotFolder = HotFolderWatcher.start(config.hotFolder().get(), ingestor, config.hotFolderPoll());
            parts.push(hotFolder);
        }
        if (config.s3PrefixBucket().isPresent()) {
            s3Poller = S3PrefixPoller.start(store, ingestor, config.s3PrefixBucket().get(), config.s3Prefix(),
                    config.s3Poll());
            parts.push(s3Poller);
        }
    }

    private static Map<String, Object> producerProperties(IngestConfig config) {
        Map<String, Object> properties = new HashMap<>(config.kafkaClientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, IngestConfig.SERVICE);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return properties;
    }

    /** The path every way in uses, for callers that hold the bytes themselves. */
    public Ingestor ingestor() {
        return ingestor;
    }

    /** The port of the HTTP upload API, when it runs. */
    public Optional<Integer> httpPort() {
        return Optional.ofNullable(http).map(HttpUploadApi::port);
    }

    public Optional<HotFolderWatcher> hotFolder() {
        return Optional.ofNullable(hotFolder);
    }

    public Optional<S3PrefixPoller> s3Poller() {
        return Optional.ofNullable(s3Poller);
    }

    @Override
    public synchronized void close() {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("{} did not close cleanly: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
