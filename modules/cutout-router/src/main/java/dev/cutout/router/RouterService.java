package dev.cutout.router;

import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.events.ReviewDecision;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The router running on Kafka Streams; start it in-process (cutout up) or through {@link Main}. */
public final class RouterService implements AutoCloseable {

    public static final String SERVICE = "cutout-router";
    private static final Logger LOG = LoggerFactory.getLogger(RouterService.class);

    private final RouterConfig config;
    private final SchemaRegistryClient registry;
    private KafkaStreams streams;
    private DeadLetterSink sink;

    public RouterService(RouterConfig config, SchemaRegistryClient registry) {
        this.config = config;
        this.registry = registry;
    }

    /** Builds the topology and starts the streams; returns at once, processing runs on stream threads. */
    public synchronized RouterService start() {
        if (streams != null) {
            throw new IllegalStateException("already started");
        }
        sink = new KafkaDeadLetterSink(config.kafkaClientProperties(), registry);
        Properties props = config.streamsProperties();
        props.put(DeadLetterSink.CONFIG_KEY, sink);
        streams = new KafkaStreams(RouterTopology.build(config, RouterSerdes.avro(registry)), props);
        // A failed thread (e.g. the broker was unreachable too long) is replaced; its transaction was aborted.
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("router stream thread failed, replacing it", e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        LOG.info("router started with {}", config.thresholds());
        return this;
    }

    public synchronized KafkaStreams.State state() {
        return streams == null ? KafkaStreams.State.CREATED : streams.state();
    }

    /** The photos to shoot again: photo id and the rejecting decision, from this instance's store. */
    public synchronized List<KeyValue<String, ReviewDecision>> reshootList() {
        if (streams == null) {
            return List.of();
        }
        ReadOnlyKeyValueStore<String, ReviewDecision> store = streams.store(StoreQueryParameters.fromNameAndType(
                RouterTopology.RESHOOT_STORE, QueryableStoreTypes.keyValueStore()));
        List<KeyValue<String, ReviewDecision>> list = new ArrayList<>();
        try (KeyValueIterator<String, ReviewDecision> all = store.all()) {
            all.forEachRemaining(list::add);
        }
        return list;
    }

    @Override
    public synchronized void close() {
        if (streams != null) {
            // Leave the group on the way out: otherwise the instance that takes over waits out the session timeout.
            streams.close(new KafkaStreams.CloseOptions().leaveGroup(true).timeout(Duration.ofSeconds(30)));
            streams = null;
        }
        if (sink != null) {
            sink.close();
            sink = null;
        }
    }
}
