package dev.cutout.segmenter;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.dlq.DeadLetters;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.ModelRef;
import dev.cutout.events.ModelReleased;
import dev.cutout.events.PhotoIngested;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segmenter: consumes photos.ingested, runs micro-batches on worker threads, stores each mask in the
 * masks bucket and emits masks.inferred. One poll thread owns the consumer (Kafka consumers are not
 * thread-safe): it batches, dispatches, pauses the partitions when too much is in flight, and commits an
 * offset only once every record before it has its outputs written and acknowledged. Newer models announced
 * on models.released are swapped in between batches.
 */
public final class SegmenterService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SegmenterService.class);
    private static final long IDLE_POLL_MILLIS = 200;
    private static final long BUSY_POLL_MILLIS = 10;

    private final SegmenterConfig config;
    private final ObjectStore store;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaConsumer<String, PhotoIngested> consumer;
    private final DeadLetterProducer deadLetters;
    private final MicroBatcher<ConsumerRecord<String, PhotoIngested>> batcher;
    private final Backpressure backpressure;
    private final OffsetTracker offsets = new OffsetTracker();
    private final BlockingQueue<Batch> batches = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<BatchOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicReference<ModelHandle> pendingModel = new AtomicReference<>();
    private final List<InferenceWorker> workers = new ArrayList<>();
    private final List<Thread> workerThreads = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong recordsDone = new AtomicLong();
    private final AtomicLong batchesDone = new AtomicLong();
    private volatile ModelHandle currentModel;
    private volatile boolean stopping;
    private volatile boolean aborting;
    private volatile Throwable failure;
    private ModelReleaseWatcher watcher;
    private Thread watcherThread;
    private Thread pollThread;
    private int outstandingBatches;
    private boolean closed;

    private SegmenterService(SegmenterConfig config, ObjectStore store, KafkaProducer<String, SpecificRecord> producer,
                             KafkaConsumer<String, PhotoIngested> consumer, ModelHandle model) {
        this.config = config;
        this.store = store;
        this.producer = producer;
        this.consumer = consumer;
        this.currentModel = model;
        this.deadLetters = new DeadLetterProducer(producer, SegmenterConfig.SERVICE);
        this.batcher = new MicroBatcher<>(config.maxBatchSize(), config.maxBatchDelay());
        this.backpressure = new Backpressure(config.maxInFlight());
    }

    /** Loads the starting model, connects to Kafka and the object store, and starts consuming. */
    public static SegmenterService start(SegmenterConfig config) throws IOException {
        SchemaRegistryClient registry = new SchemaRegistryClient(config.schemaRegistryUrl());
        limitTorchThreads(config.torchThreads());
        ObjectStore store = ObjectStore.connect(config.objectStoreConfig());
        ModelHandle model;
        try {
            model = new ModelLoader(config, store).initial();
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(producerProperties(config),
                new StringSerializer(), new AvroSerializer<>(registry));
        KafkaConsumer<String, PhotoIngested> consumer = new KafkaConsumer<>(consumerProperties(config),
                new StringDeserializer(), Topics.PHOTOS_INGESTED.deserializer(registry));
        SegmenterService service = new SegmenterService(config, store, producer, consumer, model);
        service.startThreads(registry);
        return service;
    }

    /** Applies to the threads that start inference from now on: the workers are started after this. */
    private static void limitTorchThreads(int threads) {
        if (threads > 0) {
            Engine.getEngine("PyTorch");
            JniUtils.setNumThreads(threads);
            log.info("libtorch uses {} thread(s) per inference call", threads);
        }
    }

    private static Map<String, Object> producerProperties(SegmenterConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, config.groupId() + "-producer");
        return props;
    }

    private static Map<String, Object> consumerProperties(SegmenterConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // One poll never brings in more than the in-flight bound, so the buffer stays bounded.
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Math.max(config.maxBatchSize(), config.maxInFlight()));
        return props;
    }

    private static Map<String, Object> watcherProperties(SegmenterConfig config) {
        Map<String, Object> props = new HashMap<>(config.kafkaClientProperties());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return props;
    }

    private void startThreads(SchemaRegistryClient registry) {
        BatchProcessor processor = new BatchProcessor(store, new ImageCodec(), producer, deadLetters,
                Topics.MASKS_INFERRED, config.device().toString());
        for (int i = 0; i < config.workerThreads(); i++) {
            InferenceWorker worker = new InferenceWorker(batches, processor, config.refineOptions(), outcomes::add);
            Thread thread = new Thread(worker, "segmenter-worker-" + i);
            workers.add(worker);
            workerThreads.add(thread);
            thread.start();
        }
        if (config.hotSwap()) {
            KafkaConsumer<String, ModelReleased> releases = new KafkaConsumer<>(watcherProperties(config),
                    new StringDeserializer(), Topics.MODELS_RELEASED.deserializer(registry));
            watcher = new ModelReleaseWatcher(releases, Topics.MODELS_RELEASED, config.modelName(),
                    new ModelLoader(config, store), () -> modelInUse().getVersion(), this::offerModel, deadLetters);
            watcherThread = new Thread(watcher, "segmenter-models");
            watcherThread.start();
        }
        pollThread = new Thread(this::pollLoop, "segmenter-poll");
        pollThread.start();
    }

    /** The model that batches dispatched from now on run on (a swap offered but not yet applied excluded). */
    public ModelRef modelInUse() {
        return currentModel.ref();
    }

    /** Records whose outputs are written and acknowledged, dead letters included. */
    public long recordsDone() {
        return recordsDone.get();
    }

    public long batchesDone() {
        return batchesDone.get();
    }

    /** How often the consumer paused its partitions because too much was in flight. */
    public long pauses() {
        return backpressure.pauses();
    }

    public boolean running() {
        return stopped.getCount() > 0;
    }

    /** Why the service stopped by itself, if it did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** Blocks until the service has stopped, by {@link #close}, {@link #abort} or a fatal error. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Makes {@code model} current from the next batch on; batches already dispatched finish on the old one. */
    void offerModel(ModelHandle model) {
        ModelHandle unused = pendingModel.getAndSet(model);
        if (unused != null) {
            unused.retire();
        }
    }

    private void pollLoop() {
        try {
            consumer.subscribe(List.of(Topics.PHOTOS_INGESTED.name()), new Rebalance());
            while (!stopping) {
                step();
            }
            if (!aborting) {
                awaitOutstanding(System.currentTimeMillis() + config.shutdownTimeout().toMillis());
                commitDone();
            }
        } catch (WakeupException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (Throwable e) {
            failure = e;
            log.error("segmenter stopped: uncommitted records are read again after a restart", e);
        } finally {
            try {
                // Even an abort leaves the group, so that a restart need not wait out the session timeout.
                consumer.close(aborting ? Duration.ofMillis(500) : Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                log.warn("consumer did not close cleanly: {}", e.toString());
            }
            stopped.countDown();
        }
    }

    private void step() throws ExecutionException, InterruptedException {
        applyPendingModel();
        drainOutcomes();
        commitDone();
        long now = System.currentTimeMillis();
        dispatchReadyBatches(now);
        applyBackpressure();
        long timeout = outstandingBatches > 0
                ? BUSY_POLL_MILLIS
                : Math.max(1, batcher.millisUntilDue(now, IDLE_POLL_MILLIS));
        ConsumerRecords<String, PhotoIngested> records;
        try {
            records = consumer.poll(Duration.ofMillis(Math.min(timeout, IDLE_POLL_MILLIS)));
        } catch (RecordDeserializationException e) {
            skipUnreadable(e);
            return;
        } catch (WakeupException e) {
            if (stopping) {
                return;
            }
            throw e;
        }
        long received = System.currentTimeMillis();
        for (ConsumerRecord<String, PhotoIngested> record : records) {
            TopicPartition partition = new TopicPartition(record.topic(), record.partition());
            offsets.register(partition, record.offset());
            if (record.value() == null) {
                log.warn("dead letter {}-{}@{} key={}: record without a value", record.topic(), record.partition(),
                        record.offset(), record.key());
                deadLetters.send(record, DeadLetterReason.INVALID_EVENT, "record without a value", null).get();
                offsets.done(partition, record.offset());
            } else {
                batcher.add(record, received);
            }
        }
        if (backpressure.paused()) {
            // Partitions assigned while paused start paused too.
            consumer.pause(consumer.assignment());
        }
    }

    private void applyPendingModel() {
        ModelHandle next = pendingModel.getAndSet(null);
        if (next != null) {
            ModelHandle previous = currentModel;
            currentModel = next;
            log.info("swapped model {} -> {}; batches in flight finish on {}", previous.label(), next.label(),
                    previous.label());
            previous.retire();
        }
    }

    private void dispatchReadyBatches(long now) {
        while (outstandingBatches < config.workerThreads()) {
            Optional<List<ConsumerRecord<String, PhotoIngested>>> ready = batcher.nextBatch(now);
            if (ready.isEmpty()) {
                return;
            }
            batches.add(new Batch(ready.get(), currentModel.acquire(), now));
            outstandingBatches++;
        }
    }

    private void drainOutcomes() {
        BatchOutcome outcome;
        while ((outcome = outcomes.poll()) != null) {
            outstandingBatches--;
            if (!outcome.succeeded()) {
                throw new IllegalStateException("a batch could not be completed", outcome.failure());
            }
            for (ConsumerRecord<String, PhotoIngested> record : outcome.batch().records()) {
                offsets.done(new TopicPartition(record.topic(), record.partition()), record.offset());
            }
            recordsDone.addAndGet(outcome.batch().records().size());
            batchesDone.incrementAndGet();
        }
    }

    private void commitDone() {
        Map<TopicPartition, OffsetAndMetadata> committable = offsets.committable();
        committable.keySet().retainAll(consumer.assignment());
        if (!committable.isEmpty()) {
            consumer.commitSync(committable);
            offsets.committed(committable);
        }
    }

    private void applyBackpressure() {
        switch (backpressure.update(offsets.pending())) {
            case PAUSE -> {
                log.debug("{} records in flight: pausing {}", offsets.pending(), consumer.assignment());
                consumer.pause(consumer.assignment());
            }
            case RESUME -> consumer.resume(consumer.paused());
            case NONE -> {
            }
        }
    }

    private void awaitOutstanding(long deadlineMillis) throws InterruptedException {
        drainOutcomes();
        while (outstandingBatches > 0 && System.currentTimeMillis() < deadlineMillis) {
            Thread.sleep(BUSY_POLL_MILLIS);
            drainOutcomes();
        }
        if (outstandingBatches > 0) {
            log.warn("{} batches still running; their records will be read again", outstandingBatches);
        }
    }

    private void skipUnreadable(RecordDeserializationException e) throws ExecutionException, InterruptedException {
        TopicPartition partition = e.topicPartition();
        String key = e.keyBuffer() == null ? null : StandardCharsets.UTF_8.decode(e.keyBuffer().duplicate()).toString();
        log.warn("dead letter {}@{} key={}: {}", partition, e.offset(), key, e.getMessage());
        deadLetters.send(DeadLetters.of(deadLetters.service(), partition.topic(), partition.partition(), e.offset(), key,
                e.timestamp() < 0 ? null : e.timestamp(), DeadLetterReason.DESERIALIZATION_FAILED, e.getMessage(),
                e.getCause())).get();
        offsets.register(partition, e.offset());
        offsets.done(partition, e.offset());
        consumer.seek(partition, e.offset() + 1);
    }

    /** Commits what is done before partitions move to another instance; the rest is re-read by their new owner. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty() || aborting) {
                return;
            }
            try {
                awaitOutstanding(System.currentTimeMillis() + config.shutdownTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commitDone();
            forget(partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            forget(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (backpressure.paused()) {
                consumer.pause(partitions);
            }
        }

        private void forget(Collection<TopicPartition> partitions) {
            Set<TopicPartition> gone = Set.copyOf(partitions);
            batcher.removeIf(record -> gone.contains(new TopicPartition(record.topic(), record.partition())));
            offsets.forget(gone);
        }
    }

    /**
     * Stops as a crash would, for fault drills: nothing more is committed, so the records polled or in flight
     * are read again by the next owner of their partitions and overwrite their own masks. The workers are
     * not interrupted: an interrupt inside an object store call surfaces as a failed read, which would send
     * a good photo to the dead-letter topic.
     */
    public void abort() {
        aborting = true;
        stopping = true;
        consumer.wakeup();
        shutDown(Duration.ZERO);
    }

    /** Finishes the batches in flight, commits them, and stops. */
    @Override
    public void close() {
        stopping = true;
        consumer.wakeup();
        shutDown(config.shutdownTimeout());
    }

    private synchronized void shutDown(Duration producerTimeout) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (watcher != null) {
                watcher.stop();
                watcherThread.join();
            }
            pollThread.join();
            workers.forEach(InferenceWorker::stop);
            for (Thread thread : workerThreads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ModelHandle unused = pendingModel.getAndSet(null);
        if (unused != null) {
            unused.retire();
        }
        currentModel.retire();
        producer.close(producerTimeout);
        store.close();
    }
}
