package dev.cutout.segmenter;

import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Commits what the {@link OffsetTracker} says is done, for the partitions still assigned: the others
 * belong to another instance now, which commits them itself.
 */
final class OffsetCommitter {

    private final Consumer<?, ?> consumer;
    private final OffsetTracker offsets;

    OffsetCommitter(Consumer<?, ?> consumer, OffsetTracker offsets) {
        this.consumer = consumer;
        this.offsets = offsets;
    }

    void commitDone() {
        Map<TopicPartition, OffsetAndMetadata> committable = offsets.committable();
        committable.keySet().retainAll(consumer.assignment());
        if (!committable.isEmpty()) {
            consumer.commitSync(committable);
            offsets.committed(committable);
        }
    }
}
