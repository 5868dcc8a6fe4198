package dev.cutout.segmenter;

import dev.cutout.events.PhotoIngested;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands micro-batches of polled photos to the inference workers and takes their outcomes back. The poll
 * thread owns it, except {@link #completed}, which the workers call. At most {@link #BATCHES_PER_WORKER}
 * batches per worker are outstanding: one being written, one being inferred and one waiting, so that a
 * worker never waits for its next batch; the other records wait in the batcher, where they still fill up
 * batches and a revocation can drop them.
 */
final class BatchDispatcher {

    private static final Logger log = LoggerFactory.getLogger(BatchDispatcher.class);
    private static final long OUTCOME_CHECK_MILLIS = 10;
    static final int BATCHES_PER_WORKER = 3;

    private final MicroBatcher<ConsumerRecord<String, PhotoIngested>> batcher;
    private final OffsetTracker offsets;
    private final CurrentModel models;
    private final int maxOutstanding;
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<BatchOutcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicLong recordsDone = new AtomicLong();
    private final AtomicLong batchesDone = new AtomicLong();
    private int outstanding;

    BatchDispatcher(MicroBatcher<ConsumerRecord<String, PhotoIngested>> batcher, OffsetTracker offsets,
                    CurrentModel models, int workers) {
        this.batcher = batcher;
        this.offsets = offsets;
        this.models = models;
        this.maxOutstanding = workers * BATCHES_PER_WORKER;
    }

    /** The queue the workers take batches from. */
    BlockingQueue<Batch> queue() {
        return queue;
    }

    /** A worker is done with a batch; called on the worker's thread. */
    void completed(BatchOutcome outcome) {
        outcomes.add(outcome);
    }

    /** Keeps a polled record until its batch is ready. */
    void buffer(ConsumerRecord<String, PhotoIngested> record, long receivedAtMillis) {
        batcher.add(record, receivedAtMillis);
    }

    /** Sends the batches that are ready at {@code nowMillis}, while a worker is free, bound to the current model. */
    void dispatchReady(long nowMillis) {
        while (outstanding < maxOutstanding) {
            Optional<List<ConsumerRecord<String, PhotoIngested>>> ready = batcher.nextBatch(nowMillis);
            if (ready.isEmpty()) {
                return;
            }
            queue.add(new Batch(ready.get(), models.acquireForBatch(), nowMillis));
            outstanding++;
        }
    }

    /** Marks the records of finished batches done; throws when a batch could not be completed. */
    void drainOutcomes() {
        BatchOutcome outcome;
        while ((outcome = outcomes.poll()) != null) {
            outstanding--;
            if (!outcome.succeeded()) {
                throw new IllegalStateException("a batch could not be completed", outcome.failure());
            }
            for (ConsumerRecord<String, PhotoIngested> record : outcome.batch().records()) {
                offsets.done(new TopicPartition(record.topic(), record.partition()), record.offset());
            }
            recordsDone.addAndGet(outcome.batch().records().size());
            batchesDone.incrementAndGet();
        }
    }

    /** Waits until no batch is outstanding or the deadline has passed, taking back outcomes meanwhile. */
    void awaitOutstanding(long deadlineMillis) throws InterruptedException {
        drainOutcomes();
        while (outstanding > 0 && System.currentTimeMillis() < deadlineMillis) {
            Thread.sleep(OUTCOME_CHECK_MILLIS);
            drainOutcomes();
        }
        if (outstanding > 0) {
            log.warn("{} batches still running; their records will be read again", outstanding);
        }
    }

    /** Batches handed to the workers whose outcome is not taken back yet. */
    int outstanding() {
        return outstanding;
    }

    /** Milliseconds until the oldest buffered record is due in a batch; {@code idleMillis} when none is buffered. */
    long millisUntilDue(long nowMillis, long idleMillis) {
        return batcher.millisUntilDue(nowMillis, idleMillis);
    }

    /** Drops the buffered records of {@code partitions}: their new owner reads them again. */
    void dropBuffered(Set<TopicPartition> partitions) {
        batcher.removeIf(record -> partitions.contains(new TopicPartition(record.topic(), record.partition())));
    }

    /** Records whose outputs are written and acknowledged, dead letters included. */
    long recordsDone() {
        return recordsDone.get();
    }

    long batchesDone() {
        return batchesDone.get();
    }
}
