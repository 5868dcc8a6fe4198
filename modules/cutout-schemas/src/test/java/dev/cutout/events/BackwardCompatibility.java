package dev.cutout.events;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/** BACKWARD compatibility as the schema registry defines it: the new schema reads what the old one wrote. */
final class BackwardCompatibility {

  private BackwardCompatibility() {}

  /** Why {@code current} cannot read data written with {@code released}; empty when it can. */
  static List<String> problems(Schema current, Schema released) {
    SchemaCompatibility.SchemaPairCompatibility pair =
        SchemaCompatibility.checkReaderWriterCompatibility(current, released);
    if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return List.of();
    }
    return pair.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
        .toList();
  }
}
