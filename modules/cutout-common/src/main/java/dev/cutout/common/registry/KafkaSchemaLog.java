package dev.cutout.common.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the registry's state in a single-partition compacted Kafka topic, in the record format
 * Confluent Schema Registry uses for its {@code _schemas} topic: JSON keys
 * {@code {"keytype":"SCHEMA","subject":...,"version":...,"magic":1}} and
 * {@code {"keytype":"CONFIG","subject":...,"magic":0}}, so compaction keeps every version and the
 * newest config. The registry using it must be the topic's only writer.
 */
final class KafkaSchemaLog implements SchemaLog {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Map<String, Object> clientConfig;
  private final String topic;
  private KafkaProducer<byte[], byte[]> producer;

  KafkaSchemaLog(Map<String, Object> clientConfig, String topic) {
    this.clientConfig = Map.copyOf(clientConfig);
    this.topic = topic;
  }

  @Override
  public void replay(Consumer<SchemaLogEntry> sink) {
    ensureTopic();
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "schema-registry-replay");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    int count = 0;
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), TIMEOUT).get(partition);
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (consumer.position(partition, TIMEOUT) < end) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("Timed out reading schema topic " + topic + " up to offset " + end);
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          SchemaLogEntry entry = decode(record.key(), record.value());
          if (entry != null) {
            sink.accept(entry);
            count++;
          }
        }
      }
    }
    LOG.info("Schema registry state rebuilt from {} entries of topic {}", count, topic);
    Map<String, Object> producerConfig = new HashMap<>(clientConfig);
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "schema-registry-writer");
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    producerConfig.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
    producerConfig.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
  }

  @Override
  public void append(SchemaLogEntry entry) {
    if (producer == null) {
      throw new IllegalStateException("replay() must run before append()");
    }
    try {
      producer.send(new ProducerRecord<>(topic, 0, key(entry), value(entry))).get(35, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw storeFailure(e);
    } catch (ExecutionException | TimeoutException e) {
      throw storeFailure(e);
    }
  }

  @Override
  public void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  private SchemaRegistryException storeFailure(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    return new SchemaRegistryException(500, SchemaRegistryException.STORE_ERROR,
        "Error while storing the change in Kafka topic " + topic + ": " + cause, cause);
  }

  /** Creates the topic (one partition, compacted) if absent; refuses one that would lose or reorder state. */
  private void ensureTopic() {
    try (Admin admin = Admin.create(adminConfig())) {
      TopicDescription description = describe(admin);
      if (description == null) {
        try {
          admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty())
                  .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
              .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
          LOG.info("Created compacted schema topic {}", topic);
          return;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw e;
          }
          description = describe(admin);
        }
      }
      if (description.partitions().size() != 1) {
        throw new IllegalStateException("Schema topic " + topic + " has " + description.partitions().size()
            + " partitions; it must have exactly 1 to keep the order of registrations");
      }
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
      Config config = admin.describeConfigs(Set.of(resource)).all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(resource);
      String policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
        throw new IllegalStateException("Schema topic " + topic + " has cleanup.policy=" + policy
            + "; it must be compact, or old schemas would be deleted");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing schema topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("Could not prepare schema topic " + topic + " on Kafka "
          + clientConfig.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG) + ": " + cause, cause);
    }
  }

  private TopicDescription describe(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
    try {
      return admin.describeTopics(Set.of(topic)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(topic);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null;
      }
      throw e;
    }
  }

  private Map<String, Object> adminConfig() {
    Map<String, Object> config = new HashMap<>(clientConfig);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "schema-registry-admin");
    return config;
  }

  static byte[] key(SchemaLogEntry entry) {
    ObjectNode key = JSON.createObjectNode();
    if (entry instanceof SchemaLogEntry.SchemaRegistered registered) {
      key.put("keytype", "SCHEMA").put("subject", registered.subject()).put("version", registered.version()).put("magic", 1);
    } else if (entry instanceof SchemaLogEntry.CompatibilitySet config) {
      key.put("keytype", "CONFIG").put("subject", config.subject()).put("magic", 0);
    }
    return key.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static byte[] value(SchemaLogEntry entry) {
    ObjectNode value = JSON.createObjectNode();
    if (entry instanceof SchemaLogEntry.SchemaRegistered registered) {
      value.put("subject", registered.subject()).put("version", registered.version())
          .put("id", registered.id()).put("schema", registered.schema()).put("deleted", false);
    } else if (entry instanceof SchemaLogEntry.CompatibilitySet config) {
      value.put("compatibilityLevel", config.level().name());
    }
    return value.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The entry a record holds, or null for records this registry does not act on (tombstones, other key types). */
  static SchemaLogEntry decode(byte[] keyBytes, byte[] valueBytes) {
    if (keyBytes == null || valueBytes == null) {
      return null;
    }
    try {
      JsonNode key = JSON.readTree(keyBytes);
      JsonNode value = JSON.readTree(valueBytes);
      switch (key.path("keytype").asText()) {
        case "SCHEMA":
          if (value.path("deleted").asBoolean(false)) {
            return null;
          }
          return new SchemaLogEntry.SchemaRegistered(value.path("subject").asText(), value.path("version").asInt(),
              value.path("id").asInt(), value.path("schema").asText());
        case "CONFIG":
          JsonNode subject = key.get("subject");
          return new SchemaLogEntry.CompatibilitySet(subject == null || subject.isNull() ? null : subject.asText(),
              CompatibilityLevel.parse(value.path("compatibilityLevel").asText()));
        default:
          return null;
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Skipping unreadable record in the schema topic: {}", e.toString());
      return null;
    }
  }
}
