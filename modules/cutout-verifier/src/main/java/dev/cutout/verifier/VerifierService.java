package dev.cutout.verifier;

import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.release.ModelReleaseWatcher;
import dev.cutout.common.registry.AvroDeserializer;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ModelKind;
import dev.cutout.events.ModelReleased;
import dev.cutout.vision.quality.MaskQualityScorer;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The verifier: consumes masks.inferred, scores each mask and emits masks.scored. At-least-once:
 * a batch's offsets are committed only after its outputs (scores and dead letters) are acknowledged;
 * a replay scores the same mask again and the router sees the same photo id.
 *
 * <p>Values are read as bytes and decoded here, so that an undecodable record becomes a dead letter
 * instead of stopping the consumer. A transient failure (object store down) rewinds to the failed
 * record and retries after {@code verifier.retry.backoff.ms}.
 */
public final class VerifierService implements AutoCloseable {

    public static final String SERVICE = "cutout-verifier";
    private static final Logger LOG = LoggerFactory.getLogger(VerifierService.class);

    private final VerifierConfig config;
    private final MaskScoring scoring;
    private final SchemaRegistryClient registry;
    private final AtomicBoolean running = new AtomicBoolean();
    private Consumer<String, byte[]> consumer;
    private Producer<String, SpecificRecord> producer;
    private Thread worker;
    private SwappableScorer swappable;
    private ReleasedScorerLoader releasedLoader;
    private ModelReleaseWatcher watcher;
    private Thread watcherThread;
    private SwappableScorer ownedScorer;
    private final RetryCounter retries = new RetryCounter();

    public VerifierService(VerifierConfig config, MaskScoring scoring, SchemaRegistryClient registry) {
        this.config = config;
        this.scoring = scoring;
        this.registry = registry;
    }

    /**
     * The verifier as configured: the configured scorer (learned or rules) behind a {@link SwappableScorer},
     * releases watched when hot swap is on; the scorer is closed with the service. Not started yet.
     */
    public static VerifierService create(VerifierConfig config, ObjectStore store) throws IOException {
        SwappableScorer scorer = new SwappableScorer(VerifierModels.initial(config));
        MaskScoring scoring = new MaskScoring(store, new ImageCodec(), scorer, Clock.systemUTC());
        VerifierService service = new VerifierService(config, scoring,
                new SchemaRegistryClient(config.schemaRegistryUrl()));
        service.ownedScorer = scorer;
        return service.watchReleases(scorer, release -> VerifierModels.released(release, store));
    }

    /** Loads a released verifier model; throws when the release is unusable. */
    @FunctionalInterface
    public interface ReleasedScorerLoader {
        MaskQualityScorer load(ModelReleased release) throws Exception;
    }

    /**
     * Before {@link #start()}: follow models.released and swap newer verifier releases into
     * {@code scorer} (the one {@link MaskScoring} uses) between batches. Without effect when
     * {@code verifier.model.hot.swap} is off or the rules are configured.
     */
    public synchronized VerifierService watchReleases(SwappableScorer scorer, ReleasedScorerLoader loader) {
        if (worker != null) {
            throw new IllegalStateException("already started");
        }
        this.swappable = scorer;
        this.releasedLoader = loader;
        return this;
    }

    /** Subscribes and starts scoring on a thread of its own; returns at once. */
    public synchronized VerifierService start() {
        if (worker != null) {
            throw new IllegalStateException("already started");
        }
        Map<String, Object> consumerProps = new HashMap<>(config.kafkaClientProperties());
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        Map<String, Object> producerProps = new HashMap<>(config.kafkaClientProperties());
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(), new ByteArrayDeserializer());
        producer = new KafkaProducer<>(producerProps, new StringSerializer(), new AvroSerializer<>(registry));
        consumer.subscribe(List.of(Topics.MASKS_INFERRED.name()));
        if (swappable != null && config.hotSwap()) {
            startWatcher(consumerProps);
        }
        running.set(true);
        worker = new Thread(this::run, SERVICE);
        worker.start();
        LOG.info("verifier started: {} -> {}", Topics.MASKS_INFERRED, Topics.MASKS_SCORED);
        return this;
    }

    private void startWatcher(Map<String, Object> consumerProps) {
        Map<String, Object> props = new HashMap<>(consumerProps);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        KafkaConsumer<String, ModelReleased> releases = new KafkaConsumer<>(props, new StringDeserializer(),
                Topics.MODELS_RELEASED.deserializer(registry));
        watcher = new ModelReleaseWatcher(releases, Topics.MODELS_RELEASED, ModelKind.VERIFIER, config.modelName(),
                swappable::newestVersion, release -> swappable.offer(releasedLoader.load(release)),
                new DeadLetterProducer(producer, SERVICE));
        watcherThread = new Thread(watcher, SERVICE + "-models");
        watcherThread.start();
    }

    private void run() {
        AvroDeserializer<MaskInferred> deserializer = Topics.MASKS_INFERRED.deserializer(registry);
        DeadLetterProducer deadLetters = new DeadLetterProducer(producer, SERVICE);
        try {
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
                if (swappable != null) {
                    swappable.applyPending();
                }
                if (!records.isEmpty()) {
                    processBatch(records, deserializer, deadLetters);
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the consumer up.
        } catch (RuntimeException e) {
            LOG.error("verifier stopped on an unexpected failure", e);
        } finally {
            consumer.close();
            producer.close(Duration.ofSeconds(10));
        }
    }

    private void processBatch(ConsumerRecords<String, byte[]> records, AvroDeserializer<MaskInferred> deserializer,
            DeadLetterProducer deadLetters) {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            try {
                sends.add(handle(record, deserializer, deadLetters));
            } catch (RuntimeException transientFailure) {
                if (retries.failedAgain(record) > config.maxRetries()) {
                    // Not transient after all (a mask that trips the scorer every time): it must not block
                    // its partition for ever.
                    LOG.error("giving up on {}-{}@{} after {} retries", record.topic(), record.partition(),
                            record.offset(), config.maxRetries(), transientFailure);
                    sends.add(deadLetters.send(record, DeadLetterReason.RETRIES_EXHAUSTED,
                            "failed " + (config.maxRetries() + 1) + " times: " + transientFailure, transientFailure));
                    retries.done(record);
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    continue;
                }
                LOG.warn("transient failure on {}-{}@{}, retrying: {}", record.topic(), record.partition(),
                        record.offset(), transientFailure.toString());
                awaitAndCommit(sends, done);
                rewind(records, done);
                pause(config.retryBackoff());
                return;
            }
            retries.done(record);
            done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        }
        awaitAndCommit(sends, done);
    }

    /** Scores one record or sends it to the DLQ; throws only on failures worth retrying. */
    private Future<RecordMetadata> handle(ConsumerRecord<String, byte[]> record,
            AvroDeserializer<MaskInferred> deserializer, DeadLetterProducer deadLetters) {
        MaskInferred inferred;
        try {
            inferred = deserializer.deserialize(record.topic(), record.value());
        } catch (SerializationException e) {
            return deadLetters.send(record, DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage(), e);
        }
        if (inferred == null) {
            return deadLetters.send(record, DeadLetterReason.INVALID_EVENT, "record has no value", null);
        }
        try {
            MaskScored scored = scoring.score(inferred);
            return producer.send(new ProducerRecord<>(Topics.MASKS_SCORED.name(), inferred.getPhotoId(), scored));
        } catch (UnprocessableMaskException e) {
            return deadLetters.send(record, e.reason(), e.getMessage(), e.getCause());
        }
    }

    private void awaitAndCommit(List<Future<RecordMetadata>> sends, Map<TopicPartition, OffsetAndMetadata> done) {
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException e) {
                // Nothing of this batch is committed: the whole batch is consumed again after a restart.
                throw new IllegalStateException("could not send a verifier output", e.getCause());
            }
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    private void rewind(ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata committed = done.get(partition);
            long next = committed != null ? committed.offset() : records.records(partition).get(0).offset();
            consumer.seek(partition, next);
        }
    }

    private void pause(Duration backoff) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops consuming, waits for the current batch to finish and closes the clients. */
    @Override
    public void close() {
        Thread current;
        synchronized (this) {
            current = worker;
            if (current == null || !running.getAndSet(false)) {
                if (current == null && ownedScorer != null) {
                    ownedScorer.close();
                    ownedScorer = null;
                }
                return;
            }
            consumer.wakeup();
            if (watcher != null) {
                watcher.stop();
            }
        }
        try {
            current.join(Duration.ofSeconds(30).toMillis());
            if (watcherThread != null) {
                watcherThread.join(Duration.ofSeconds(10).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (ownedScorer != null) {
            ownedScorer.close();
        }
        LOG.info("verifier stopped");
    }
}
