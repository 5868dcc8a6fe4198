package dev.cutout.segmenter;

import dev.cutout.common.dlq.DeadLetterProducer;
import dev.cutout.common.image.DecodedImage;
import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.image.ImageRejectedException;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectNotFoundException;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreException;
import dev.cutout.common.topic.Topic;
import dev.cutout.events.DeadLetterReason;
import dev.cutout.events.InferenceTiming;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.PhotoIngested;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.MaskRefiner;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one batch in two steps, so that a worker can infer the next batch while this one is written:
 * {@link #infer} fetches and decodes each photo and infers the batch; {@link #write} refines and stores
 * each mask, emits masks.inferred, and returns only once every output (mask, event or dead letter) is
 * acknowledged, so that the caller may then commit the batch's offsets. A photo that cannot be used goes
 * to the dead-letter topic and the rest of the batch carries on.
 */
public final class BatchProcessor {

    private static final Logger log = LoggerFactory.getLogger(BatchProcessor.class);
    private static final String MASK_CONTENT_TYPE = "image/png";

    private final ObjectStore store;
    private final ImageCodec codec;
    private final Producer<String, SpecificRecord> producer;
    private final DeadLetterProducer deadLetters;
    private final Topic<MaskInferred> outputTopic;
    private final String device;

    public BatchProcessor(ObjectStore store, ImageCodec codec, Producer<String, SpecificRecord> producer,
                          DeadLetterProducer deadLetters, Topic<MaskInferred> outputTopic, String device) {
        this.store = store;
        this.codec = codec;
        this.producer = producer;
        this.deadLetters = deadLetters;
        this.outputTopic = outputTopic;
        this.device = device;
    }

    private record Loaded(ConsumerRecord<String, PhotoIngested> record, BufferedImage image, long preprocessMillis) {
    }

    /** A photo's raw mask, at the network's input size, and what its inference took. */
    private record InferredPhoto(Loaded photo, AlphaMask raw, long inferenceMillis, int batchSize) {
    }

    /** A batch inferred but not written: its masks, and the acknowledgements of the dead letters sent so far. */
    public static final class Inferred {
        private final Batch batch;
        private final List<InferredPhoto> photos = new ArrayList<>();
        private final List<Future<RecordMetadata>> acks = new ArrayList<>();

        private Inferred(Batch batch) {
            this.batch = batch;
        }

        public Batch batch() {
            return batch;
        }
    }

    /**
     * Fetches, decodes and infers the batch; the photos that cannot be used are dead-lettered on the way.
     *
     * @throws ObjectStoreException when the store keeps failing after its retries: the batch is then not
     *                              done, and its records are read again after a restart
     */
    public Inferred infer(Batch batch, MaskPredictor predictor) {
        Inferred inferred = new Inferred(batch);
        List<Loaded> loaded = new ArrayList<>();
        for (ConsumerRecord<String, PhotoIngested> record : batch.records()) {
            long t0 = System.nanoTime();
            try {
                BufferedImage image = load(record.value());
                loaded.add(new Loaded(record, image, millisSince(t0)));
            } catch (ImageRejectedException e) {
                inferred.acks.add(deadLetter(record, DeadLetterReason.IMAGE_REJECTED, e.reason() + ": " + e.getMessage(), e));
            } catch (ObjectNotFoundException e) {
                inferred.acks.add(deadLetter(record, DeadLetterReason.OBJECT_NOT_FOUND, e.getMessage(), e));
            } catch (ObjectStoreException e) {
                if (e.isTransient()) {
                    throw e;
                }
                DeadLetterReason reason = "ChecksumMismatch".equals(e.errorCode())
                        ? DeadLetterReason.CHECKSUM_MISMATCH : DeadLetterReason.PROCESSING_FAILED;
                inferred.acks.add(deadLetter(record, reason, e.getMessage(), e));
            } catch (RuntimeException e) {
                inferred.acks.add(deadLetter(record, DeadLetterReason.IMAGE_DECODE_FAILED, e.toString(), e));
            }
        }
        if (!loaded.isEmpty()) {
            inferAll(inferred, loaded, predictor);
        }
        return inferred;
    }

    /**
     * Refines and stores each mask of an inferred batch, emits its events, and waits until every output of
     * the batch is acknowledged.
     *
     * @throws ExecutionException when Kafka did not acknowledge an output
     */
    public void write(Inferred inferred, MaskRefiner refiner) throws ExecutionException, InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(inferred.acks);
        for (InferredPhoto photo : inferred.photos) {
            acks.add(emit(inferred.batch, photo, refiner));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    private BufferedImage load(PhotoIngested photo) {
        byte[] bytes = store.get(dev.cutout.common.store.ObjectRef.of(photo.getPhoto()));
        DecodedImage decoded = codec.decode(bytes);
        return decoded.image();
    }

    private void inferAll(Inferred inferred, List<Loaded> loaded, MaskPredictor predictor) {
        List<BufferedImage> images = loaded.stream().map(Loaded::image).toList();
        List<AlphaMask> raw;
        long t0 = System.nanoTime();
        try {
            raw = predictor.infer(images);
        } catch (Exception e) {
            // One bad input can fail the whole batch: retry one by one so that only it goes to the DLQ.
            log.warn("batch of {} failed ({}), inferring its photos one by one", images.size(), e.toString());
            inferOneByOne(inferred, loaded, predictor);
            return;
        }
        long inferenceMillis = millisSince(t0) / loaded.size();
        for (int i = 0; i < loaded.size(); i++) {
            inferred.photos.add(new InferredPhoto(loaded.get(i), raw.get(i), inferenceMillis, loaded.size()));
        }
    }

    private void inferOneByOne(Inferred inferred, List<Loaded> loaded, MaskPredictor predictor) {
        for (Loaded photo : loaded) {
            long t0 = System.nanoTime();
            try {
                AlphaMask raw = predictor.infer(List.of(photo.image())).get(0);
                inferred.photos.add(new InferredPhoto(photo, raw, millisSince(t0), 1));
            } catch (Exception e) {
                inferred.acks.add(deadLetter(photo.record(), DeadLetterReason.PROCESSING_FAILED, e.toString(), e));
            }
        }
    }

    private Future<RecordMetadata> emit(Batch batch, InferredPhoto inferred, MaskRefiner refiner) {
        long t0 = System.nanoTime();
        Loaded photo = inferred.photo();
        PhotoIngested ingested = photo.record().value();
        AlphaMask mask = refiner.refine(inferred.raw(), photo.image());
        byte[] png = codec.encodeGrayPng(mask.toGrayImage());
        String key = MaskKeys.of(ingested.getPhotoId(), batch.model().ref());
        dev.cutout.common.store.ObjectRef stored = store.put(Buckets.MASKS, key, png, MASK_CONTENT_TYPE);
        long postprocessMillis = millisSince(t0);
        int inputSize = batch.model().model().inputSize();
        MaskInferred event = MaskInferred.newBuilder()
                .setPhotoId(ingested.getPhotoId())
                .setPhoto(ingested.getPhoto())
                .setMask(ObjectRef.newBuilder()
                        .setBucket(stored.bucket())
                        .setKey(stored.key())
                        .setSha256(stored.sha256())
                        .setSizeBytes(stored.size())
                        .setWidth(mask.width())
                        .setHeight(mask.height())
                        .setContentType(MASK_CONTENT_TYPE)
                        .build())
                .setModel(batch.model().ref())
                .setMetadata(ingested.getMetadata())
                .setTiming(InferenceTiming.newBuilder()
                        .setQueueMillis(Math.max(0, batch.dispatchedAtMillis() - ingested.getIngestedAt().toEpochMilli()))
                        .setPreprocessMillis(photo.preprocessMillis())
                        .setInferenceMillis(inferred.inferenceMillis())
                        .setPostprocessMillis(postprocessMillis)
                        .setBatchSize(inferred.batchSize())
                        .setInputWidth(inputSize)
                        .setInputHeight(inputSize)
                        .setDevice(device)
                        .build())
                .setInferredAt(Instant.now())
                .build();
        return producer.send(new ProducerRecord<>(outputTopic.name(), photo.record().key(), event));
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<String, PhotoIngested> record, DeadLetterReason reason,
                                              String message, Throwable error) {
        log.warn("dead letter {}-{}@{} key={}: {} {}", record.topic(), record.partition(), record.offset(),
                record.key(), reason, message);
        return deadLetters.send(record, reason, message, error);
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
