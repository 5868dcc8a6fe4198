package dev.cutout.common.registry;

import java.util.List;
import org.apache.avro.Schema;

/**
 * The registry's operations, independent of HTTP: validates, enforces compatibility, stores each
 * change in the log before applying it. Failures are {@link SchemaRegistryException}s carrying
 * the HTTP status and error code the REST API answers with. One lock serialises all of it, so ids
 * and versions are handed out in log order.
 */
final class SchemaRegistryService {

  private final SchemaLog log;
  private final RegistryState state = new RegistryState();

  SchemaRegistryService(SchemaLog log) {
    this.log = log;
  }

  /** Rebuilds the state from the log. */
  synchronized void load() {
    log.replay(state::apply);
  }

  /** Registers {@code schemaText} under {@code subject}; the id it has, or a new one. */
  synchronized int register(String subject, String schemaText) {
    Schema schema = parse(schemaText);
    String canonical = schema.toString();
    List<RegistryState.Version> versions = state.versions(subject);
    for (RegistryState.Version existing : versions) {
      if (existing.canonical().equals(canonical)) {
        return existing.id();
      }
    }
    List<String> problems = AvroCompatibility.problems(
        state.effectiveLevel(subject), schema, versions.stream().map(RegistryState.Version::schema).toList());
    if (!problems.isEmpty()) {
      throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE_SCHEMA,
          "Schema being registered is incompatible with an earlier schema for subject \"" + subject
              + "\" (compatibility " + state.effectiveLevel(subject) + "), details: " + problems);
    }
    int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
    int id = state.idFor(canonical);
    SchemaLogEntry entry = new SchemaLogEntry.SchemaRegistered(subject, version, id, canonical);
    log.append(entry);
    state.apply(entry);
    return id;
  }

  synchronized Schema schemaById(int id) {
    Schema schema = state.schemaById(id);
    if (schema == null) {
      throw SchemaRegistryException.schemaNotFound("with id " + id);
    }
    return schema;
  }

  synchronized List<String> subjects() {
    return state.subjects();
  }

  synchronized List<Integer> versions(String subject) {
    return existingVersions(subject).stream().map(RegistryState.Version::version).toList();
  }

  /** Version {@code versionText} ("latest", -1 or a number) of {@code subject}. */
  synchronized RegistryState.Version version(String subject, String versionText) {
    List<RegistryState.Version> versions = existingVersions(subject);
    int wanted = parseVersion(versionText);
    if (wanted == -1) {
      return versions.get(versions.size() - 1);
    }
    return versions.stream().filter(v -> v.version() == wanted).findFirst()
        .orElseThrow(() -> SchemaRegistryException.versionNotFound(subject, wanted));
  }

  /** The version of {@code subject} that holds {@code schemaText}. */
  synchronized RegistryState.Version lookup(String subject, String schemaText) {
    String canonical = parse(schemaText).toString();
    return existingVersions(subject).stream().filter(v -> v.canonical().equals(canonical)).findFirst()
        .orElseThrow(() -> SchemaRegistryException.schemaNotFound("under subject '" + subject + "'"));
  }

  /**
   * Why {@code schemaText} may not be registered in {@code subject}: against one version when
   * {@code versionText} is given, else against those the subject's level checks.
   */
  synchronized List<String> compatibilityProblems(String subject, String versionText, String schemaText) {
    Schema candidate = parse(schemaText);
    List<Schema> against = versionText == null
        ? state.versions(subject).stream().map(RegistryState.Version::schema).toList()
        : List.of(version(subject, versionText).schema());
    return AvroCompatibility.problems(state.effectiveLevel(subject), candidate, against);
  }

  synchronized CompatibilityLevel globalLevel() {
    return state.globalLevel();
  }

  /** The subject's own level, or null when it has none. */
  synchronized CompatibilityLevel subjectLevel(String subject) {
    return state.subjectLevel(subject);
  }

  /** Sets the level of {@code subject}, or the global level when it is null. */
  synchronized void setLevel(String subject, CompatibilityLevel level) {
    SchemaLogEntry entry = new SchemaLogEntry.CompatibilitySet(subject, level);
    log.append(entry);
    state.apply(entry);
  }

  private List<RegistryState.Version> existingVersions(String subject) {
    List<RegistryState.Version> versions = state.versions(subject);
    if (versions.isEmpty()) {
      throw SchemaRegistryException.subjectNotFound(subject);
    }
    return versions;
  }

  private static int parseVersion(String text) {
    if ("latest".equals(text)) {
      return -1;
    }
    try {
      int version = Integer.parseInt(text);
      if (version >= 1 || version == -1) {
        return version;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_VERSION,
        "The specified version '" + text + "' is not a valid version id. "
            + "Allowed values are between [1, 2^31-1] and the string \"latest\"");
  }

  private static Schema parse(String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw SchemaRegistryException.invalidSchema("empty schema");
    }
    try {
      return new Schema.Parser().parse(schemaText);
    } catch (RuntimeException e) {
      // Avro reports bad JSON, unknown types and invalid defaults with several exception types.
      throw SchemaRegistryException.invalidSchema(e.getMessage());
    }
  }
}
