package dev.cutout.router;

import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.CutoutApproved;
import dev.cutout.events.DatasetSample;
import dev.cutout.events.MaskScored;
import dev.cutout.events.ReviewDecision;
import dev.cutout.events.ReviewRequested;
import org.apache.kafka.common.serialization.Serde;

/** The value serdes of the router's topics. */
public record RouterSerdes(
        Serde<MaskScored> scored,
        Serde<ReviewDecision> decisions,
        Serde<CutoutApproved> approved,
        Serde<ReviewRequested> reviews,
        Serde<DatasetSample> samples) {

    /** Confluent-wire-format Avro serdes that register and fetch schemas through {@code registry}. */
    public static RouterSerdes avro(SchemaRegistryClient registry) {
        return new RouterSerdes(Topics.MASKS_SCORED.serde(registry), Topics.REVIEW_DECISIONS.serde(registry),
                Topics.CUTOUTS_APPROVED.serde(registry), Topics.REVIEW_REQUESTS.serde(registry),
                Topics.DATASET_SAMPLES.serde(registry));
    }
}
