package dev.cutout.common.registry;

import java.util.List;

/** The registry's answer to a compatibility check, with its reasons when incompatible. */
public record CompatibilityResult(boolean compatible, List<String> messages) {

  public CompatibilityResult {
    messages = List.copyOf(messages);
  }
}
