package dev.cutout.common.registry;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * Settings of {@link AvroSerializer} and {@link AvroDeserializer}, read from the Kafka client
 * config map under the keys Confluent's serdes use, so one config serves both.
 */
public class AvroSerdeConfig extends AbstractConfig {

  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
  public static final String SPECIFIC_AVRO_KEY_TYPE = "specific.avro.key.type";
  public static final String SPECIFIC_AVRO_VALUE_TYPE = "specific.avro.value.type";
  public static final String SCHEMA_REGISTRY_TIMEOUT_MS = "schema.registry.request.timeout.ms";

  static final ConfigDef DEFINITION = new ConfigDef()
      .define(SCHEMA_REGISTRY_URL, Type.STRING, null, Importance.HIGH,
          "Base URL of the Confluent-API schema registry, e.g. http://localhost:8081. "
              + "Required unless the serde was built with a client.")
      .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
          "Whether the serializer registers a record's schema under the topic's subject; "
              + "when false the schema must already be registered.")
      .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.MEDIUM,
          "Whether the deserializer returns generated SpecificRecord classes (true) or GenericRecord (false).")
      .define(SPECIFIC_AVRO_KEY_TYPE, Type.CLASS, null, Importance.LOW,
          "SpecificRecord class keys are read into; by default the class named like the writer schema.")
      .define(SPECIFIC_AVRO_VALUE_TYPE, Type.CLASS, null, Importance.LOW,
          "SpecificRecord class values are read into; by default the class named like the writer schema.")
      .define(SCHEMA_REGISTRY_TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
          "Timeout of one schema registry request in milliseconds.");

  public AvroSerdeConfig(Map<String, ?> props) {
    super(DEFINITION, props, false);
  }

  /** The configured registry URL, or null. */
  public String registryUrl() {
    return getString(SCHEMA_REGISTRY_URL);
  }

  public boolean autoRegisterSchemas() {
    return getBoolean(AUTO_REGISTER_SCHEMAS);
  }

  public boolean specificAvroReader() {
    return getBoolean(SPECIFIC_AVRO_READER);
  }

  /** The configured reader class for keys or values, or null. */
  public Class<?> specificType(boolean isKey) {
    return getClass(isKey ? SPECIFIC_AVRO_KEY_TYPE : SPECIFIC_AVRO_VALUE_TYPE);
  }

  public long requestTimeoutMs() {
    return getLong(SCHEMA_REGISTRY_TIMEOUT_MS);
  }

  /** The subject records of {@code topic} are registered under: TopicNameStrategy. */
  public static String subject(String topic, boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }
}
