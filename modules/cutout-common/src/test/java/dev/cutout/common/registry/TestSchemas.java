package dev.cutout.common.registry;

import dev.cutout.events.ProductCluster;
import org.apache.avro.Schema;

/** A schema and compatible and incompatible successors of it. */
final class TestSchemas {

  /** The released ProductCluster: {id: int, label: null|string}. */
  static final Schema CLUSTER = ProductCluster.getClassSchema();

  /** ProductCluster with a new optional field: a BACKWARD-compatible successor. */
  static final Schema CLUSTER_WITH_OPTIONAL_FIELD =
      withField(CLUSTER, "{\"name\": \"centroidDistance\", \"type\": [\"null\", \"double\"], \"default\": null}");

  /** ProductCluster with a new required field: data written before has no value for it. */
  static final Schema CLUSTER_WITH_REQUIRED_FIELD =
      withField(CLUSTER, "{\"name\": \"modelVersion\", \"type\": \"int\"}");

  /** ProductCluster as it might have been before: without its label. */
  static final Schema CLUSTER_WITHOUT_LABEL = new Schema.Parser().parse(
      "{\"type\": \"record\", \"name\": \"ProductCluster\", \"namespace\": \"dev.cutout.events\","
          + " \"fields\": [{\"name\": \"id\", \"type\": \"int\"}]}");

  private TestSchemas() {}

  static Schema withField(Schema record, String fieldJson) {
    String json = record.toString();
    int end = json.lastIndexOf("]}");
    return new Schema.Parser().parse(json.substring(0, end) + "," + fieldJson + json.substring(end));
  }
}
