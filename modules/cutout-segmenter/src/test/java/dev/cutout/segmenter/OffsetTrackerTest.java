package dev.cutout.segmenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    private static final TopicPartition P0 = new TopicPartition("photos.ingested", 0);
    private static final TopicPartition P1 = new TopicPartition("photos.ingested", 1);

    private final OffsetTracker tracker = new OffsetTracker();

    @Test
    void commitsOnlyUpToTheFirstRecordNotDoneYet() {
        for (long offset = 10; offset < 14; offset++) {
            tracker.register(P0, offset);
        }
        tracker.done(P0, 11);
        tracker.done(P0, 12);
        assertThat(tracker.committable()).isEmpty();
        assertThat(tracker.pending()).isEqualTo(2);

        tracker.done(P0, 10);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(13)));

        tracker.done(P0, 13);
        assertThat(tracker.committable()).isEqualTo(Map.of(P0, new OffsetAndMetadata(14)));
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void offersEachCommitPointOnce() {
        tracker.register(P0, 0);
        tracker.register(P1, 5);
        tracker.done(P0, 0);
        tracker.done(P1, 5);
        Map<TopicPartition, OffsetAndMetadata> first = tracker.committable();
        assertThat(first).isEqualTo(Map.of(P0, new OffsetAndMetadata(1), P1, new OffsetAndMetadata(6)));
        tracker.committed(first);
        assertThat(tracker.committable()).isEmpty();
    }

    @Test
    void forgetsRevokedPartitions() {
        tracker.register(P0, 0);
        tracker.register(P1, 0);
        tracker.forget(List.of(P0));
        assertThat(tracker.pending(P0)).isZero();
        assertThat(tracker.pending(P1)).isEqualTo(1);
        tracker.done(P0, 0);
        assertThat(tracker.committable()).isEmpty();
    }
}
