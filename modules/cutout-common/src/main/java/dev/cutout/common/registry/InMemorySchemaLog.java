package dev.cutout.common.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A log that lives only as long as the process: for tests and one-off runs that need no persistence. */
final class InMemorySchemaLog implements SchemaLog {

  private final List<SchemaLogEntry> entries = new ArrayList<>();

  @Override
  public synchronized void replay(Consumer<SchemaLogEntry> sink) {
    entries.forEach(sink);
  }

  @Override
  public synchronized void append(SchemaLogEntry entry) {
    entries.add(entry);
  }

  @Override
  public void close() {}
}
