package dev.cutout.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The topics of the Cutout flow and the dead-letter topic of each topic a service consumes. */
public final class FlowTopics {

    public static final String PHOTOS_INGESTED = "photos.ingested";
    public static final String MASKS_INFERRED = "masks.inferred";
    public static final String MASKS_SCORED = "masks.scored";
    public static final String CUTOUTS_APPROVED = "cutouts.approved";
    public static final String REVIEW_REQUESTS = "review.requests";
    public static final String REVIEW_DECISIONS = "review.decisions";
    public static final String DATASET_SAMPLES = "dataset.samples";
    public static final String CUTOUTS_PUBLISHED = "cutouts.published";
    public static final String MODELS_RELEASED = "models.released";
    public static final String TRAINING_RUNS = "training.runs";

    public static final String DLQ_SUFFIX = ".dlq";

    /** Every event topic, in flow order. */
    public static final List<String> EVENT_TOPICS = List.of(
            PHOTOS_INGESTED, MASKS_INFERRED, MASKS_SCORED, CUTOUTS_APPROVED, REVIEW_REQUESTS,
            REVIEW_DECISIONS, DATASET_SAMPLES, CUTOUTS_PUBLISHED, MODELS_RELEASED, TRAINING_RUNS);

    /**
     * Topics a Cutout service consumes and so may fail to process. cutouts.published and
     * training.runs leave the system (shop, dashboards) and have no dead-letter topic.
     */
    public static final List<String> CONSUMED_TOPICS = List.of(
            PHOTOS_INGESTED, MASKS_INFERRED, MASKS_SCORED, CUTOUTS_APPROVED, REVIEW_REQUESTS,
            REVIEW_DECISIONS, DATASET_SAMPLES, MODELS_RELEASED);

    private FlowTopics() {
    }

    public static String dlqOf(String topic) {
        return topic + DLQ_SUFFIX;
    }

    public static boolean isDlq(String topic) {
        return topic.endsWith(DLQ_SUFFIX);
    }

    /** The topics to create, shaped by the config: event topics first, then the dead-letter topics. */
    public static List<TopicSpec> specs(LocalStackConfig config) {
        List<TopicSpec> specs = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            Map<String, String> configs = config.compactedTopics().contains(topic)
                    ? Map.of("cleanup.policy", "compact")
                    : Map.of();
            specs.add(new TopicSpec(topic, config.topicPartitions(), config.topicReplicationFactor(), configs));
        }
        for (String topic : CONSUMED_TOPICS) {
            specs.add(new TopicSpec(dlqOf(topic), config.topicPartitions(), config.topicReplicationFactor(),
                    Map.of("retention.ms", String.valueOf(config.dlqRetentionMs()))));
        }
        return List.copyOf(specs);
    }
}
