package dev.cutout.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FlowTopicsTest {

    @Test
    void createsEveryEventTopicAndADeadLetterTopicPerConsumedTopic() {
        List<TopicSpec> specs = FlowTopics.specs(LocalStackConfig.defaults());

        assertThat(specs).extracting(TopicSpec::name).containsExactly(
                "photos.ingested", "masks.inferred", "masks.scored", "cutouts.approved", "review.requests",
                "review.decisions", "dataset.samples", "cutouts.published", "models.released", "training.runs",
                "photos.ingested.dlq", "masks.inferred.dlq", "masks.scored.dlq", "cutouts.approved.dlq",
                "review.requests.dlq", "review.decisions.dlq", "dataset.samples.dlq", "models.released.dlq");
    }

    @Test
    void compactsOnlyTheConfiguredTopics() {
        List<TopicSpec> specs = FlowTopics.specs(LocalStackConfig.defaults());

        assertThat(specs).filteredOn(TopicSpec::compacted).extracting(TopicSpec::name)
                .containsExactly("models.released");
    }

    @Test
    void takesPartitionsAndReplicasFromTheConfig() {
        LocalStackConfig config = new LocalStackConfig(Map.of(
                LocalStackConfig.TOPIC_PARTITIONS, 6,
                LocalStackConfig.TOPICS_COMPACTED, "models.released,training.runs"));

        List<TopicSpec> specs = FlowTopics.specs(config);

        assertThat(specs).allSatisfy(s -> {
            assertThat(s.partitions()).isEqualTo(6);
            assertThat(s.replicationFactor()).isEqualTo((short) 1);
        });
        assertThat(specs).filteredOn(TopicSpec::compacted).extracting(TopicSpec::name)
                .containsExactly("models.released", "training.runs");
    }

    @Test
    void deadLetterTopicsKeepTheirRecordsForTheConfiguredTime() {
        TopicSpec dlq = FlowTopics.specs(LocalStackConfig.defaults()).stream()
                .filter(s -> FlowTopics.isDlq(s.name())).findFirst().orElseThrow();

        assertThat(dlq.configs()).containsEntry("retention.ms", String.valueOf(30L * 24 * 3600 * 1000));
    }
}
