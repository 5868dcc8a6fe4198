package dev.cutout.common.registry;

import java.util.function.Consumer;

/** Where the registry keeps its state changes so that they outlive the process. */
interface SchemaLog extends AutoCloseable {

  /** Prepares the storage and feeds every stored entry to {@code sink}, oldest first. */
  void replay(Consumer<SchemaLogEntry> sink);

  /** Stores {@code entry} durably; returns only once it is stored. */
  void append(SchemaLogEntry entry);

  @Override
  void close();
}
