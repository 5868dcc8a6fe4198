package dev.cutout.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cutout.common.image.ImageCodec;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreConfig;
import dev.cutout.common.topic.Topic;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.InferenceTiming;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.ModelRef;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.StudioMetadata;
import dev.cutout.local.LocalEndpoints;
import dev.cutout.local.LocalStack;
import dev.cutout.local.TopicReader;
import dev.cutout.vision.verify.VerifierCard;
import dev.cutout.vision.verify.VerifierModel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Clients of a real local stack and helpers to store photo and mask pairs, announce them on masks.inferred
 * as the segmenter does, and read what the verifier makes of them.
 */
final class VerifierFixture implements AutoCloseable {

    /** The segmenter model the masks claim to come from. */
    static final ModelRef SEGMENTER = new ModelRef("u2netp", 3);
    static final Instant INFERRED_AT = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    final LocalStack stack;
    final ObjectStore store;
    final SchemaRegistryClient registry;
    final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaProducer<String, byte[]> raw;
    private final ImageCodec codec = new ImageCodec();

    VerifierFixture(LocalStack stack) {
        this.stack = stack;
        LocalEndpoints endpoints = stack.endpoints();
        this.store = ObjectStore.connect(ObjectStoreConfig.of(endpoints.s3Endpoint(), endpoints.s3AccessKey(),
                endpoints.s3SecretKey()));
        this.registry = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
        Map<String, Object> props = Map.of("bootstrap.servers", endpoints.bootstrapServers());
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new AvroSerializer<>(registry));
        this.raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    VerifierConfig config(String groupId, Map<String, ?> overrides) {
        Map<String, Object> values = new HashMap<>(stack.endpoints().asConfig());
        values.put(VerifierConfig.GROUP_ID, groupId);
        values.put(VerifierConfig.MAX_POLL_RECORDS, 4);
        values.put(VerifierConfig.POLL_TIMEOUT_MS, 200L);
        values.put(VerifierConfig.RETRY_BACKOFF_MS, 200L);
        values.putAll(overrides);
        return new VerifierConfig(values);
    }

    /** The card of the verifier shipped in cutout-vision, the one the service starts with by default. */
    static VerifierCard shippedCard() throws IOException {
        try (InputStream in = shippedFile(VerifierModel.DEFAULT_NAME + ".card.json")) {
            return VerifierCard.read(in);
        }
    }

    /** A file of the shipped verifier, from the classpath. */
    static InputStream shippedFile(String name) throws IOException {
        InputStream in = VerifierModel.class.getResourceAsStream(VerifierModel.DEFAULT_RESOURCE_DIR + name);
        if (in == null) {
            throw new IOException("the shipped verifier lacks " + VerifierModel.DEFAULT_RESOURCE_DIR + name);
        }
        return in;
    }

    /** Stores the photo and its mask where the segmenter would and returns the masks.inferred event naming them. */
    MaskInferred storePair(String photoId, byte[] photo, String photoType, byte[] mask) {
        String extension = photoType.equals("image/png") ? "png" : "jpg";
        var storedPhoto = store.put(Buckets.PHOTOS, photoId + "/original." + extension, photo, photoType);
        var storedMask = store.put(Buckets.MASKS, photoId + "/" + SEGMENTER.getName() + "-v" + SEGMENTER.getVersion()
                + ".png", mask, "image/png");
        return inferred(photoId, ref(storedPhoto), ref(storedMask));
    }

    /** Stores {@link #drawnPair} of {@code seed} and returns the masks.inferred event naming it. */
    MaskInferred storeDrawnPair(String photoId, int seed) {
        byte[][] pair = drawnPair(seed);
        return storePair(photoId, pair[0], "image/png", pair[1]);
    }

    /** A drawn photo (a coloured ellipse on a light background) and its mask, as PNGs; the same for the same seed. */
    byte[][] drawnPair(int seed) {
        int w = 160;
        int h = 120;
        int x = 30 + seed % 20;
        int y = 15 + seed % 10;
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(new Color(235, 235, 230));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color((seed * 53) % 200, (seed * 97) % 200, (seed * 31) % 200));
        g.fillOval(x, y, 90, 80);
        g.dispose();
        BufferedImage mask = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        g = mask.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(x, y, 90, 80);
        g.dispose();
        return new byte[][] {codec.encodePng(photo), codec.encodePng(mask)};
    }

    static MaskInferred inferred(String photoId, ObjectRef photo, ObjectRef mask) {
        return MaskInferred.newBuilder()
                .setPhotoId(photoId)
                .setPhoto(photo)
                .setMask(mask)
                .setModel(SEGMENTER)
                .setMetadata(StudioMetadata.newBuilder().setSku("sku-" + photoId).build())
                .setTiming(InferenceTiming.newBuilder().setQueueMillis(1).setPreprocessMillis(2)
                        .setInferenceMillis(30).setPostprocessMillis(4).setBatchSize(1).setInputWidth(320)
                        .setInputHeight(320).setDevice("cpu").build())
                .setInferredAt(INFERRED_AT)
                .build();
    }

    static ObjectRef ref(dev.cutout.common.store.ObjectRef stored) {
        return ObjectRef.newBuilder().setBucket(stored.bucket()).setKey(stored.key())
                .setSha256(stored.sha256() == null ? "" : stored.sha256()).setSizeBytes(stored.size())
                .setWidth(null).setHeight(null).setContentType(stored.contentType()).build();
    }

    RecordMetadata send(MaskInferred event) throws Exception {
        return producer.send(new ProducerRecord<>(Topics.MASKS_INFERRED.name(), event.getPhotoId(), event)).get();
    }

    RecordMetadata sendRaw(String topic, String key, byte[] value) throws Exception {
        return raw.send(new ProducerRecord<>(topic, key, value)).get();
    }

    /** A consumer of {@code topic} from its beginning, outside any group. */
    <T extends SpecificRecord> TopicReader<T> reader(Topic<T> topic) {
        return new TopicReader<>(new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.endpoints().bootstrapServers(),
                "enable.auto.commit", false),
                new StringDeserializer(), topic.deserializer(registry)), topic.name());
    }

    /**
     * The group's committed offsets on masks.inferred, once they stand at the ends of the partitions: the
     * number of records they cover since the shared stack emptied the topic.
     */
    long committedToTheEnd(String group) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.endpoints().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.MASKS_INFERRED.name()))
                    .allTopicNames().get().get(Topics.MASKS_INFERRED.name()).partitions().stream()
                    .map(p -> new TopicPartition(Topics.MASKS_INFERRED.name(), p.partition())).toList();
            var ends = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            var starts = admin.listOffsets(partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()))).all().get();
            long total = 0;
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition).offset();
                long start = starts.get(partition).offset();
                OffsetAndMetadata offset = committed.get(partition);
                if (end > start) {
                    assertThat(offset).as("committed offset of %s", partition).isNotNull();
                }
                long position = offset == null ? start : offset.offset();
                assertThat(position).as("committed offset of %s", partition).isEqualTo(end);
                total += end - start;
            }
            return total;
        }
    }

    /** The first {@code count} photo and mask pairs of a real-data folder; skips the test when it is absent. */
    static List<Path[]> realPairs(String dataset, int count, boolean onePerCar) throws IOException {
        Path datasets = Path.of(System.getProperty("cutout.datasets", "../../../shared/datasets"));
        Path dir = datasets.resolve(dataset);
        assumeTrue(Files.isDirectory(dir.resolve("images")) && Files.isDirectory(dir.resolve("masks")),
                "skipped: real photos not found at " + dir.toAbsolutePath() + " (set -Dcutout.datasets=DIR)");
        List<Path[]> pairs = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        try (Stream<Path> images = Files.list(dir.resolve("images"))) {
            for (Path image : images.filter(p -> p.toString().endsWith(".jpg")).sorted().toList()) {
                String stem = image.getFileName().toString().replaceFirst("\\.jpg$", "");
                // Carvana views of one car are near duplicates: take one view per car.
                String group = onePerCar ? stem.replaceFirst("_\\d+$", "") : stem;
                Path mask = dir.resolve("masks").resolve(stem + ".png");
                if (seen.contains(group) || !Files.isRegularFile(mask)) {
                    continue;
                }
                seen.add(group);
                pairs.add(new Path[] {image, mask});
                if (pairs.size() == count) {
                    break;
                }
            }
        }
        assumeTrue(pairs.size() == count, "skipped: fewer than " + count + " photo and mask pairs in " + dir);
        return pairs;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
        raw.close(Duration.ofSeconds(2));
        store.close();
    }
}
