package dev.cutout.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.junit.jupiter.api.Test;

/** Rules every event contract follows, so that the schemas stay typed and evolvable. */
class EventContractsTest {

  private static final List<String> FLOW_EVENTS = List.of(
      "PhotoIngested", "MaskInferred", "MaskScored", "ReviewRequested", "ReviewDecision",
      "DatasetSample", "CutoutApproved", "CutoutPublished", "ModelReleased", "TrainingRun",
      "DeadLetter");

  private final Map<String, Schema> current = SchemaFiles.load(SchemaFiles.currentDir());

  @Test
  void everyEventOfTheFlowHasASchemaInTheEventsNamespace() {
    for (String event : FLOW_EVENTS) {
      assertThat(current).containsKey("dev.cutout.events." + event);
    }
    assertThat(current.values()).allSatisfy(s -> assertThat(s.getNamespace()).isEqualTo("dev.cutout.events"));
  }

  @Test
  void everyOptionalFieldDefaultsToNull() {
    List<String> offenders = new ArrayList<>();
    forEachField((record, field) -> {
      if (field.schema().isNullable() && !(field.hasDefaultValue() && field.defaultVal() == org.apache.avro.JsonProperties.NULL_VALUE)) {
        offenders.add(record + "." + field.name());
      }
    });
    assertThat(offenders).as("optional fields need \"default\": null to be added compatibly").isEmpty();
  }

  @Test
  void timestampsAreTimestampMillis() {
    List<String> offenders = new ArrayList<>();
    forEachField((record, field) -> {
      if (field.name().endsWith("At")) {
        Schema type = field.schema().isNullable()
            ? field.schema().getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow()
            : field.schema();
        if (!(type.getLogicalType() instanceof LogicalTypes.TimestampMillis)) {
          offenders.add(record + "." + field.name());
        }
      }
    });
    assertThat(offenders).isEmpty();
  }

  @Test
  void allDocumented() {
    List<String> undocumented = new ArrayList<>();
    current.values().forEach(s -> {
      if (s.getDoc() == null || s.getDoc().isBlank()) {
        undocumented.add(s.getFullName());
      }
    });
    forEachField((record, field) -> {
      if (field.doc() == null || field.doc().isBlank()) {
        undocumented.add(record + "." + field.name());
      }
    });
    assertThat(undocumented).isEmpty();
  }

  @Test
  void aGeneratedEventRoundTripsWithTypedFields() throws IOException {
    ObjectRef photo = ObjectRef.newBuilder()
        .setBucket("photos").setKey("p-1/original.jpg").setSha256("ab".repeat(32))
        .setSizeBytes(123_456L).setWidth(640).setHeight(427).setContentType("image/jpeg").build();
    ReviewDecision decision = ReviewDecision.newBuilder()
        .setReviewId("p-1@u2netp-3").setPhotoId("p-1").setPhoto(photo)
        .setMask(ObjectRef.newBuilder(photo).setBucket("masks").setKey("p-1/u2netp-3.png")
            .setContentType("image/png").build())
        .setModel(new ModelRef("u2netp", 3))
        .setMetadata(StudioMetadata.newBuilder().setSku("SKU-9").setPriority(Priority.RUSH).build())
        .setOutcome(ReviewOutcome.CORRECTED)
        .setCorrectedMask(ObjectRef.newBuilder(photo).setBucket("masks").setKey("p-1/human.png").build())
        .setReviewer("anna")
        .setDecidedAt(Instant.ofEpochMilli(1_700_000_000_123L))
        .build();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<>(ReviewDecision.class).write(decision, encoder);
    encoder.flush();
    ReviewDecision back = new SpecificDatumReader<>(ReviewDecision.class)
        .read(null, DecoderFactory.get().binaryDecoder(out.toByteArray(), null));

    assertThat(back).isEqualTo(decision);
    assertThat(back.getDecidedAt()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_123L));
    assertThat(back.getOutcome()).isEqualTo(ReviewOutcome.CORRECTED);
    assertThat(back.getCorrectedMask().getKey()).isEqualTo("p-1/human.png");
    assertThat(back.getMetadata().getView()).isNull();
  }

  private void forEachField(java.util.function.BiConsumer<String, Schema.Field> action) {
    for (Schema schema : current.values()) {
      if (schema.getType() == Schema.Type.RECORD) {
        schema.getFields().forEach(f -> action.accept(schema.getName(), f));
      }
    }
  }
}
