package dev.cutout.publisher;

import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.image.ImageRejectedException;
import dev.cutout.common.registry.AvroDeserializer;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectNotFoundException;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreException;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.CutoutApproved;
import dev.cutout.events.CutoutPublished;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.ObjectRef;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes cutouts.approved, renders each cutout for its output profile, stores it in the cutouts bucket
 * (optionally also in the outbox) and emits cutouts.published. Offsets are committed only after the
 * outputs are sent (at-least-once; the keys make the writes idempotent). An approval that can never be
 * published (unknown profile, missing or damaged objects, undecodable images) goes to
 * cutouts.approved.dlq with its reason; a transient store or Kafka failure is retried from the same offset.
 */
public final class PublisherService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherService.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final PublisherConfig config;
    private final ObjectStore store;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, SpecificRecord> producer;
    private final AvroDeserializer<CutoutApproved> approvals;
    private final DeadLetterProducer deadLetters;
    private final OutputProfiles profiles;
    private final CutoutRendering rendering;
    private final Optional<Outbox> outbox;
    private final Clock clock;
    private final Thread loop;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean running = true;

    private PublisherService(PublisherConfig config, ObjectStore store, SchemaRegistryClient registry) {
        this.config = config;
        this.store = store;
        this.profiles = config.profiles();
        this.rendering = new CutoutRendering(new ImageCodec());
        this.outbox = config.outboxDir().map(Outbox::new);
        this.clock = Clock.systemUTC();
        this.approvals = new AvroDeserializer<>(registry, CutoutApproved.class);
        this.consumer = new KafkaConsumer<>(consumerProperties(config), new StringDeserializer(),
                new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(producerProperties(config), new StringSerializer(),
                new AvroSerializer<>(registry));
        this.deadLetters = new DeadLetterProducer(producer, PublisherConfig.SERVICE);
        this.loop = new Thread(this::run, "publisher-loop");
    }

    /** Connects and starts consuming; {@code store} stays the caller's to close. */
    public static PublisherService start(PublisherConfig config, ObjectStore store, SchemaRegistryClient registry) {
        PublisherService service = new PublisherService(config, store, registry);
        service.consumer.subscribe(List.of(Topics.CUTOUTS_APPROVED.name()));
        service.loop.start();
        LOG.info("publisher consuming {} (profiles {}, outbox {})", Topics.CUTOUTS_APPROVED.name(),
                service.profiles.names(), service.outbox.map(Outbox::dir).map(Object::toString).orElse("off"));
        return service;
    }

    private static Map<String, Object> consumerProperties(PublisherConfig config) {
        Map<String, Object> properties = new HashMap<>(config.kafkaClientProperties());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, PublisherConfig.SERVICE + "-consumer");
        return properties;
    }

    private static Map<String, Object> producerProperties(PublisherConfig config) {
        Map<String, Object> properties = new HashMap<>(config.kafkaClientProperties());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.CLIENT_ID_CONFIG, PublisherConfig.SERVICE);
        return properties;
    }

    public long publishedCount() {
        return published.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                LOG.error("publisher woken up while running", e);
            }
        } catch (RuntimeException e) {
            LOG.error("publisher stopped on an unexpected failure; uncommitted approvals are read again on restart",
                    e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } finally {
                producer.close(Duration.ofSeconds(5));
                stopped.countDown();
            }
        }
    }

    private void handle(ConsumerRecords<String, byte[]> records) {
        List<Future<?>> sends = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        boolean retryLater = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    sends.add(process(record));
                } catch (TransientFailure e) {
                    LOG.warn("publishing {} failed for now, trying again: {}", record.key(), e.getMessage());
                    consumer.seek(partition, record.offset());
                    retryLater = true;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        try {
            for (Future<?> send : sends) {
                send.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for sends", e);
        } catch (ExecutionException e) {
            // Nothing committed: the whole poll is read again, and the writes overwrite.
            LOG.warn("a send failed, re-reading the batch: {}", e.getCause().toString());
            done.keySet().forEach(partition -> consumer.seek(partition,
                    records.records(partition).get(0).offset()));
            sleep(config.retryBackoff());
            return;
        }
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
        if (retryLater) {
            sleep(config.retryBackoff());
        }
    }

    /** Renders, stores and announces one approval, or dead-letters it; returns the pending send. */
    private Future<?> process(ConsumerRecord<String, byte[]> record) {
        CutoutApproved approved;
        try {
            approved = approvals.deserialize(record.topic(), record.value());
        } catch (RuntimeException e) {
            return deadLetter(record, DeadLetterReason.DESERIALIZATION_FAILED, "unreadable approval: " + e.getMessage(),
                    e);
        }
        if (approved == null) {
            return deadLetter(record, DeadLetterReason.INVALID_EVENT, "approval without a value", null);
        }
        Optional<OutputProfile> profile = profiles.resolve(approved.getMetadata().getOutputProfile());
        if (profile.isEmpty()) {
            return deadLetter(record, DeadLetterReason.INVALID_EVENT, "unknown output profile '"
                    + approved.getMetadata().getOutputProfile() + "'; known: " + profiles.names(), null);
        }
        try {
            byte[] photo = store.get(dev.cutout.common.store.ObjectRef.of(approved.getPhoto()));
            byte[] mask = store.get(dev.cutout.common.store.ObjectRef.of(approved.getMask()));
            byte[] cutout = rendering.render(photo, mask, profile.get());
            String key = CutoutKeys.of(approved.getPhotoId(), profile.get(), approved.getModel());
            dev.cutout.common.store.ObjectRef stored = store.put(Buckets.CUTOUTS, key, cutout,
                    profile.get().format().contentType());
            outbox.ifPresent(box -> box.write(approved.getPhotoId(), profile.get(), cutout));
            CutoutPublished event = CutoutPublished.newBuilder()
                    .setPhotoId(approved.getPhotoId())
                    .setCutout(eventRef(stored))
                    .setOutputProfile(profile.get().name())
                    .setPhoto(approved.getPhoto())
                    .setMask(approved.getMask())
                    .setModel(approved.getModel())
                    .setMetadata(approved.getMetadata())
                    .setPublishedAt(clock.instant())
                    .build();
            published.incrementAndGet();
            return producer.send(new ProducerRecord<>(Topics.CUTOUTS_PUBLISHED.name(), approved.getPhotoId(), event));
        } catch (ObjectNotFoundException e) {
            return deadLetter(record, DeadLetterReason.OBJECT_NOT_FOUND, e.getMessage(), e);
        } catch (ObjectStoreException e) {
            if (e.isTransient()) {
                throw new TransientFailure(e);
            }
            boolean checksum = "ChecksumMismatch".equals(e.errorCode());
            return deadLetter(record, checksum ? DeadLetterReason.CHECKSUM_MISMATCH : DeadLetterReason.PROCESSING_FAILED,
                    e.getMessage(), e);
        } catch (ImageRejectedException e) {
            return deadLetter(record, DeadLetterReason.IMAGE_DECODE_FAILED, e.getMessage(), e);
        } catch (RuntimeException e) {
            return deadLetter(record, DeadLetterReason.PROCESSING_FAILED, "rendering failed: " + e, e);
        }
    }

    private Future<?> deadLetter(ConsumerRecord<String, byte[]> record, DeadLetterReason reason, String message,
            Throwable cause) {
        LOG.warn("dead-lettering approval {} ({}): {}", record.key(), reason, message);
        deadLettered.incrementAndGet();
        return deadLetters.send(record, reason, message, cause);
    }

    private static ObjectRef eventRef(dev.cutout.common.store.ObjectRef stored) {
        return ObjectRef.newBuilder()
                .setBucket(stored.bucket())
                .setKey(stored.key())
                .setSha256(stored.sha256())
                .setSizeBytes(stored.size())
                .setContentType(stored.contentType())
                .build();
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failure that a later attempt may not meet: the record is read again instead of dead-lettered. */
    private static final class TransientFailure extends RuntimeException {
        TransientFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Stops consuming, lets the current batch finish and closes the clients; safe to call twice. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
