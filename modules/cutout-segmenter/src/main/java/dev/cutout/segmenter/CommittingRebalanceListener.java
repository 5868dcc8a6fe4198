package dev.cutout.segmenter;

import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;

/**
 * Commits what is done before partitions move to another instance; the rest is re-read by their new owner.
 * The consumer calls it on the poll thread, inside poll or close, so it may use the poll thread's state.
 */
final class CommittingRebalanceListener implements ConsumerRebalanceListener {

    private final BatchDispatcher dispatcher;
    private final OffsetTracker offsets;
    private final OffsetCommitter committer;
    private final PartitionPauser pauser;
    private final Duration drainTimeout;
    private final BooleanSupplier aborting;

    CommittingRebalanceListener(BatchDispatcher dispatcher, OffsetTracker offsets, OffsetCommitter committer,
                                PartitionPauser pauser, Duration drainTimeout, BooleanSupplier aborting) {
        this.dispatcher = dispatcher;
        this.offsets = offsets;
        this.committer = committer;
        this.pauser = pauser;
        this.drainTimeout = drainTimeout;
        this.aborting = aborting;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty() || aborting.getAsBoolean()) {
            return;
        }
        try {
            dispatcher.awaitOutstanding(System.currentTimeMillis() + drainTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        committer.commitDone();
        forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
        forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        pauser.keepPaused(partitions);
    }

    private void forget(Collection<TopicPartition> partitions) {
        Set<TopicPartition> gone = Set.copyOf(partitions);
        dispatcher.dropBuffered(gone);
        offsets.forget(gone);
    }
}
