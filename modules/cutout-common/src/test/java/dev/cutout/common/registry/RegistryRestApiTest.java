package dev.cutout.common.registry;

import static dev.cutout.common.registry.TestSchemas.CLUSTER;
import static dev.cutout.common.registry.TestSchemas.CLUSTER_WITH_OPTIONAL_FIELD;
import static dev.cutout.common.registry.TestSchemas.CLUSTER_WITH_REQUIRED_FIELD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's REST API, request by request, in the shapes the Confluent Schema Registry API
 * reference documents (bodies, status codes, error codes, content type).
 */
class RegistryRestApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final HttpClient http = HttpClient.newHttpClient();
  private SchemaRegistryServer server;

  private record Answer(int status, JsonNode body, String contentType) {}

  @BeforeEach
  void start() {
    server = SchemaRegistryServer.inMemory(0).start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registerAnswersWithTheIdOnly() throws Exception {
    Answer answer = call("POST", "/subjects/photos.ingested-value/versions", schemaBody(CLUSTER));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.contentType()).isEqualTo(CONTENT_TYPE);
    assertThat(answer.body()).isEqualTo(JSON.readTree("{\"id\": 1}"));
    assertThat(call("POST", "/subjects/photos.ingested-value/versions", schemaBody(CLUSTER)).body())
        .isEqualTo(JSON.readTree("{\"id\": 1}"));
  }

  @Test
  void schemaByIdAndSubjectVersionsHaveTheDocumentedFields() throws Exception {
    call("POST", "/subjects/s-value/versions", schemaBody(CLUSTER));
    call("POST", "/subjects/s-value/versions", schemaBody(CLUSTER_WITH_OPTIONAL_FIELD));

    JsonNode byId = call("GET", "/schemas/ids/2", null).body();
    assertThat(byId.size()).isEqualTo(1);
    assertThat(new Schema.Parser().parse(byId.get("schema").asText())).isEqualTo(CLUSTER_WITH_OPTIONAL_FIELD);

    assertThat(call("GET", "/subjects", null).body()).isEqualTo(JSON.readTree("[\"s-value\"]"));
    assertThat(call("GET", "/subjects/s-value/versions", null).body()).isEqualTo(JSON.readTree("[1, 2]"));

    JsonNode latest = call("GET", "/subjects/s-value/versions/latest", null).body();
    assertThat(latest.get("subject").asText()).isEqualTo("s-value");
    assertThat(latest.get("version").asInt()).isEqualTo(2);
    assertThat(latest.get("id").asInt()).isEqualTo(2);
    assertThat(new Schema.Parser().parse(latest.get("schema").asText())).isEqualTo(CLUSTER_WITH_OPTIONAL_FIELD);
    assertThat(call("GET", "/subjects/s-value/versions/1", null).body().get("id").asInt()).isEqualTo(1);
    assertThat(call("GET", "/subjects/s-value/versions/-1", null).body().get("version").asInt()).isEqualTo(2);

    Answer raw = call("GET", "/subjects/s-value/versions/1/schema", null);
    assertThat(new Schema.Parser().parse(raw.body().toString())).isEqualTo(CLUSTER);
  }

  @Test
  void lookupFindsTheVersionOfASchema() throws Exception {
    call("POST", "/subjects/s-value/versions", schemaBody(CLUSTER));

    JsonNode found = call("POST", "/subjects/s-value", schemaBody(CLUSTER)).body();

    assertThat(found.get("subject").asText()).isEqualTo("s-value");
    assertThat(found.get("version").asInt()).isEqualTo(1);
    assertThat(found.get("id").asInt()).isEqualTo(1);
    assertError(call("POST", "/subjects/s-value", schemaBody(CLUSTER_WITH_OPTIONAL_FIELD)), 404, 40403);
    assertError(call("POST", "/subjects/other-value", schemaBody(CLUSTER)), 404, 40401);
  }

  @Test
  void incompatibleRegistrationIs409WithAMessage() throws Exception {
    call("POST", "/subjects/s-value/versions", schemaBody(CLUSTER));

    Answer refused = call("POST", "/subjects/s-value/versions", schemaBody(CLUSTER_WITH_REQUIRED_FIELD));

    assertError(refused, 409, 409);
    assertThat(refused.body().get("message").asText()).contains("incompatible").contains("BACKWARD");
  }

  @Test
  void invalidSchemasAndVersionsAre422() throws Exception {
    assertError(call("POST", "/subjects/s-value/versions", "{\"schema\": \"{\\\"type\\\": \\\"recrod\\\"}\"}"), 422, 42201);
    assertError(call("POST", "/subjects/s-value/versions", "{\"schema\": \"\", \"schemaType\": \"PROTOBUF\"}"), 422, 42201);
    assertError(call("POST", "/subjects/s-value/versions", "{}"), 422, 42201);
    call("POST", "/subjects/s-value/versions", schemaBody(CLUSTER));
    assertError(call("GET", "/subjects/s-value/versions/zero", null), 422, 42202);
  }

  @Test
  void missingSubjectsVersionsAndIdsAre404WithConfluentCodes() throws Exception {
    call("POST", "/subjects/s-value/versions", schemaBody(CLUSTER));

    assertError(call("GET", "/schemas/ids/42", null), 404, 40403);
    assertError(call("GET", "/subjects/none-value/versions", null), 404, 40401);
    assertError(call("GET", "/subjects/none-value/versions/latest", null), 404, 40401);
    assertError(call("GET", "/subjects/s-value/versions/9", null), 404, 40402);
    assertError(call("GET", "/no/such/route", null), 404, 404);
  }

  @Test
  void compatibilityEndpointAnswersIsCompatibleAndVerboseMessages() throws Exception {
    call("POST", "/subjects/s-value/versions", schemaBody(CLUSTER));

    JsonNode ok = call("POST", "/compatibility/subjects/s-value/versions/latest", schemaBody(CLUSTER_WITH_OPTIONAL_FIELD)).body();
    JsonNode bad = call("POST", "/compatibility/subjects/s-value/versions/latest?verbose=true",
        schemaBody(CLUSTER_WITH_REQUIRED_FIELD)).body();
    JsonNode againstAll = call("POST", "/compatibility/subjects/s-value/versions",
        schemaBody(CLUSTER_WITH_REQUIRED_FIELD)).body();

    assertThat(ok).isEqualTo(JSON.readTree("{\"is_compatible\": true}"));
    assertThat(bad.get("is_compatible").asBoolean()).isFalse();
    assertThat(bad.get("messages")).hasSize(1);
    assertThat(bad.get("messages").get(0).asText()).contains("modelVersion");
    assertThat(againstAll).isEqualTo(JSON.readTree("{\"is_compatible\": false}"));
    assertError(call("POST", "/compatibility/subjects/none-value/versions/latest", schemaBody(CLUSTER)), 404, 40401);
  }

  @Test
  void configIsReadAndWrittenGloballyAndPerSubject() throws Exception {
    assertThat(call("GET", "/config", null).body()).isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"BACKWARD\"}"));
    assertError(call("GET", "/config/s-value", null), 404, 40408);

    Answer put = call("PUT", "/config/s-value", "{\"compatibility\": \"FORWARD\"}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.body()).isEqualTo(JSON.readTree("{\"compatibility\": \"FORWARD\"}"));
    assertThat(call("GET", "/config/s-value", null).body())
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"FORWARD\"}"));
    assertThat(call("GET", "/config/t-value?defaultToGlobal=true", null).body())
        .isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"BACKWARD\"}"));

    assertThat(call("PUT", "/config", "{\"compatibility\": \"NONE\"}").body())
        .isEqualTo(JSON.readTree("{\"compatibility\": \"NONE\"}"));
    assertThat(call("GET", "/config", null).body()).isEqualTo(JSON.readTree("{\"compatibilityLevel\": \"NONE\"}"));
    assertError(call("PUT", "/config", "{\"compatibility\": \"SIDEWAYS\"}"), 422, 42203);
  }

  @Test
  void aRestartReplaysTheLogToTheSameIdsVersionsAndConfig() throws Exception {
    call("POST", "/subjects/a-value/versions", schemaBody(CLUSTER));
    call("POST", "/subjects/b-value/versions", schemaBody(CLUSTER_WITH_REQUIRED_FIELD));
    call("PUT", "/config/a-value", "{\"compatibility\": \"NONE\"}");

    server.close();
    server.start();

    assertThat(call("GET", "/subjects/b-value/versions/1", null).body().get("id").asInt()).isEqualTo(2);
    assertThat(call("GET", "/config/a-value", null).body().get("compatibilityLevel").asText()).isEqualTo("NONE");
    assertThat(call("POST", "/subjects/c-value/versions", schemaBody(CLUSTER_WITH_OPTIONAL_FIELD)).body().get("id").asInt())
        .isEqualTo(3);
  }

  private static void assertError(Answer answer, int status, int errorCode) {
    assertThat(answer.status()).as("HTTP status").isEqualTo(status);
    assertThat(answer.contentType()).isEqualTo(CONTENT_TYPE);
    assertThat(answer.body().get("error_code").asInt()).as("error_code").isEqualTo(errorCode);
    assertThat(answer.body().get("message").asText()).isNotBlank();
  }

  private static String schemaBody(Schema schema) {
    return JSON.createObjectNode().put("schema", schema.toString()).toString();
  }

  private Answer call(String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Accept", CONTENT_TYPE);
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", CONTENT_TYPE);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), JSON.readTree(response.body()),
        response.headers().firstValue("Content-Type").orElse(""));
  }
}
