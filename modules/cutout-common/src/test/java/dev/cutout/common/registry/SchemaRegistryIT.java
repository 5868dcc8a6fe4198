package dev.cutout.common.registry;

import static dev.cutout.common.registry.TestSchemas.CLUSTER;
import static dev.cutout.common.registry.TestSchemas.CLUSTER_WITH_OPTIONAL_FIELD;
import static dev.cutout.common.registry.TestSchemas.CLUSTER_WITH_REQUIRED_FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.events.IngestSource;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.PhotoIngested;
import dev.cutout.events.StudioMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry server and the serde against a real single-node KRaft broker. */
class SchemaRegistryIT {

  private static KafkaClusterTestKit kafka;

  @BeforeAll
  static void startKafka() throws Exception {
    kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
            .setCombined(true)
            .setNumBrokerNodes(1)
            .setNumControllerNodes(1)
            .build())
        .setConfigProp("offsets.topic.replication.factor", "1")
        .setConfigProp("transaction.state.log.replication.factor", "1")
        .setConfigProp("group.initial.rebalance.delay.ms", "0")
        .build();
    kafka.format();
    kafka.startup();
    kafka.waitForReadyBrokers();
  }

  @AfterAll
  static void stopKafka() throws Exception {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void storesSchemasInACompactedTopicAndKeepsIdsAndVersionsAcrossARestart() throws Exception {
    String topic = "_schemas_restart";
    int clusterId;
    int evolvedId;
    int otherId;
    try (SchemaRegistryServer server = new SchemaRegistryServer(kafka.bootstrapServers(), topic, 0).start()) {
      SchemaRegistryClient client = new SchemaRegistryClient(server.url());
      clusterId = client.register("masks.scored-value", CLUSTER);

      assertThatThrownBy(() -> client.register("masks.scored-value", CLUSTER_WITH_REQUIRED_FIELD))
          .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.httpStatus()).isEqualTo(409));

      evolvedId = client.register("masks.scored-value", CLUSTER_WITH_OPTIONAL_FIELD);
      otherId = client.register("review.requests-value", CLUSTER_WITH_REQUIRED_FIELD);
      client.setCompatibility("review.requests-value", CompatibilityLevel.FULL);
      assertThat(client.versions("masks.scored-value")).containsExactly(1, 2);
    }

    assertThat(topicConfig(topic, "cleanup.policy")).isEqualTo("compact");
    assertThat(partitions(topic)).isEqualTo(1);

    try (SchemaRegistryServer restarted = new SchemaRegistryServer(kafka.bootstrapServers(), topic, 0).start()) {
      SchemaRegistryClient client = new SchemaRegistryClient(restarted.url());

      assertThat(client.version("masks.scored-value", 1)).isEqualTo(new SubjectVersion("masks.scored-value", 1, clusterId, CLUSTER));
      assertThat(client.latestVersion("masks.scored-value"))
          .isEqualTo(new SubjectVersion("masks.scored-value", 2, evolvedId, CLUSTER_WITH_OPTIONAL_FIELD));
      assertThat(client.latestVersion("review.requests-value").id()).isEqualTo(otherId);
      assertThat(client.compatibility("review.requests-value")).isEqualTo(CompatibilityLevel.FULL);
      assertThat(client.register("masks.scored-value", CLUSTER_WITH_OPTIONAL_FIELD)).isEqualTo(evolvedId);
      assertThat(client.register("photos.ingested-value", PhotoIngested.getClassSchema()))
          .as("ids continue after the replayed ones")
          .isEqualTo(Math.max(Math.max(clusterId, evolvedId), otherId) + 1);
    }
  }

  @Test
  void producesWithTheSerializerAndConsumesBackWithTheDeserializer() throws Exception {
    String topic = "photos.ingested";
    List<PhotoIngested> sent = List.of(photo("p-1"), photo("p-2"), photo("p-3"));
    try (SchemaRegistryServer registry = new SchemaRegistryServer(kafka.bootstrapServers(), "_schemas_serde", 0).start()) {
      Map<String, Object> serdeConfig = Map.of(
          AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url(),
          AvroSerdeConfig.SPECIFIC_AVRO_READER, true);

      try (KafkaProducer<String, PhotoIngested> producer = new KafkaProducer<>(
          merge(serdeConfig, Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
              ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
              ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class)))) {
        for (PhotoIngested event : sent) {
          producer.send(new ProducerRecord<>(topic, event.getPhotoId(), event)).get();
        }
      }

      List<PhotoIngested> received = new ArrayList<>();
      try (KafkaConsumer<String, PhotoIngested> consumer = new KafkaConsumer<>(
          merge(serdeConfig, consumerConfig("serde-it", AvroDeserializer.class)))) {
        consumer.subscribe(List.of(topic));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (received.size() < sent.size() && System.nanoTime() < deadline) {
          for (ConsumerRecord<String, PhotoIngested> record : consumer.poll(Duration.ofMillis(500))) {
            assertThat(record.key()).isEqualTo(record.value().getPhotoId());
            received.add(record.value());
          }
        }
      }

      assertThat(received).containsExactlyElementsOf(sent);
      assertThat(new SchemaRegistryClient(registry.url()).latestVersion(topic + "-value").schema())
          .isEqualTo(PhotoIngested.getClassSchema());
    }
  }

  @Test
  void aRecordNotInTheWireFormatFailsThePollAtItsOffset() throws Exception {
    String topic = "masks.inferred";
    try (SchemaRegistryServer registry = new SchemaRegistryServer(kafka.bootstrapServers(), "_schemas_poison", 0).start()) {
      try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
        producer.send(new ProducerRecord<>(topic, "p-9", "{\"not\": \"avro\"}".getBytes())).get();
      }

      try (KafkaConsumer<String, PhotoIngested> consumer = new KafkaConsumer<>(merge(
          Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()),
          consumerConfig("poison-it", AvroDeserializer.class)))) {
        consumer.subscribe(List.of(topic));
        RecordDeserializationException failure = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (failure == null && System.nanoTime() < deadline) {
          try {
            consumer.poll(Duration.ofMillis(500));
          } catch (RecordDeserializationException e) {
            failure = e;
          }
        }
        assertThat(failure).as("poll must fail on the poison record").isNotNull();
        assertThat(failure.offset()).isZero();
        assertThat(failure.topicPartition().topic()).isEqualTo(topic);
        assertThat(failure.getCause()).hasMessageContaining("Unknown magic byte 0x7b");
      }
    }
  }

  private static PhotoIngested photo(String id) {
    return PhotoIngested.newBuilder()
        .setPhotoId(id)
        .setPhoto(ObjectRef.newBuilder().setBucket("photos").setKey(id + "/original.jpg").setSha256("ab".repeat(32))
            .setSizeBytes(1234).setWidth(640).setHeight(427).setContentType("image/jpeg").build())
        .setSource(IngestSource.HTTP_UPLOAD)
        .setMetadata(StudioMetadata.newBuilder().setSku("SKU-" + id).build())
        .setIngestedAt(Instant.ofEpochMilli(1_750_000_000_000L))
        .build();
  }

  private static Map<String, Object> consumerConfig(String group, Class<?> valueDeserializer) {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, valueDeserializer);
  }

  private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> merged = new java.util.HashMap<>(a);
    merged.putAll(b);
    return merged;
  }

  private static String topicConfig(String topic, String name) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      return admin.describeConfigs(Set.of(resource)).all().get().get(resource).get(name).value();
    }
  }

  private static int partitions(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
      TopicDescription description = admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
      return description.partitions().size();
    }
  }
}
