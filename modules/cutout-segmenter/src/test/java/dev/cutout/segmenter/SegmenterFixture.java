package dev.cutout.segmenter;

import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreConfig;
import dev.cutout.common.topic.Topic;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.IngestSource;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.PhotoIngested;
import dev.cutout.events.StudioMetadata;
import dev.cutout.local.LocalEndpoints;
import dev.cutout.local.LocalStack;
import dev.cutout.local.TopicReader;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.model.U2Net;
import dev.cutout.vision.model.U2NetSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Clients of a real local stack, tiny test weights, and helpers to feed photos in and read events out. */
final class SegmenterFixture implements AutoCloseable {

    static final int INPUT_SIZE = 64;

    final LocalStack stack;
    final ObjectStore store;
    final SchemaRegistryClient registry;
    final KafkaProducer<String, SpecificRecord> producer;
    private final Path dir;

    SegmenterFixture(LocalStack stack, Path dir) {
        this.dir = dir;
        this.stack = stack;
        LocalEndpoints endpoints = stack.endpoints();
        this.store = ObjectStore.connect(ObjectStoreConfig.of(endpoints.s3Endpoint(), endpoints.s3AccessKey(),
                endpoints.s3SecretKey()));
        this.registry = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", endpoints.bootstrapServers()),
                new StringSerializer(), new AvroSerializer<>(registry));
    }

    /** Freshly initialised small U²-Net weights, {@code dir/NAME-0000.params}. */
    static Path writeWeights(Path dir, String name) throws IOException {
        try (Model model = Model.newInstance(name, "PyTorch")) {
            U2Net net = new U2Net(U2NetSize.SMALL);
            model.setBlock(net);
            net.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3, INPUT_SIZE, INPUT_SIZE));
            SegmenterModels.saveWeights(model, dir, name);
        }
        return dir.resolve(name + "-0000.params");
    }

    SegmenterConfig config(String groupId, Path weights, Map<String, ?> overrides) {
        Map<String, Object> values = new HashMap<>(stack.endpoints().asConfig());
        values.put(SegmenterConfig.GROUP_ID, groupId);
        values.put(SegmenterConfig.MODEL_INPUT_SIZE, INPUT_SIZE);
        values.put(SegmenterConfig.MODEL_PATH, weights.toString());
        values.put(SegmenterConfig.MODEL_VERSION, 1);
        values.put(SegmenterConfig.MAX_BATCH_SIZE, 4);
        values.put(SegmenterConfig.MAX_BATCH_DELAY_MS, 50);
        values.put(SegmenterConfig.SHUTDOWN_TIMEOUT_MS, 20_000);
        // The test machine's cores are shared: idle libtorch threads would spin for them.
        values.put(SegmenterConfig.TORCH_THREADS, 1);
        values.putAll(overrides);
        return new SegmenterConfig(values);
    }

    static byte[] jpeg(int seed) throws IOException {
        BufferedImage image = new BufferedImage(96, 72, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 96, 72);
        g.setColor(new Color((seed * 53) % 256, (seed * 97) % 256, (seed * 31) % 256));
        g.fillOval(20 + seed % 10, 10, 50, 50);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }

    /** A JPEG whose data is cut short and overwritten with noise after its headers. */
    static byte[] corruptJpeg() throws IOException {
        byte[] good = jpeg(1);
        byte[] bad = java.util.Arrays.copyOf(good, good.length / 2);
        for (int i = 200; i < bad.length; i++) {
            bad[i] = (byte) (i * 7);
        }
        return bad;
    }

    /** Stores the bytes in the photos bucket and announces them on photos.ingested; returns the photo id. */
    String ingest(byte[] bytes) throws Exception {
        String photoId = UUID.randomUUID().toString();
        dev.cutout.common.store.ObjectRef stored = store.put(Buckets.PHOTOS, photoId + "/original.jpg", bytes,
                "image/jpeg");
        PhotoIngested event = PhotoIngested.newBuilder()
                .setPhotoId(photoId)
                .setPhoto(ObjectRef.newBuilder().setBucket(stored.bucket()).setKey(stored.key())
                        .setSha256(stored.sha256()).setSizeBytes(stored.size()).setContentType("image/jpeg")
                        .setWidth(96).setHeight(72).build())
                .setSource(IngestSource.CLI)
                .setMetadata(StudioMetadata.newBuilder().setSku("sku-" + photoId.substring(0, 4)).build())
                .setIngestedAt(Instant.now())
                .build();
        producer.send(new ProducerRecord<>(Topics.PHOTOS_INGESTED.name(), photoId, event)).get();
        return photoId;
    }

    List<String> ingestPhotos(int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(ingest(jpeg(i)));
        }
        return ids;
    }

    void sendRaw(String topic, String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                Map.of("bootstrap.servers", stack.endpoints().bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** A consumer of {@code topic} from its beginning, outside any group. */
    <T extends SpecificRecord> TopicReader<T> reader(Topic<T> topic) {
        return new TopicReader<>(new KafkaConsumer<>(Map.of(
                "bootstrap.servers", stack.endpoints().bootstrapServers(),
                "enable.auto.commit", false),
                new StringDeserializer(), topic.deserializer(registry)), topic.name());
    }

    Path dir() {
        return dir;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(2));
        store.close();
    }
}
