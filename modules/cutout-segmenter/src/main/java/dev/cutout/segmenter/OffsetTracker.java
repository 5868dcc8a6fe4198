package dev.cutout.segmenter;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which offsets may be committed. Batches finish out of order on several workers, so per partition the
 * commit point is the lowest offset not done yet (or one past the highest seen when all are done):
 * nothing before it is still pending, which is what at-least-once needs. Not thread-safe: the poll thread
 * owns it.
 */
public final class OffsetTracker {

    private static final class PartitionState {
        final TreeSet<Long> pending = new TreeSet<>();
        long nextOffset = -1;
        long committed = -1;
    }

    private final Map<TopicPartition, PartitionState> partitions = new HashMap<>();

    /** A record was read and is now pending. */
    public void register(TopicPartition partition, long offset) {
        PartitionState state = partitions.computeIfAbsent(partition, p -> new PartitionState());
        if (state.nextOffset < 0) {
            // Reading started here, so nothing before this offset needs committing by us.
            state.committed = offset;
        }
        state.pending.add(offset);
        state.nextOffset = Math.max(state.nextOffset, offset + 1);
    }

    /** The record's outputs are written and acknowledged. */
    public void done(TopicPartition partition, long offset) {
        PartitionState state = partitions.get(partition);
        if (state != null) {
            state.pending.remove(offset);
        }
    }

    public int pending(TopicPartition partition) {
        PartitionState state = partitions.get(partition);
        return state == null ? 0 : state.pending.size();
    }

    public int pending() {
        return partitions.values().stream().mapToInt(s -> s.pending.size()).sum();
    }

    /** The offsets to commit that move a partition forward since the last {@link #committed} call. */
    public Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        partitions.forEach((partition, state) -> {
            long point = commitPoint(state);
            if (point > state.committed) {
                offsets.put(partition, new OffsetAndMetadata(point));
            }
        });
        return offsets;
    }

    /** Records that {@code offsets} were committed. */
    public void committed(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            PartitionState state = partitions.get(partition);
            if (state != null) {
                state.committed = Math.max(state.committed, offset.offset());
            }
        });
    }

    /** Forgets partitions no longer assigned; their pending records will be read again by their new owner. */
    public void forget(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    private static long commitPoint(PartitionState state) {
        return state.pending.isEmpty() ? state.nextOffset : state.pending.first();
    }
}
