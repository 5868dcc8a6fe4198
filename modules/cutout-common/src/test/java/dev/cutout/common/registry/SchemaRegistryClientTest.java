package dev.cutout.common.registry;

import static dev.cutout.common.registry.TestSchemas.CLUSTER;
import static dev.cutout.common.registry.TestSchemas.CLUSTER_WITH_OPTIONAL_FIELD;
import static dev.cutout.common.registry.TestSchemas.CLUSTER_WITH_REQUIRED_FIELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.events.ModelRef;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against the in-process server, over real HTTP. */
class SchemaRegistryClientTest {

  private static final String SUBJECT = "masks.scored-value";

  private SchemaRegistryServer server;
  private SchemaRegistryClient client;

  @BeforeEach
  void start() {
    server = SchemaRegistryServer.inMemory(0).start();
    client = new SchemaRegistryClient(server.url());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registeringTheSameSchemaAgainGivesTheSameIdAndNoNewVersion() {
    int id = client.register(SUBJECT, CLUSTER);
    SchemaRegistryClient fresh = new SchemaRegistryClient(server.url());

    assertThat(fresh.register(SUBJECT, CLUSTER)).isEqualTo(id);
    assertThat(fresh.versions(SUBJECT)).containsExactly(1);
    assertThat(fresh.schemaById(id)).isEqualTo(CLUSTER);
  }

  @Test
  void aCompatibleSchemaBecomesTheNextVersionWithANewId() {
    int first = client.register(SUBJECT, CLUSTER);
    int second = client.register(SUBJECT, CLUSTER_WITH_OPTIONAL_FIELD);

    assertThat(second).isNotEqualTo(first);
    assertThat(client.versions(SUBJECT)).containsExactly(1, 2);
    SubjectVersion latest = client.latestVersion(SUBJECT);
    assertThat(latest).isEqualTo(new SubjectVersion(SUBJECT, 2, second, CLUSTER_WITH_OPTIONAL_FIELD));
    assertThat(client.version(SUBJECT, 1)).isEqualTo(new SubjectVersion(SUBJECT, 1, first, CLUSTER));
    assertThat(client.subjects()).containsExactly(SUBJECT);
  }

  @Test
  void anIncompatibleSchemaIsRefusedWith409AndTheReason() {
    client.register(SUBJECT, CLUSTER);

    assertThatThrownBy(() -> client.register(SUBJECT, CLUSTER_WITH_REQUIRED_FIELD))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(409);
          assertThat(e.errorCode()).isEqualTo(409);
          assertThat(e.getMessage()).contains("incompatible").contains("modelVersion")
              .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        });
    assertThat(client.versions(SUBJECT)).containsExactly(1);
  }

  @Test
  void compatibilityCheckAnswersWithoutRegistering() {
    client.register(SUBJECT, CLUSTER);

    CompatibilityResult bad = client.checkCompatibility(SUBJECT, CLUSTER_WITH_REQUIRED_FIELD);
    CompatibilityResult good = client.checkCompatibility(SUBJECT, CLUSTER_WITH_OPTIONAL_FIELD);

    assertThat(bad.compatible()).isFalse();
    assertThat(bad.messages()).singleElement().asString().contains("modelVersion");
    assertThat(good).isEqualTo(new CompatibilityResult(true, java.util.List.of()));
    assertThat(client.versions(SUBJECT)).containsExactly(1);
  }

  @Test
  void theSameSchemaUnderTwoSubjectsSharesOneId() {
    int asValue = client.register("a-value", ModelRef.getClassSchema());
    int asKey = client.register("b-key", ModelRef.getClassSchema());

    assertThat(asKey).isEqualTo(asValue);
    assertThat(client.lookup("b-key", ModelRef.getClassSchema()))
        .isEqualTo(new SubjectVersion("b-key", 1, asValue, ModelRef.getClassSchema()));
  }

  @Test
  void compatibilityLevelsAreGlobalOrPerSubject() {
    assertThat(client.globalCompatibility()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(client.compatibility(SUBJECT)).isEqualTo(CompatibilityLevel.BACKWARD);

    client.register(SUBJECT, CLUSTER);
    client.setCompatibility(SUBJECT, CompatibilityLevel.NONE);
    client.setGlobalCompatibility(CompatibilityLevel.FULL);

    assertThat(client.compatibility(SUBJECT)).isEqualTo(CompatibilityLevel.NONE);
    assertThat(client.compatibility("other-value")).isEqualTo(CompatibilityLevel.FULL);
    assertThat(client.register(SUBJECT, CLUSTER_WITH_REQUIRED_FIELD)).isPositive();
  }

  @Test
  void missingThingsCarryTheRegistryErrorCodes() {
    client.register(SUBJECT, CLUSTER);

    assertThatThrownBy(() -> client.schemaById(999)).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    assertThatThrownBy(() -> client.latestVersion("nope-value")).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    assertThatThrownBy(() -> client.version(SUBJECT, 7)).isInstanceOfSatisfying(SchemaRegistryException.class,
        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.VERSION_NOT_FOUND));
    assertThatThrownBy(() -> client.lookup(SUBJECT, CLUSTER_WITH_OPTIONAL_FIELD))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.isNotFound()).isTrue();
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND);
        });
  }

  @Test
  void anUnreachableRegistryIsNamedInTheError() {
    int port = server.port();
    server.close();
    SchemaRegistryClient offline = new SchemaRegistryClient("http://127.0.0.1:" + port, Duration.ofSeconds(2));

    assertThatThrownBy(() -> offline.register(SUBJECT, CLUSTER))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.UNREACHABLE);
          assertThat(e.getMessage()).contains("unreachable").contains(String.valueOf(port));
        });
  }
}
