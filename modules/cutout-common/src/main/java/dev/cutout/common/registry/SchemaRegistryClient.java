package dev.cutout.common.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Client for the Confluent Schema Registry REST API (also spoken by Karapace, Apicurio's
 * ccompat API and {@link SchemaRegistryServer}). Ids never change once assigned, so
 * registrations, lookups and schemas by id are cached; "latest" answers are not.
 * Thread-safe; share one per registry.
 */
public class SchemaRegistryClient {

  /** The registry's versioned JSON media type, sent as Content-Type and Accept. */
  public static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String baseUrl;
  private final Duration timeout;
  private final HttpClient http;
  private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  private record SubjectSchema(String subject, Schema schema) {}

  /** A client for the registry at {@code baseUrl} (e.g. http://localhost:8081), 10 s per request. */
  public SchemaRegistryClient(String baseUrl) {
    this(baseUrl, Duration.ofSeconds(10));
  }

  public SchemaRegistryClient(String baseUrl, Duration timeout) {
    if (baseUrl == null || baseUrl.isBlank()) {
      throw new IllegalArgumentException("schema registry URL is empty");
    }
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .build();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * Registers {@code schema} under {@code subject} (POST /subjects/{subject}/versions) and returns
   * its global id. Registering the same schema again returns the same id.
   *
   * @throws SchemaRegistryException with error code 409 when the subject's compatibility level refuses it
   */
  public int register(String subject, Schema schema) {
    SubjectSchema key = new SubjectSchema(subject, schema);
    Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    int id = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema)).path("id").asInt();
    idsBySubjectSchema.putIfAbsent(key, id);
    schemasById.putIfAbsent(id, schema);
    return id;
  }

  /**
   * Finds the version of {@code subject} that holds {@code schema} (POST /subjects/{subject}).
   *
   * @throws SchemaRegistryException 40401 when the subject, 40403 when the schema is not registered
   */
  public SubjectVersion lookup(String subject, Schema schema) {
    SubjectVersion found = subjectVersion(send("POST", "/subjects/" + encode(subject), schemaBody(schema)));
    idsBySubjectSchema.putIfAbsent(new SubjectSchema(subject, schema), found.id());
    schemasById.putIfAbsent(found.id(), found.schema());
    return found;
  }

  /** The id of {@code schema} in {@code subject}, registering nothing; cached like {@link #register}. */
  public int idOf(String subject, Schema schema) {
    Integer cached = idsBySubjectSchema.get(new SubjectSchema(subject, schema));
    return cached != null ? cached : lookup(subject, schema).id();
  }

  /**
   * The schema with global id {@code id} (GET /schemas/ids/{id}).
   *
   * @throws SchemaRegistryException 40403 when no schema has that id
   */
  public Schema schemaById(int id) {
    Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    Schema schema = parse(send("GET", "/schemas/ids/" + id, null).path("schema").asText());
    schemasById.putIfAbsent(id, schema);
    return schema;
  }

  /** The newest version of {@code subject} (GET /subjects/{subject}/versions/latest). */
  public SubjectVersion latestVersion(String subject) {
    return subjectVersion(send("GET", "/subjects/" + encode(subject) + "/versions/latest", null));
  }

  /** Version {@code version} of {@code subject} (GET /subjects/{subject}/versions/{version}). */
  public SubjectVersion version(String subject, int version) {
    return subjectVersion(send("GET", "/subjects/" + encode(subject) + "/versions/" + version, null));
  }

  /** All subjects (GET /subjects). */
  public List<String> subjects() {
    List<String> subjects = new ArrayList<>();
    send("GET", "/subjects", null).forEach(node -> subjects.add(node.asText()));
    return subjects;
  }

  /** The versions of {@code subject}, ascending (GET /subjects/{subject}/versions). */
  public List<Integer> versions(String subject) {
    List<Integer> versions = new ArrayList<>();
    send("GET", "/subjects/" + encode(subject) + "/versions", null).forEach(node -> versions.add(node.asInt()));
    return versions;
  }

  /**
   * Whether {@code schema} may be registered after the latest version of {@code subject} under
   * the subject's compatibility level (POST /compatibility/subjects/{subject}/versions/latest?verbose=true).
   */
  public CompatibilityResult checkCompatibility(String subject, Schema schema) {
    JsonNode answer = send("POST",
        "/compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true", schemaBody(schema));
    List<String> messages = new ArrayList<>();
    answer.path("messages").forEach(node -> messages.add(node.asText()));
    return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), messages);
  }

  /** The global compatibility level (GET /config). */
  public CompatibilityLevel globalCompatibility() {
    return CompatibilityLevel.parse(send("GET", "/config", null).path("compatibilityLevel").asText());
  }

  /**
   * The level that applies to {@code subject}: its own, else the global one
   * (GET /config/{subject}?defaultToGlobal=true).
   */
  public CompatibilityLevel compatibility(String subject) {
    return CompatibilityLevel.parse(
        send("GET", "/config/" + encode(subject) + "?defaultToGlobal=true", null).path("compatibilityLevel").asText());
  }

  /** Sets the global compatibility level (PUT /config). */
  public void setGlobalCompatibility(CompatibilityLevel level) {
    send("PUT", "/config", levelBody(level));
  }

  /** Sets the compatibility level of {@code subject} (PUT /config/{subject}). */
  public void setCompatibility(String subject, CompatibilityLevel level) {
    send("PUT", "/config/" + encode(subject), levelBody(level));
  }

  private JsonNode send(String method, String path, JsonNode body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(timeout)
        .header("Accept", CONTENT_TYPE);
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE)
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
          "Schema registry at " + baseUrl + " unreachable (" + method + " " + path + "): " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
          "Interrupted while calling the schema registry (" + method + " " + path + ")", e);
    }
    JsonNode json = readJson(response.body());
    if (response.statusCode() / 100 != 2) {
      throw failure(method, path, response.statusCode(), json, response.body());
    }
    if (json == null) {
      throw new SchemaRegistryException(response.statusCode(), response.statusCode(),
          "Schema registry answered " + method + " " + path + " with a body that is not JSON: " + abbreviate(response.body()));
    }
    return json;
  }

  private static SchemaRegistryException failure(String method, String path, int status, JsonNode json, String body) {
    int errorCode = json != null && json.has("error_code") ? json.get("error_code").asInt() : status;
    String message = json != null && json.has("message") ? json.get("message").asText() : abbreviate(body);
    return new SchemaRegistryException(status, errorCode,
        "Schema registry refused " + method + " " + path + ": HTTP " + status + ", error " + errorCode + ": " + message);
  }

  private static JsonNode readJson(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static SubjectVersion subjectVersion(JsonNode node) {
    return new SubjectVersion(node.path("subject").asText(), node.path("version").asInt(), node.path("id").asInt(),
        parse(node.path("schema").asText()));
  }

  private static Schema parse(String schema) {
    return new Schema.Parser().parse(schema);
  }

  private static ObjectNode schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString());
  }

  private static ObjectNode levelBody(CompatibilityLevel level) {
    return JSON.createObjectNode().put("compatibility", level.name());
  }

  private static String encode(String pathSegment) {
    return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
