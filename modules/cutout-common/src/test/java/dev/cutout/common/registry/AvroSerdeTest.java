package dev.cutout.common.registry;

import static dev.cutout.common.registry.WireFormatTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.events.ModelRef;
import dev.cutout.events.ObjectRef;
import dev.cutout.events.PhotoIngested;
import dev.cutout.events.ProductCluster;
import dev.cutout.events.StudioMetadata;
import dev.cutout.events.IngestSource;
import java.time.Instant;
import java.util.Map;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serde's bytes, checked against hand-computed vectors, with a real registry over HTTP. */
class AvroSerdeTest {

  private static final String TOPIC = "models.released";

  private SchemaRegistryServer server;
  private SchemaRegistryClient client;

  @BeforeEach
  void start() {
    server = SchemaRegistryServer.inMemory(0).start();
    client = new SchemaRegistryClient(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void serializesAKnownRecordToExactBytes() {
    byte[] bytes = valueSerializer().serialize(TOPIC, new ModelRef("u2netp", 3));

    // magic 0, id 1 big-endian, string "u2netp" (zig-zag length 6 -> 0x0c), int 3 (zig-zag -> 0x06)
    assertThat(bytes).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01,
        0x0c, 'u', '2', 'n', 'e', 't', 'p', 0x06);
    assertThat(client.latestVersion(TOPIC + "-value").schema()).isEqualTo(ModelRef.getClassSchema());
  }

  @Test
  void serializesUnionBranchesAsIndexThenValue() {
    AvroSerializer<ProductCluster> serializer = valueSerializer();

    byte[] labelled = serializer.serialize("t", new ProductCluster(7, "shorts"));
    byte[] unlabelled = serializer.serialize("t", new ProductCluster(-1, null));

    // int 7 -> 0x0e; union branch 1 (string) -> 0x02, length 6 -> 0x0c; int -1 -> 0x01; branch 0 (null) -> 0x00
    assertThat(labelled).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01,
        0x0e, 0x02, 0x0c, 's', 'h', 'o', 'r', 't', 's');
    assertThat(unlabelled).containsExactly(0x00, 0x00, 0x00, 0x00, 0x01, 0x01, 0x00);
  }

  @Test
  void deserializesKnownBytesIntoTheGeneratedClass() {
    client.register(TOPIC + "-value", ModelRef.getClassSchema());

    ModelRef read = specificDeserializer(ModelRef.class)
        .deserialize(TOPIC, bytes(0x00, 0x00, 0x00, 0x00, 0x01, 0x0c, 'u', '2', 'n', 'e', 't', 'p', 0x06));

    assertThat(read).isEqualTo(new ModelRef("u2netp", 3));
  }

  @Test
  void keysGoToTheKeySubject() {
    AvroSerializer<ModelRef> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url()), true);

    serializer.serialize("models.released", new ModelRef("u2net", 1));

    assertThat(client.subjects()).containsExactly("models.released-key");
  }

  @Test
  void eventsWithTimestampsAndNestedRecordsRoundTrip() {
    PhotoIngested event = PhotoIngested.newBuilder()
        .setPhotoId("p-42")
        .setPhoto(ObjectRef.newBuilder().setBucket("photos").setKey("p-42/original.jpg").setSha256("0f".repeat(32))
            .setSizeBytes(88_000).setWidth(640).setHeight(427).setContentType("image/jpeg").build())
        .setSource(IngestSource.HOT_FOLDER)
        .setMetadata(StudioMetadata.newBuilder().setSku("SKU-1").setView("front").build())
        .setIngestedAt(Instant.parse("2025-01-02T03:04:05.678Z"))
        .build();
    AvroSerializer<PhotoIngested> serializer = valueSerializer();
    AvroDeserializer<PhotoIngested> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
        AvroSerdeConfig.SPECIFIC_AVRO_READER, "true"), false);

    PhotoIngested back = deserializer.deserialize("photos.ingested", serializer.serialize("photos.ingested", event));

    assertThat(back).isEqualTo(event);
    assertThat(back.getIngestedAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678Z"));
  }

  @Test
  void dataOfAnOlderWriterSchemaIsResolvedToTheCurrentClass() {
    GenericRecord old = new GenericData.Record(TestSchemas.CLUSTER_WITHOUT_LABEL);
    old.put("id", 5);
    byte[] bytes = new AvroSerializer<GenericRecord>(client).serialize("t", old);

    AvroDeserializer<ProductCluster> deserializer = new AvroDeserializer<>();
    deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
        AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, ProductCluster.class.getName()), false);

    ProductCluster read = deserializer.deserialize("t", bytes);

    assertThat(read).isEqualTo(new ProductCluster(5, null));
  }

  @Test
  void theSerdeOfAGeneratedClassRoundTripsForStreams() {
    AvroSerde<ModelRef> serde = new AvroSerde<>(client, ModelRef.class);
    serde.configure(Map.of(), false);

    byte[] bytes = serde.serializer().serialize("models.released", new ModelRef("u2net", 12));

    assertThat(serde.deserializer().deserialize("models.released", bytes)).isEqualTo(new ModelRef("u2net", 12));
    assertThat(client.subjects()).containsExactly("models.released-value");
  }

  @Test
  void withoutSpecificReaderRecordsComeBackGenericInTheWriterSchema() {
    byte[] bytes = valueSerializer().serialize("t", new ModelRef("u2netp", 9));
    AvroDeserializer<IndexedRecord> deserializer = new AvroDeserializer<>(client);
    deserializer.configure(Map.of(), false);

    IndexedRecord read = deserializer.deserialize("t", bytes);

    assertThat(read).isInstanceOf(GenericData.Record.class);
    assertThat(((GenericRecord) read).get("version")).isEqualTo(9);
    assertThat(read.getSchema()).isEqualTo(ModelRef.getClassSchema());
  }

  @Test
  void aBadMagicByteIsASerializationException() {
    byte[] json = "{\"name\":\"u2netp\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    assertThatThrownBy(() -> specificDeserializer(ModelRef.class).deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte 0x7b");
  }

  @Test
  void anUnknownSchemaIdIsASerializationException() {
    assertThatThrownBy(() -> specificDeserializer(ModelRef.class).deserialize("t", bytes(0x00, 0x00, 0x00, 0x00, 0x63, 0x02)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown schema id 99")
        .hasMessageContaining("40403");
  }

  @Test
  void aTruncatedPayloadIsASerializationException() {
    byte[] whole = valueSerializer().serialize("t", new ModelRef("u2netp", 3));
    byte[] truncated = java.util.Arrays.copyOf(whole, 8);

    assertThatThrownBy(() -> specificDeserializer(ModelRef.class).deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Could not decode")
        .hasMessageContaining("schema id 1");
  }

  @Test
  void withoutAutoRegistrationOnlyRegisteredSchemasAreWritten() {
    AvroSerializer<ModelRef> serializer = new AvroSerializer<>();
    serializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url(),
        AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false), false);

    assertThatThrownBy(() -> serializer.serialize("t", new ModelRef("u2netp", 3)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("t-value");

    int id = client.register("t-value", ModelRef.getClassSchema());
    assertThat(WireFormat.schemaId(serializer.serialize("t", new ModelRef("u2netp", 3)))).isEqualTo(id);
  }

  @Test
  void nullsStayNullForTombstones() {
    assertThat(valueSerializer().serialize("t", null)).isNull();
    assertThat(specificDeserializer(ModelRef.class).deserialize("t", null)).isNull();
  }

  @Test
  void aMissingRegistryUrlIsAConfigError() {
    assertThatThrownBy(() -> new AvroSerializer<ModelRef>().configure(Map.of(), false))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(AvroSerdeConfig.SCHEMA_REGISTRY_URL);
  }

  private <T extends IndexedRecord> AvroSerializer<T> valueSerializer() {
    AvroSerializer<T> serializer = new AvroSerializer<>(client);
    serializer.configure(Map.of(), false);
    return serializer;
  }

  private <T extends org.apache.avro.specific.SpecificRecord> AvroDeserializer<T> specificDeserializer(Class<T> type) {
    AvroDeserializer<T> deserializer = new AvroDeserializer<>(client, type);
    deserializer.configure(Map.of(), false);
    return deserializer;
  }
}
