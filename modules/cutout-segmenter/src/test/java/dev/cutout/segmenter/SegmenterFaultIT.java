package dev.cutout.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectSummary;
import dev.cutout.common.topic.Topics;
import dev.cutout.events.MaskInferred;
import dev.cutout.events.ModelRef;
import dev.cutout.local.LocalStack;
import dev.cutout.local.SharedStack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segmenter is stopped hard in the middle of its work and restarted: every photo still gets its mask,
 * a repeat only overwrites the same object, and deduplication by photo id leaves exactly one per photo.
 */
@ExtendWith(SharedStack.class)
class SegmenterFaultIT {

    private static final int PHOTOS = 24;
    private static final String GROUP = "segmenter-fault-it";

    @TempDir
    Path dir;

    @Test
    void aHardStopMidBatchLosesNothingAndRepeatsOnlyAsOverwrites(LocalStack stack) throws Exception {
        try (SegmenterFixture fixture = new SegmenterFixture(stack, dir)) {
            Path weights = SegmenterFixture.writeWeights(dir.resolve("weights"), "u2netp");
            List<String> photos = fixture.ingestPhotos(PHOTOS);
            // A short session, so that the group drops the stopped member quickly if its leave was lost.
            Map<String, ?> small = Map.of(SegmenterConfig.MAX_BATCH_SIZE, 2, SegmenterConfig.MAX_IN_FLIGHT, 4,
                    "kafka.session.timeout.ms", 6000, "kafka.heartbeat.interval.ms", 1000);

            try (var masks = fixture.reader(Topics.MASKS_INFERRED)) {
                SegmenterService first = SegmenterService.start(fixture.config(GROUP, weights, small));
                masks.until(r -> !r.isEmpty(), Duration.ofSeconds(90));
                first.abort();
                long doneByFirst = first.recordsDone();
                assertThat(doneByFirst).as("the first instance was stopped before it had finished").isLessThan(PHOTOS);

                long secondDone;
                long pauses;
                try (SegmenterService second = SegmenterService.start(fixture.config(GROUP, weights, small))) {
                    masks.until(r -> distinctPhotos(r).size() >= PHOTOS, Duration.ofSeconds(150));
                    masks.settle(Duration.ofSeconds(1));
                    secondDone = second.recordsDone();
                    pauses = first.pauses() + second.pauses();
                }
                assertThat(secondDone).as("the restarted instance took over the rest").isPositive();
                assertThat(pauses).as("4 records in flight at most: the partitions were paused").isPositive();

                List<ConsumerRecord<String, MaskInferred>> events = masks.records;
                assertThat(distinctPhotos(events)).isEqualTo(Set.copyOf(photos));
                Map<String, Set<String>> keysPerPhoto = events.stream().collect(Collectors.groupingBy(
                        ConsumerRecord::key, Collectors.mapping(r -> r.value().getMask().getKey(), Collectors.toSet())));
                assertThat(keysPerPhoto).allSatisfy((photo, keys) -> assertThat(keys).hasSize(1));
                Map<String, MaskInferred> deduplicated = events.stream().collect(Collectors.toMap(
                        ConsumerRecord::key, ConsumerRecord::value, (kept, repeat) -> kept));
                assertThat(deduplicated).hasSize(PHOTOS).allSatisfy((photo, event) -> assertThat(
                        event.getMask().getKey()).isEqualTo(MaskKeys.of(photo, new ModelRef("u2netp", 1))));

                List<ObjectSummary> stored = fixture.store.list(Buckets.MASKS, "");
                assertThat(stored).hasSize(PHOTOS);
            }
            try (var dead = fixture.reader(Topics.PHOTOS_INGESTED.dlq())) {
                assertThat(dead.settle(Duration.ofSeconds(2))).as("the hard stop sent no photo to the DLQ").isEmpty();
            }
        }
    }

    private static Set<String> distinctPhotos(List<ConsumerRecord<String, MaskInferred>> events) {
        return events.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
