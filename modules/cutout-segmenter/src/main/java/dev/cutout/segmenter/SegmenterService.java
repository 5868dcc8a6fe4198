package dev.cutout.segmenter;

import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.release.ModelReleaseWatcher;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.ModelKind;
import dev.cutout.events.ModelRef;
import dev.cutout.events.PhotoIngested;
import dev.cutout.vision.infer.TorchThreads;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segmenter: consumes photos.ingested, runs micro-batches on worker threads, stores each mask in the
 * masks bucket and emits masks.inferred. Its parts, each on its own thread:
 * <ul>
 *   <li>{@link PhotoPollLoop}, the only user of the consumer: batches through a {@link BatchDispatcher},
 *       pauses the partitions when too much is in flight ({@link PartitionPauser}), and commits an offset
 *       only once every record before it has its outputs written and acknowledged ({@link OffsetTracker});</li>
 *   <li>{@link InferenceWorker}s, one predictor each, running the batches through a {@link BatchProcessor};</li>
 *   <li>{@link ModelReleaseWatcher}, loading newer models announced on models.released, which
 *       {@link CurrentModel} swaps in between batches.</li>
 * </ul>
 * This class builds them, starts their threads and stops them in order.
 */
public final class SegmenterService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SegmenterService.class);

    private final SegmenterConfig config;
    private final ObjectStore store;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final DeadLetterProducer deadLetters;
    private final CurrentModel models;
    private final BatchDispatcher dispatcher;
    private final PartitionPauser pauser;
    private final PhotoPollLoop pollLoop;
    private final List<InferenceWorker> workers = new ArrayList<>();
    private final List<Thread> workerThreads = new ArrayList<>();
    private ModelReleaseWatcher watcher;
    private Thread watcherThread;
    private Thread pollThread;
    private boolean closed;

    private SegmenterService(SegmenterConfig config, ObjectStore store, KafkaProducer<String, SpecificRecord> producer,
                             KafkaConsumer<String, PhotoIngested> consumer, ModelHandle model) {
        this.config = config;
        this.store = store;
        this.producer = producer;
        this.deadLetters = new DeadLetterProducer(producer, SegmenterConfig.SERVICE);
        this.models = new CurrentModel(model);
        OffsetTracker offsets = new OffsetTracker();
        this.dispatcher = new BatchDispatcher(new MicroBatcher<>(config.maxBatchSize(), config.maxBatchDelay()),
                offsets, models, config.workerThreads());
        this.pauser = new PartitionPauser(consumer, new Backpressure(config.maxInFlight()), offsets);
        this.pollLoop = new PhotoPollLoop(consumer, offsets, dispatcher, pauser, models, deadLetters,
                config.shutdownTimeout());
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
        KafkaProducer<String, SpecificRecord> producer = SegmenterClients.producer(config, registry);
        KafkaConsumer<String, PhotoIngested> consumer = SegmenterClients.photoConsumer(config, registry);
        SegmenterService service = new SegmenterService(config, store, producer, consumer, model);
        service.startThreads(registry);
        return service;
    }

    /** Applies to the threads that start inference from now on: the workers are started after this. */
    private static void limitTorchThreads(int threads) {
        if (threads > 0) {
            TorchThreads.limit(threads);
            log.info("libtorch uses {} thread(s) per inference call", threads);
        }
    }

    private void startThreads(SchemaRegistryClient registry) {
        BatchProcessor processor = new BatchProcessor(store, new ImageCodec(), producer, deadLetters,
                Topics.MASKS_INFERRED, config.device().toString());
        for (int i = 0; i < config.workerThreads(); i++) {
            InferenceWorker worker = new InferenceWorker(dispatcher.queue(), processor, config.refineOptions(),
                    dispatcher::completed);
            Thread thread = new Thread(worker, "segmenter-worker-" + i);
            workers.add(worker);
            workerThreads.add(thread);
            thread.start();
        }
        if (config.hotSwap()) {
            ModelLoader modelLoader = new ModelLoader(config, store);
            watcher = new ModelReleaseWatcher(SegmenterClients.releaseConsumer(config, registry),
                    Topics.MODELS_RELEASED, ModelKind.SEGMENTER, config.modelName(),
                    () -> modelInUse().getVersion(), release -> models.offer(modelLoader.released(release)),
                    deadLetters);
            watcherThread = new Thread(watcher, "segmenter-models");
            watcherThread.start();
        }
        pollThread = new Thread(pollLoop, "segmenter-poll");
        pollThread.start();
    }

    /** The model that batches dispatched from now on run on (a swap offered but not yet applied excluded). */
    public ModelRef modelInUse() {
        return models.ref();
    }

    /** Records whose outputs are written and acknowledged, dead letters included. */
    public long recordsDone() {
        return dispatcher.recordsDone();
    }

    public long batchesDone() {
        return dispatcher.batchesDone();
    }

    /** How often the consumer paused its partitions because too much was in flight. */
    public long pauses() {
        return pauser.pauses();
    }

    public boolean running() {
        return pollLoop.running();
    }

    /** Why the service stopped by itself, if it did. */
    public Optional<Throwable> failure() {
        return pollLoop.failure();
    }

    /** Blocks until the service has stopped, by {@link #close}, {@link #abort} or a fatal error. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return pollLoop.awaitStop(timeout);
    }

    /**
     * Stops as a crash would, for fault drills: nothing more is committed, so the records polled or in flight
     * are read again by the next owner of their partitions and overwrite their own masks. The workers are
     * not interrupted: an interrupt inside an object store call surfaces as a failed read, which would send
     * a good photo to the dead-letter topic.
     */
    public void abort() {
        pollLoop.abort();
        shutDown(Duration.ZERO);
    }

    /** Finishes the batches in flight, commits them, and stops. */
    @Override
    public void close() {
        pollLoop.stop();
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
        models.retireAll();
        producer.close(producerTimeout);
        store.close();
    }
}
