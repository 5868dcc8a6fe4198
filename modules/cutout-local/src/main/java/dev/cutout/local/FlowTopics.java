package dev.cutout.local;

import dev.cutout.common.topic.Topic;
import dev.cutout.common.topic.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The topics of the Cutout flow and the dead-letter topic of each topic a service consumes, by name;
 * derived from the typed catalogue {@link Topics}.
 */
public final class FlowTopics {

    public static final String PHOTOS_INGESTED = Topics.PHOTOS_INGESTED.name();
    public static final String MASKS_INFERRED = Topics.MASKS_INFERRED.name();
    public static final String MASKS_SCORED = Topics.MASKS_SCORED.name();
    public static final String CUTOUTS_APPROVED = Topics.CUTOUTS_APPROVED.name();
    public static final String REVIEW_REQUESTS = Topics.REVIEW_REQUESTS.name();
    public static final String REVIEW_DECISIONS = Topics.REVIEW_DECISIONS.name();
    public static final String DATASET_SAMPLES = Topics.DATASET_SAMPLES.name();
    public static final String CUTOUTS_PUBLISHED = Topics.CUTOUTS_PUBLISHED.name();
    public static final String MODELS_RELEASED = Topics.MODELS_RELEASED.name();
    public static final String TRAINING_RUNS = Topics.TRAINING_RUNS.name();

    public static final String DLQ_SUFFIX = Topic.DLQ_SUFFIX;

    /** Every event topic, in flow order. */
    public static final List<String> EVENT_TOPICS = Topics.EVENT_TOPICS.stream().map(Topic::name).toList();

    /**
     * Topics a Cutout service consumes and so may fail to process. cutouts.published and
     * training.runs leave the system (shop, dashboards) and have no dead-letter topic.
     */
    public static final List<String> CONSUMED_TOPICS = Topics.CONSUMED_TOPICS.stream().map(Topic::name).toList();

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
