package dev.cutout.ingest;

import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.dlq.DeadLetters;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.image.ImageInfo;
import dev.cutout.common.image.ImageRejectedException;
import dev.cutout.common.image.ImageRejectionReason;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.PhotoIngested;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every way in goes through: probe the header, store the original under a key derived
 * from its content, announce it on photos.ingested, and only then mark it ingested. A crash between
 * the steps leaves no marker, so offering the same bytes again redoes them (the writes overwrite) instead
 * of losing the photo. What the codec refuses goes to photos.ingested.dlq and is returned as rejected.
 * Thread-safe.
 */
public final class Ingestor {

    private static final Logger LOG = LoggerFactory.getLogger(Ingestor.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOCK_STRIPES = 64;

    private final ObjectStore store;
    private final Producer<String, SpecificRecord> producer;
    private final DeadLetterProducer deadLetters;
    private final ImageCodec codec;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];

    public Ingestor(ObjectStore store, Producer<String, SpecificRecord> producer, ImageCodec codec, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.deadLetters = new DeadLetterProducer(producer, IngestConfig.SERVICE);
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /**
     * Ingests one photo.
     *
     * @throws IngestFailedException when the store or Kafka cannot be reached: nothing is lost, the caller
     *                               keeps the photo and may offer it again
     */
    public IngestOutcome ingest(IngestRequest request) {
        byte[] content = request.content();
        String photoId = PhotoIds.of(content);
        ImageInfo info;
        try {
            info = codec.probe(content);
        } catch (ImageRejectedException e) {
            return reject(photoId, request, e);
        }
        // Concurrent offers of the same bytes (a double upload) must not both announce it.
        synchronized (locks[Math.floorMod(photoId.hashCode(), LOCK_STRIPES)]) {
            return accept(photoId, request, info);
        }
    }

    private IngestOutcome accept(String photoId, IngestRequest request, ImageInfo info) {
        String key = PhotoIds.originalKey(photoId, info.format());
        try {
            boolean seen = store.stat(Buckets.PHOTOS, PhotoIds.ingestedMarkerKey(photoId)).isPresent();
            if (seen) {
                dev.cutout.common.store.ObjectRef stored = store.stat(Buckets.PHOTOS, key)
                        .orElseGet(() -> store.put(Buckets.PHOTOS, key, request.content(),
                                info.format().contentType()));
                return new IngestOutcome.Accepted(photoId, eventRef(stored, info), true);
            }
            dev.cutout.common.store.ObjectRef stored = store.put(Buckets.PHOTOS, key, request.content(),
                    info.format().contentType());
            ObjectRef photo = eventRef(stored, info);
            PhotoIngested event = PhotoIngested.newBuilder()
                    .setPhotoId(photoId)
                    .setPhoto(photo)
                    .setOriginalFilename(request.originalFilename())
                    .setSource(request.source())
                    .setMetadata(request.metadata())
                    .setIngestedAt(clock.instant())
                    .build();
            await(producer.send(new ProducerRecord<>(Topics.PHOTOS_INGESTED.name(), photoId, event)));
            store.put(Buckets.PHOTOS, PhotoIds.ingestedMarkerKey(photoId), photoId.getBytes(StandardCharsets.UTF_8),
                    "text/plain");
            LOG.info("ingested {} ({}, {}x{}) from {} as {}", request.originalFilename(), info.format(),
                    info.width(), info.height(), request.source(), photoId);
            return new IngestOutcome.Accepted(photoId, photo, false);
        } catch (RuntimeException e) {
            throw new IngestFailedException("could not ingest " + describe(request) + ": " + e.getMessage(), e);
        }
    }

    private IngestOutcome reject(String photoId, IngestRequest request, ImageRejectedException refusal) {
        ImageRejectionReason reason = refusal.reason();
        String message = describe(request) + " refused: " + refusal.getMessage();
        DeadLetter letter = DeadLetters.of(IngestConfig.SERVICE, Topics.PHOTOS_INGESTED.name(), -1, -1L, photoId,
                null, DeadLetterReason.IMAGE_REJECTED, message, refusal);
        try {
            ObjectRef payload = keepRejected(photoId, request.content());
            if (payload != null) {
                letter = DeadLetter.newBuilder(letter).setPayload(payload).build();
            }
            await(deadLetters.send(letter));
        } catch (RuntimeException e) {
            throw new IngestFailedException("could not dead-letter " + describe(request) + ": " + e.getMessage(), e);
        }
        LOG.warn("rejected {}: {}", describe(request), refusal.getMessage());
        return new IngestOutcome.Rejected(photoId, reason, stripCode(refusal.getMessage(), reason));
    }

    /** Keeps refused bytes beside the letter, unless there are none or too many to keep. */
    private ObjectRef keepRejected(String photoId, byte[] content) {
        if (content.length == 0 || content.length > codec.limits().maxBytes()) {
            return null;
        }
        dev.cutout.common.store.ObjectRef kept = store.put(Buckets.PHOTOS, PhotoIds.rejectedKey(photoId), content,
                "application/octet-stream");
        return eventRef(kept, null);
    }

    private static String stripCode(String message, ImageRejectionReason reason) {
        String prefix = reason + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String describe(IngestRequest request) {
        return request.originalFilename() == null ? "photo from " + request.source()
                : "'" + request.originalFilename() + "'";
    }

    private static void await(java.util.concurrent.Future<?> sent) {
        try {
            sent.get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while sending", e);
        } catch (ExecutionException e) {
            throw new KafkaException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not acknowledge within " + SEND_TIMEOUT.toSeconds() + " s", e);
        }
    }

    static ObjectRef eventRef(dev.cutout.common.store.ObjectRef stored, ImageInfo info) {
        return ObjectRef.newBuilder()
                .setBucket(stored.bucket())
                .setKey(stored.key())
                .setSha256(stored.sha256())
                .setSizeBytes(stored.size())
                .setWidth(info == null ? null : info.width())
                .setHeight(info == null ? null : info.height())
                .setContentType(stored.contentType())
                .build();
    }
}
