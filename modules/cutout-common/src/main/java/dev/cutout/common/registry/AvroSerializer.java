package dev.cutout.common.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serializer for Avro records (generated SpecificRecords or GenericRecords) in the
 * Confluent wire format. The record's schema is registered (or, with
 * {@code auto.register.schemas=false}, looked up) under the subject {@code <topic>-value}, or
 * {@code <topic>-key} for keys. See {@link AvroSerdeConfig} for the settings.
 */
public class AvroSerializer<T extends IndexedRecord> implements Serializer<T> {

  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private final Map<Schema, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /** For Kafka to instantiate; {@link #configure} must follow, with {@code schema.registry.url}. */
  public AvroSerializer() {}

  /** A serializer that talks to the registry through {@code client}, auto-registering schemas. */
  public AvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    this.isKey = isKey;
    this.autoRegister = config.autoRegisterSchemas();
    if (client == null) {
      client = clientFor(config);
    }
  }

  @Override
  public byte[] serialize(String topic, T record) {
    if (record == null) {
      return null;
    }
    if (client == null) {
      throw new SerializationException("AvroSerializer is not configured: " + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " is missing");
    }
    Schema schema = record.getSchema();
    String subject = AvroSerdeConfig.subject(topic, isKey);
    int id;
    try {
      id = autoRegister ? client.register(subject, schema) : client.idOf(subject, schema);
    } catch (SchemaRegistryException e) {
      throw new SerializationException((autoRegister ? "Could not register" : "Could not find")
          + " schema " + schema.getFullName() + " under subject " + subject + ": " + e.getMessage(), e);
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream(256);
      out.write(WireFormat.header(id));
      BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writers.computeIfAbsent(schema, s -> writerFor(record)).write(record, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("Could not encode " + schema.getFullName() + " for topic " + topic + ": " + e, e);
    }
  }

  @SuppressWarnings("unchecked")
  private static DatumWriter<Object> writerFor(IndexedRecord record) {
    if (record instanceof SpecificRecord) {
      // The generated class's own model carries its logical-type conversions (Instant for timestamps).
      SpecificData model = SpecificData.getForClass(record.getClass());
      return (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(record.getSchema(), model);
    }
    return new GenericDatumWriter<>(record.getSchema(), GenericData.get());
  }

  static SchemaRegistryClient clientFor(AvroSerdeConfig config) {
    String url = config.registryUrl();
    if (url == null || url.isBlank()) {
      throw new org.apache.kafka.common.config.ConfigException(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url,
          "the schema registry URL is required");
    }
    return new SchemaRegistryClient(url, Duration.ofMillis(config.requestTimeoutMs()));
  }
}
