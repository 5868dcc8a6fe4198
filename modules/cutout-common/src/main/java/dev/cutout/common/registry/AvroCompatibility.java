package dev.cutout.common.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** Checks a candidate schema against a subject's earlier versions at a compatibility level. */
public final class AvroCompatibility {

  private AvroCompatibility() {}

  /**
   * Why {@code candidate} may not follow {@code previous} at {@code level}; empty when it may.
   *
   * @param previous the subject's versions, oldest first
   */
  public static List<String> problems(CompatibilityLevel level, Schema candidate, List<Schema> previous) {
    if (level == CompatibilityLevel.NONE || previous.isEmpty()) {
      return List.of();
    }
    List<Schema> against = level.isTransitive() ? previous : List.of(previous.get(previous.size() - 1));
    List<String> problems = new ArrayList<>();
    for (Schema existing : against) {
      if (level.checksBackward()) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, existing),
            "the new schema cannot read data written with an earlier version", problems);
      }
      if (level.checksForward()) {
        describe(SchemaCompatibility.checkReaderWriterCompatibility(existing, candidate),
            "an earlier version cannot read data written with the new schema", problems);
      }
    }
    return problems;
  }

  private static void describe(SchemaPairCompatibility pair, String direction, List<String> problems) {
    if (pair.getType() != SchemaCompatibilityType.COMPATIBLE) {
      pair.getResult().getIncompatibilities().forEach(i -> problems.add(
          direction + ": " + i.getType() + " at '" + i.getLocation() + "': " + i.getMessage()));
    }
  }
}
