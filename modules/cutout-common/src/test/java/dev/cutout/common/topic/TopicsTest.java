package dev.cutout.common.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.common.registry.AvroSerde;
import dev.cutout.common.registry.SchemaRegistryClient;
import dev.cutout.common.registry.SchemaRegistryServer;
import dev.cutout.events.DeadLetter;
import dev.cutout.events.ModelRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void catalogueNamesEveryTopicOfTheFlowInOrder() {
        assertThat(Topics.EVENT_TOPICS).extracting(Topic::name).containsExactly(
                "photos.ingested", "masks.inferred", "masks.scored", "cutouts.approved", "review.requests",
                "review.decisions", "dataset.samples", "cutouts.published", "models.released", "training.runs");
        assertThat(Topics.CONSUMED_TOPICS).doesNotContain(Topics.CUTOUTS_PUBLISHED, Topics.TRAINING_RUNS)
                .hasSize(8);
    }

    @Test
    void deadLetterTopicIsNamedAfterItsSourceAndHoldsDeadLetters() {
        Topic<DeadLetter> dlq = Topics.MASKS_SCORED.dlq();

        assertThat(dlq.name()).isEqualTo("masks.scored.dlq").isEqualTo(Topics.MASKS_SCORED.dlqName())
                .isEqualTo(Topics.dlqOf("masks.scored"));
        assertThat(dlq.valueType()).isEqualTo(DeadLetter.class);
        assertThat(dlq.isDlq()).isTrue();
        assertThat(Topics.MASKS_SCORED.isDlq()).isFalse();
    }

    @Test
    void findsTopicsByName() {
        assertThat(Topics.byName("review.decisions")).contains(Topics.REVIEW_DECISIONS);
        assertThat(Topics.byName("review.decisions.dlq")).isEmpty();
    }

    @Test
    void serdeRoundTripsTheTopicsValueTypeThroughTheRegistry() {
        Topic<ModelRef> models = new Topic<>("test.models", ModelRef.class);
        ModelRef model = ModelRef.newBuilder().setName("u2netp").setVersion(3).build();
        try (SchemaRegistryServer server = SchemaRegistryServer.inMemory(0).start()) {
            SchemaRegistryClient registry = new SchemaRegistryClient(server.url());
            AvroSerde<ModelRef> serde = models.serde(registry);

            byte[] bytes = serde.serializer().serialize(models.name(), model);

            assertThat(serde.deserializer().deserialize(models.name(), bytes)).isEqualTo(model);
            assertThat(models.deserializer(registry).deserialize(models.name(),
                    models.serializer(registry).serialize(models.name(), model))).isEqualTo(model);
            assertThat(registry.subjects()).isEqualTo(List.of("test.models-value"));
        }
    }
}
