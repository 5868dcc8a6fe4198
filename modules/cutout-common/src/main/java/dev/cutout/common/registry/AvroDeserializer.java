package dev.cutout.common.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for the Confluent wire format. Reads each record with the writer's schema,
 * fetched by id from the registry, and resolves it to the reader's schema: the generated
 * SpecificRecord class ({@code specific.avro.reader=true}, or a class given to the constructor)
 * or a GenericRecord in the writer's schema. A payload that is not in the wire format, names an
 * unknown schema id or does not decode raises a {@link SerializationException} naming the cause,
 * which consumers route to the dead-letter topic.
 */
public class AvroDeserializer<T extends IndexedRecord> implements Deserializer<T> {

  private SchemaRegistryClient client;
  private Class<? extends SpecificRecord> readerClass;
  private boolean specific;
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

  /** For Kafka to instantiate; {@link #configure} must follow, with {@code schema.registry.url}. */
  public AvroDeserializer() {}

  /** A deserializer that returns GenericRecords unless configured with {@code specific.avro.reader=true}. */
  public AvroDeserializer(SchemaRegistryClient client) {
    this.client = client;
  }

  /** A deserializer that always reads into {@code readerClass}, whatever schema version wrote the data. */
  public AvroDeserializer(SchemaRegistryClient client, Class<T> readerClass) {
    this.client = client;
    this.readerClass = readerClass.asSubclass(SpecificRecord.class);
    this.specific = true;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs);
    if (readerClass == null) {
      Class<?> type = config.specificType(isKey);
      if (type != null) {
        if (!SpecificRecord.class.isAssignableFrom(type)) {
          throw new org.apache.kafka.common.config.ConfigException(type.getName() + " is not a SpecificRecord class");
        }
        readerClass = type.asSubclass(SpecificRecord.class);
      }
      specific = readerClass != null || config.specificAvroReader();
    }
    if (client == null) {
      client = AvroSerializer.clientFor(config);
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(String topic, byte[] data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new SerializationException("AvroDeserializer is not configured: " + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " is missing");
    }
    int id = WireFormat.schemaId(data);
    DatumReader<Object> reader = readers.computeIfAbsent(id, this::readerFor);
    try {
      return (T) reader.read(null, DecoderFactory.get().binaryDecoder(
          data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
    } catch (Exception e) {
      throw new SerializationException("Could not decode Avro payload of topic " + topic
          + " with schema id " + id + ": " + e, e);
    }
  }

  private DatumReader<Object> readerFor(int id) {
    Schema writer;
    try {
      writer = client.schemaById(id);
    } catch (SchemaRegistryException e) {
      throw new SerializationException(e.isNotFound()
          ? "Unknown schema id " + id + ": the registry has no such schema (error " + e.errorCode() + ")"
          : "Could not fetch schema id " + id + " from the registry: " + e.getMessage(), e);
    }
    if (!specific) {
      return new GenericDatumReader<>(writer, writer, GenericData.get());
    }
    Class<?> type = readerClass != null ? readerClass : SpecificData.get().getClass(writer);
    if (type == null) {
      throw new SerializationException("No generated class " + writer.getFullName()
          + " on the classpath to read schema id " + id + " into");
    }
    SpecificData model = SpecificData.getForClass(type);
    return castReader(new SpecificDatumReader<>(writer, model.getSchema(type), model));
  }

  @SuppressWarnings("unchecked")
  private static DatumReader<Object> castReader(DatumReader<?> reader) {
    return (DatumReader<Object>) reader;
  }
}
