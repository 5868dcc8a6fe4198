package dev.cutout.segmenter;

import dev.cutout.vision.mask.MaskRefiner;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writing half of an inference worker, on a thread of its own: refines, stores and emits the masks
 * of one inferred batch, waits for their acknowledgements and reports the batch's outcome, while the
 * worker infers the next batch. Inference then never waits on the object store or the broker. The
 * hand-over is synchronous, so a worker is at most one batch ahead of its writer.
 */
final class MaskWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(MaskWriter.class);
    private static final long IDLE_POLL_MILLIS = 100;

    private final SynchronousQueue<BatchProcessor.Inferred> handOver = new SynchronousQueue<>();
    private final BatchProcessor processor;
    private final MaskRefiner refiner;
    private final Consumer<BatchOutcome> outcomes;
    private volatile boolean finishing;

    MaskWriter(BatchProcessor processor, MaskRefiner refiner, Consumer<BatchOutcome> outcomes) {
        this.processor = processor;
        this.refiner = refiner;
        this.outcomes = outcomes;
    }

    /** Hands a batch over, waiting while the previous one is still being taken. */
    void submit(BatchProcessor.Inferred inferred) throws InterruptedException {
        handOver.put(inferred);
    }

    /** Stops once the batches handed over are written; called after the last {@link #submit}. */
    void finish() {
        finishing = true;
    }

    @Override
    public void run() {
        try {
            while (true) {
                BatchProcessor.Inferred next = handOver.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (next != null) {
                    write(next);
                } else if (finishing) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(BatchProcessor.Inferred inferred) {
        Batch batch = inferred.batch();
        try {
            processor.write(inferred, refiner);
            outcomes.accept(new BatchOutcome(batch, null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcomes.accept(new BatchOutcome(batch, e));
        } catch (Throwable e) {
            log.error("writing the masks of a batch of {} on model {} failed", batch.records().size(),
                    batch.model().label(), e);
            outcomes.accept(new BatchOutcome(batch, e));
        } finally {
            batch.model().release();
        }
    }
}
