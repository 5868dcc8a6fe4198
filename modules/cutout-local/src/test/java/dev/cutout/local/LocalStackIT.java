package dev.cutout.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import dev.cutout.common.registry.AvroDeserializer;
import dev.cutout.common.registry.AvroSerializer;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.common.store.ObjectStoreConfig;
import dev.cutout.common.store.ObjectStoreException;
import dev.cutout.events.IngestSource;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.PhotoIngested;
import dev.cutout.events.StudioMetadata;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded stack end to end: real broker, registry and S3 server, then a restart on the same data. */
class LocalStackIT {

    private static final String SUBJECT = FlowTopics.PHOTOS_INGESTED + "-value";

    @TempDir
    Path dataDir;

    @Test
    void servesTopicsBucketsAndAvroEventsAndKeepsThemAcrossARestart() throws Exception {
        LocalStackConfig config = LocalStackConfig.onFreePorts(dataDir);
        PhotoIngested event = photoIngested("photo-0001");
        int schemaId;
        int version;
        String clusterId;

        try (LocalStack stack = LocalStack.start(config)) {
            LocalEndpoints endpoints = stack.endpoints();
            clusterId = stack.clusterId();
            assertThat(stack.createdTopics()).hasSize(FlowTopics.specs(config).size());
            assertTopicsAsConfigured(endpoints.bootstrapServers(), config);
            try (ObjectStore objects = objectStore(endpoints)) {
                for (String bucket : LocalStack.BUCKETS) {
                    assertThat(objects.list(bucket, "")).as("bucket %s", bucket).isEmpty();
                }
                assertThatThrownBy(() -> objects.list("no-such-bucket", "")).isInstanceOf(ObjectStoreException.class);
                objects.put("photos", "photo-0001/original.jpg", "jpeg bytes".getBytes(StandardCharsets.UTF_8),
                        "image/jpeg");
            }

            SchemaRegistryClient registry = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
            try (KafkaProducer<String, PhotoIngested> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", endpoints.bootstrapServers(), "enable.idempotence", true),
                    new StringSerializer(), new AvroSerializer<>(registry))) {
                producer.send(new ProducerRecord<>(FlowTopics.PHOTOS_INGESTED, event.getPhotoId().toString(), event))
                        .get();
            }
            assertThat(consumeAll(endpoints, registry)).containsExactly(event);
            schemaId = registry.idOf(SUBJECT, PhotoIngested.getClassSchema());
            version = registry.latestVersion(SUBJECT).version();
        }

        try (LocalStack again = LocalStack.start(config)) {
            LocalEndpoints endpoints = again.endpoints();
            assertThat(again.clusterId()).isEqualTo(clusterId);
            assertThat(again.createdTopics()).isEmpty();
            // Startup time is a benchmark figure (printed by `cutout up`), not an assertion: CI machines are shared.
            assertThat(again.startupTime()).isPositive();

            SchemaRegistryClient fresh = new SchemaRegistryClient(endpoints.schemaRegistryUrl());
            assertThat(fresh.lookup(SUBJECT, PhotoIngested.getClassSchema()).id()).isEqualTo(schemaId);
            assertThat(fresh.latestVersion(SUBJECT).version()).isEqualTo(version);
            assertThat(consumeAll(endpoints, fresh)).containsExactly(event);
            try (ObjectStore objects = objectStore(endpoints)) {
                assertThat(new String(objects.get("photos", "photo-0001/original.jpg"), StandardCharsets.UTF_8))
                        .isEqualTo("jpeg bytes");
            }
        }
    }

    @Test
    void aBusyPortStopsTheStartBeforeAnyServerRuns() throws Exception {
        LocalStackConfig config = LocalStackConfig.onFreePorts(dataDir);
        try (var squatter = new java.net.ServerSocket()) {
            squatter.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName(config.host()),
                    config.registryPort()));

            assertThatThrownBy(() -> LocalStack.start(config))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining("Schema registry port " + config.registryPort());
        }
        assertThat(dataDir.resolve("kafka")).doesNotExist();
    }

    private static void assertTopicsAsConfigured(String bootstrap, LocalStackConfig config) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            List<String> expected = FlowTopics.specs(config).stream().map(TopicSpec::name).toList();
            assertThat(admin.listTopics().names().get()).containsAll(expected);
            Map<String, TopicDescription> described = admin.describeTopics(expected).allTopicNames().get();
            assertThat(described.values()).allSatisfy(d ->
                    assertThat(d.partitions()).hasSize(config.topicPartitions()));

            Set<ConfigResource> resources = expected.stream()
                    .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).collect(Collectors.toSet());
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
            Map<String, String> policies = configs.entrySet().stream().collect(Collectors.toMap(
                    e -> e.getKey().name(), e -> e.getValue().get("cleanup.policy").value()));
            assertThat(policies).containsEntry("models.released", "compact")
                    .containsEntry("photos.ingested", "delete")
                    .containsEntry("photos.ingested.dlq", "delete");
        }
    }

    private static List<PhotoIngested> consumeAll(LocalEndpoints endpoints, SchemaRegistryClient registry) {
        List<PhotoIngested> events = new ArrayList<>();
        try (KafkaConsumer<String, PhotoIngested> consumer = new KafkaConsumer<>(
                Map.of("bootstrap.servers", endpoints.bootstrapServers()),
                new StringDeserializer(), new AvroDeserializer<>(registry, PhotoIngested.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(FlowTopics.PHOTOS_INGESTED).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (events.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, PhotoIngested> r : consumer.poll(Duration.ofMillis(500))) {
                    assertThat(r.key()).isEqualTo(r.value().getPhotoId().toString());
                    events.add(r.value());
                }
            }
        }
        return events;
    }

    private static ObjectStore objectStore(LocalEndpoints endpoints) {
        return ObjectStore.connect(ObjectStoreConfig.of(endpoints.s3Endpoint(), endpoints.s3AccessKey(),
                endpoints.s3SecretKey()).withRetries(1, Duration.ZERO));
    }

    private static PhotoIngested photoIngested(String photoId) {
        return PhotoIngested.newBuilder()
                .setPhotoId(photoId)
                .setPhoto(ObjectRef.newBuilder()
                        .setBucket("photos")
                        .setKey(photoId + "/original.jpg")
                        .setSha256("0".repeat(64))
                        .setSizeBytes(10)
                        .setWidth(640)
                        .setHeight(427)
                        .setContentType("image/jpeg")
                        .build())
                .setOriginalFilename("shirt-front.jpg")
                .setSource(IngestSource.HOT_FOLDER)
                .setMetadata(StudioMetadata.newBuilder().setSku("SKU-1").setView("front").build())
                .setIngestedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }
}
