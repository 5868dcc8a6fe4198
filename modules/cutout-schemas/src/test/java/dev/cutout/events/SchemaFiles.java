package dev.cutout.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** Reads a folder of .avsc files whose named types refer to each other, in any file order. */
final class SchemaFiles {

  private SchemaFiles() {}

  /** The top-level schemas directory of the repository (set by the build, or found from the module). */
  static Path currentDir() {
    String configured = System.getProperty("cutout.schemas.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../schemas");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("schemas directory not found: " + dir.toAbsolutePath());
    }
    return dir.normalize();
  }

  static Path releasedDir() {
    return currentDir().resolve("released");
  }

  /** Every schema defined at the top of a file in {@code dir} (not in sub-folders), by full name. */
  static Map<String, Schema> load(Path dir) {
    SchemaParser parser = new SchemaParser();
    List<SchemaParser.ParseResult> results = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
        results.add(parser.parse(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Schema> byName = new TreeMap<>();
    for (SchemaParser.ParseResult result : results) {
      Schema schema = parser.resolve(result);
      byName.put(schema.getFullName(), schema);
    }
    return byName;
  }
}
