package dev.cutout.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.RandomData;
import org.junit.jupiter.api.Test;

/**
 * The gate on contract changes: every schema in schemas/ must read what its last released
 * version (schemas/released/) wrote. When a release is cut, copy the current files there.
 */
class SchemaEvolutionTest {

  private final Map<String, Schema> current = SchemaFiles.load(SchemaFiles.currentDir());
  private final Map<String, Schema> released = SchemaFiles.load(SchemaFiles.releasedDir());

  @Test
  void releasedVersionsAreKept() {
    assertThat(released).as("schemas/released/ must hold the last released schemas").isNotEmpty();
  }

  @Test
  void noReleasedSchemaIsRemoved() {
    assertThat(current.keySet()).containsAll(released.keySet());
  }

  @Test
  void everyCurrentSchemaIsBackwardCompatibleWithItsReleasedVersion() {
    Map<String, List<String>> broken = new LinkedHashMap<>();
    released.forEach((name, old) -> {
      Schema now = current.get(name);
      if (now != null) {
        List<String> problems = BackwardCompatibility.problems(now, old);
        if (!problems.isEmpty()) {
          broken.put(name, problems);
        }
      }
    });
    assertThat(broken).as("schemas that cannot read their released version's data").isEmpty();
  }

  @Test
  void generatedClassesReadDataWrittenWithTheReleasedSchemas() throws IOException {
    List<String> failures = new ArrayList<>();
    for (Schema old : released.values()) {
      if (old.getType() != Schema.Type.RECORD) {
        continue;
      }
      Class<?> generated = SpecificData.get().getClass(current.get(old.getFullName()));
      assertThat(generated).as("generated class of " + old.getFullName()).isNotNull();
      for (Object datum : new RandomData(GenericData.get(), old, 25, 42L)) {
        SpecificRecord read = readAs(old, encode(old, datum));
        if (!generated.isInstance(read)) {
          failures.add(old.getFullName() + " read as " + read.getClass());
        }
      }
    }
    assertThat(failures).isEmpty();
  }

  @Test
  void theGateRefusesARequiredFieldWithoutDefault() {
    Schema old = released.get("dev.cutout.events.ObjectRef");
    Schema withRequiredField = withExtraField(old, "{\"name\": \"etag\", \"type\": \"string\"}");
    Schema withOptionalField =
        withExtraField(old, "{\"name\": \"etag\", \"type\": [\"null\", \"string\"], \"default\": null}");

    assertThat(BackwardCompatibility.problems(withRequiredField, old))
        .singleElement()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("etag");
    assertThat(BackwardCompatibility.problems(withOptionalField, old)).isEmpty();
  }

  @Test
  void theGateRefusesARemovedEnumSymbolWithoutDefault() {
    Schema old = released.get("dev.cutout.events.ReviewOutcome");
    Schema narrowed = new Schema.Parser()
        .parse(old.toString().replace("\"ACCEPTED\",", ""));

    assertThat(BackwardCompatibility.problems(narrowed, old))
        .singleElement()
        .asString()
        .contains("MISSING_ENUM_SYMBOLS");
  }

  private static Schema withExtraField(Schema record, String fieldJson) {
    String json = record.toString();
    int end = json.lastIndexOf("]}");
    return new Schema.Parser().parse(json.substring(0, end) + "," + fieldJson + json.substring(end));
  }

  private static byte[] encode(Schema schema, Object datum) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<>(schema).write(datum, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private SpecificRecord readAs(Schema writer, byte[] bytes) throws IOException {
    Schema reader = current.get(writer.getFullName());
    return new SpecificDatumReader<SpecificRecord>(writer, reader)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
  }
}
