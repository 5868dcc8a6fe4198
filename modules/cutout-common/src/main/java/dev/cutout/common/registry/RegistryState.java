package dev.cutout.common.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.avro.Schema;

/** The registry's in-memory state, built only by applying log entries. Not thread-safe: its owner locks. */
final class RegistryState {

  /** A subject's version with its parsed schema. */
  record Version(String subject, int version, int id, Schema schema) {

    /** Canonical text of the schema: two registrations are the same schema when these are equal. */
    String canonical() {
      return schema.toString();
    }
  }

  private final Map<String, NavigableMap<Integer, Version>> subjects = new TreeMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByCanonical = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
  private int maxId;

  void apply(SchemaLogEntry entry) {
    if (entry instanceof SchemaLogEntry.SchemaRegistered registered) {
      Schema schema = new Schema.Parser().parse(registered.schema());
      subjects.computeIfAbsent(registered.subject(), s -> new TreeMap<>())
          .put(registered.version(), new Version(registered.subject(), registered.version(), registered.id(), schema));
      schemasById.putIfAbsent(registered.id(), schema);
      idsByCanonical.putIfAbsent(schema.toString(), registered.id());
      maxId = Math.max(maxId, registered.id());
    } else if (entry instanceof SchemaLogEntry.CompatibilitySet config) {
      if (config.subject() == null) {
        globalLevel = config.level();
      } else {
        subjectLevels.put(config.subject(), config.level());
      }
    }
  }

  List<String> subjects() {
    return new ArrayList<>(subjects.keySet());
  }

  /** The versions of {@code subject}, oldest first; empty when it has none. */
  List<Version> versions(String subject) {
    NavigableMap<Integer, Version> versions = subjects.get(subject);
    return versions == null ? List.of() : new ArrayList<>(versions.values());
  }

  Schema schemaById(int id) {
    return schemasById.get(id);
  }

  /** The id {@code canonical} already has under any subject, or the next free one. */
  int idFor(String canonical) {
    Integer existing = idsByCanonical.get(canonical);
    return existing != null ? existing : maxId + 1;
  }

  CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  /** The subject's own level, or null when it has none. */
  CompatibilityLevel subjectLevel(String subject) {
    return subjectLevels.get(subject);
  }

  CompatibilityLevel effectiveLevel(String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }
}
