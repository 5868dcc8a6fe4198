package dev.cutout.common.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps the Confluent Schema Registry REST API onto {@link SchemaRegistryService}. */
final class RegistryHttpHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 4 << 20;

  private final SchemaRegistryService registry;

  RegistryHttpHandler(SchemaRegistryService registry) {
    this.registry = registry;
  }

  private record Request(String method, List<String> path, Map<String, String> query, HttpExchange exchange) {

    JsonNode body() {
      byte[] bytes;
      try (InputStream in = exchange.getRequestBody()) {
        bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (bytes.length > MAX_BODY_BYTES) {
        throw new SchemaRegistryException(413, 413, "Request body exceeds " + MAX_BODY_BYTES + " bytes");
      }
      JsonNode node;
      try {
        node = JSON.readTree(bytes);
      } catch (JsonProcessingException e) {
        throw new SchemaRegistryException(400, 400, "Request body is not valid JSON: " + e.getOriginalMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (node == null || !node.isObject()) {
        throw new SchemaRegistryException(400, 400, "Request body must be a JSON object");
      }
      return node;
    }

    /** The "schema" of a register, lookup or compatibility body; only Avro without references is served. */
    String schema() {
      JsonNode body = body();
      String type = body.path("schemaType").asText("AVRO");
      if (!"AVRO".equals(type)) {
        throw SchemaRegistryException.invalidSchema("schema type " + type + " is not supported; this registry stores AVRO only");
      }
      if (body.path("references").size() > 0) {
        throw SchemaRegistryException.invalidSchema("schema references are not supported");
      }
      JsonNode schema = body.get("schema");
      if (schema == null || !schema.isTextual()) {
        throw SchemaRegistryException.invalidSchema("the request has no \"schema\" string");
      }
      return schema.asText();
    }

    boolean is(String method, int segments) {
      return this.method.equals(method) && path.size() == segments;
    }
  }

  private record Response(int status, String body) {}

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    Response response;
    try {
      response = route(parse(exchange));
    } catch (SchemaRegistryException e) {
      response = error(e.httpStatus(), e.errorCode(), e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Schema registry request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
      response = error(500, 500, "Internal error: " + e);
    }
    try {
      byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", SchemaRegistryClient.CONTENT_TYPE);
      exchange.sendResponseHeaders(response.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } finally {
      exchange.close();
    }
  }

  private Response route(Request request) {
    List<String> path = request.path();
    String root = path.isEmpty() ? "" : path.get(0);
    switch (root) {
      case "":
        return request.is("GET", 0) ? ok(JSON.createObjectNode()) : notFound(request);
      case "subjects":
        return subjects(request);
      case "schemas":
        if (request.is("GET", 3) && path.get(1).equals("ids")) {
          ObjectNode body = JSON.createObjectNode().put("schema", registry.schemaById(parseId(path.get(2))).toString());
          return ok(body);
        }
        return notFound(request);
      case "compatibility":
        return compatibility(request);
      case "config":
        return config(request);
      default:
        return notFound(request);
    }
  }

  private Response subjects(Request request) {
    List<String> path = request.path();
    if (request.is("GET", 1)) {
      ArrayNode subjects = JSON.createArrayNode();
      registry.subjects().forEach(subjects::add);
      return ok(subjects);
    }
    if (path.size() < 2) {
      return notFound(request);
    }
    String subject = path.get(1);
    if (request.is("POST", 2)) {
      return ok(versionNode(registry.lookup(subject, request.schema())));
    }
    if (path.size() >= 3 && path.get(2).equals("versions")) {
      if (request.is("GET", 3)) {
        ArrayNode versions = JSON.createArrayNode();
        registry.versions(subject).forEach(versions::add);
        return ok(versions);
      }
      if (request.is("POST", 3)) {
        return ok(JSON.createObjectNode().put("id", registry.register(subject, request.schema())));
      }
      if (request.is("GET", 4)) {
        return ok(versionNode(registry.version(subject, path.get(3))));
      }
      if (request.is("GET", 5) && path.get(4).equals("schema")) {
        return new Response(200, registry.version(subject, path.get(3)).schema().toString());
      }
    }
    return notFound(request);
  }

  private Response compatibility(Request request) {
    List<String> path = request.path();
    boolean shape = path.size() >= 4 && path.get(1).equals("subjects") && path.get(3).equals("versions");
    if (!shape || !request.method().equals("POST") || path.size() > 5) {
      return notFound(request);
    }
    String version = path.size() == 5 ? path.get(4) : null;
    List<String> problems = registry.compatibilityProblems(path.get(2), version, request.schema());
    ObjectNode body = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
    if (Boolean.parseBoolean(request.query().get("verbose"))) {
      problems.forEach(body.putArray("messages")::add);
    }
    return ok(body);
  }

  private Response config(Request request) {
    List<String> path = request.path();
    String subject = path.size() == 2 ? path.get(1) : null;
    if (path.size() > 2) {
      return notFound(request);
    }
    if (request.method().equals("GET")) {
      CompatibilityLevel level = subject == null ? registry.globalLevel() : registry.subjectLevel(subject);
      if (level == null && Boolean.parseBoolean(request.query().get("defaultToGlobal"))) {
        level = registry.globalLevel();
      }
      if (level == null) {
        throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
            "Subject '" + subject + "' does not have subject-level compatibility configured");
      }
      return ok(JSON.createObjectNode().put("compatibilityLevel", level.name()));
    }
    if (request.method().equals("PUT")) {
      CompatibilityLevel level;
      try {
        level = CompatibilityLevel.parse(request.body().path("compatibility").asText(null));
      } catch (IllegalArgumentException e) {
        throw new SchemaRegistryException(422, SchemaRegistryException.INVALID_COMPATIBILITY_LEVEL, e.getMessage());
      }
      registry.setLevel(subject, level);
      return ok(JSON.createObjectNode().put("compatibility", level.name()));
    }
    return notFound(request);
  }

  private static ObjectNode versionNode(RegistryState.Version version) {
    return JSON.createObjectNode()
        .put("subject", version.subject())
        .put("version", version.version())
        .put("id", version.id())
        .put("schema", version.schema().toString());
  }

  private static int parseId(String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw SchemaRegistryException.schemaNotFound("with id " + text);
    }
  }

  private static Request parse(HttpExchange exchange) {
    List<String> path = new ArrayList<>();
    for (String segment : exchange.getRequestURI().getRawPath().split("/")) {
      if (!segment.isEmpty()) {
        path.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    Map<String, String> query = new HashMap<>();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "true" : pair.substring(eq + 1);
        query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
    }
    return new Request(exchange.getRequestMethod(), path, query, exchange);
  }

  private static Response notFound(Request request) {
    return error(404, 404, "HTTP 404 Not Found: " + request.method() + " /" + String.join("/", request.path()));
  }

  private static Response ok(JsonNode body) {
    return new Response(200, body.toString());
  }

  private static Response error(int status, int errorCode, String message) {
    return new Response(status, JSON.createObjectNode().put("error_code", errorCode).put("message", message).toString());
  }
}
