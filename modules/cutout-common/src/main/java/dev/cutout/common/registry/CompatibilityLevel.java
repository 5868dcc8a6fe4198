package dev.cutout.common.registry;

import java.util.Arrays;
import java.util.Locale;

/**
 * The schema registry's compatibility levels, as Confluent Schema Registry names them.
 * BACKWARD: the new schema reads data written with the latest one; FORWARD: the latest reads
 * the new one's data; FULL: both. The transitive variants check every earlier version.
 */
public enum CompatibilityLevel {
  NONE,
  BACKWARD,
  BACKWARD_TRANSITIVE,
  FORWARD,
  FORWARD_TRANSITIVE,
  FULL,
  FULL_TRANSITIVE;

  /** Whether the new schema must read data written with older ones. */
  public boolean checksBackward() {
    return this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  /** Whether older schemas must read data written with the new one. */
  public boolean checksForward() {
    return this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
  }

  /** Whether every earlier version is checked, not only the latest. */
  public boolean isTransitive() {
    return name().endsWith("_TRANSITIVE");
  }

  /**
   * Parses a level name, ignoring case.
   *
   * @throws IllegalArgumentException naming the valid levels when {@code name} is none of them
   */
  public static CompatibilityLevel parse(String name) {
    if (name != null) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ignored) {
        // reported below with the list of valid values
      }
    }
    throw new IllegalArgumentException(
        "Invalid compatibility level '" + name + "'. Valid values are " + Arrays.toString(values()));
  }
}
