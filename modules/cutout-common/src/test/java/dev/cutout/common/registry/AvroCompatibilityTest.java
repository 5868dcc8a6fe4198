package dev.cutout.common.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class AvroCompatibilityTest {

  private static final Schema ONLY_A = record("{\"name\": \"a\", \"type\": \"int\"}");
  private static final Schema A_AND_REQUIRED_B =
      record("{\"name\": \"a\", \"type\": \"int\"}, {\"name\": \"b\", \"type\": \"string\"}");
  private static final Schema NO_FIELDS = record("");

  @Test
  void addingARequiredFieldBreaksBackwardButNotForward() {
    List<Schema> previous = List.of(ONLY_A);

    assertThat(AvroCompatibility.problems(CompatibilityLevel.BACKWARD, A_AND_REQUIRED_B, previous))
        .singleElement().asString()
        .contains("cannot read data written with an earlier version")
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
    assertThat(AvroCompatibility.problems(CompatibilityLevel.FORWARD, A_AND_REQUIRED_B, previous)).isEmpty();
    assertThat(AvroCompatibility.problems(CompatibilityLevel.FULL, A_AND_REQUIRED_B, previous)).hasSize(1);
    assertThat(AvroCompatibility.problems(CompatibilityLevel.NONE, A_AND_REQUIRED_B, previous)).isEmpty();
  }

  @Test
  void removingARequiredFieldBreaksForwardButNotBackward() {
    List<Schema> previous = List.of(ONLY_A);

    assertThat(AvroCompatibility.problems(CompatibilityLevel.BACKWARD, NO_FIELDS, previous)).isEmpty();
    assertThat(AvroCompatibility.problems(CompatibilityLevel.FORWARD, NO_FIELDS, previous))
        .singleElement().asString()
        .contains("an earlier version cannot read data written with the new schema");
  }

  @Test
  void transitiveLevelsCheckEveryEarlierVersion() {
    Schema withDefaultB = record("{\"name\": \"b\", \"type\": \"string\", \"default\": \"x\"}");
    Schema withRequiredB = record("{\"name\": \"b\", \"type\": \"string\"}");
    List<Schema> previous = List.of(NO_FIELDS, withDefaultB);

    assertThat(AvroCompatibility.problems(CompatibilityLevel.BACKWARD, withRequiredB, previous)).isEmpty();
    assertThat(AvroCompatibility.problems(CompatibilityLevel.BACKWARD_TRANSITIVE, withRequiredB, previous))
        .singleElement().asString().contains("READER_FIELD_MISSING_DEFAULT_VALUE");
  }

  @Test
  void theFirstVersionIsAlwaysAccepted() {
    assertThat(AvroCompatibility.problems(CompatibilityLevel.FULL_TRANSITIVE, ONLY_A, List.of())).isEmpty();
  }

  @Test
  void levelsParseIgnoringCaseAndNameTheValidOnes() {
    assertThat(CompatibilityLevel.parse("backward_transitive")).isEqualTo(CompatibilityLevel.BACKWARD_TRANSITIVE);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompatibilityLevel.parse("SIDEWAYS"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SIDEWAYS")
        .hasMessageContaining("FULL_TRANSITIVE");
  }

  private static Schema record(String fields) {
    return new Schema.Parser().parse(
        "{\"type\": \"record\", \"name\": \"R\", \"namespace\": \"test\", \"fields\": [" + fields + "]}");
  }
}
