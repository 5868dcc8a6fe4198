package dev.cutout.common.registry;

/** One change to the registry's state, as stored in its log. Replaying all entries in order rebuilds the state. */
sealed interface SchemaLogEntry {

  /** {@code schema} became {@code version} of {@code subject}, with global id {@code id}. */
  record SchemaRegistered(String subject, int version, int id, String schema) implements SchemaLogEntry {}

  /** The compatibility level of {@code subject} (or the global one, when subject is null) was set. */
  record CompatibilitySet(String subject, CompatibilityLevel level) implements SchemaLogEntry {}
}
