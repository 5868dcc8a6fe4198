package dev.cutout.segmenter;

import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses and resumes the consumer's partitions as {@link Backpressure} decides from the records in flight.
 * Pausing rather than not polling keeps the consumer in its group while the workers catch up.
 */
final class PartitionPauser {

    private static final Logger log = LoggerFactory.getLogger(PartitionPauser.class);

    private final Consumer<?, ?> consumer;
    private final Backpressure backpressure;
    private final OffsetTracker offsets;

    PartitionPauser(Consumer<?, ?> consumer, Backpressure backpressure, OffsetTracker offsets) {
        this.consumer = consumer;
        this.backpressure = backpressure;
        this.offsets = offsets;
    }

    /** Pauses or resumes every assigned partition as the records pending now require. */
    void update() {
        switch (backpressure.update(offsets.pending())) {
            case PAUSE -> {
                log.debug("{} records in flight: pausing {}", offsets.pending(), consumer.assignment());
                consumer.pause(consumer.assignment());
            }
            case RESUME -> consumer.resume(consumer.paused());
            case NONE -> {
            }
        }
    }

    /** Pauses {@code partitions} too while the others are paused. */
    void keepPaused(Collection<TopicPartition> partitions) {
        if (backpressure.paused()) {
            consumer.pause(partitions);
        }
    }

    /** How often the partitions were paused so far. */
    long pauses() {
        return backpressure.pauses();
    }
}
