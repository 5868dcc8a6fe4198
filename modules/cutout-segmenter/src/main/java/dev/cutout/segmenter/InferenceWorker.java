package dev.cutout.segmenter;

import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.mask.MaskRefiner;
import dev.cutout.vision.mask.RefineOptions;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inference thread: takes batches from the queue and infers them with its own predictor, reused from
 * batch to batch, and hands each inferred batch to its {@link MaskWriter}, which writes it while the next
 * one is inferred. When a batch arrives bound to another model (after a swap) it closes the old predictor
 * and opens one on the new model; an idle worker also lets go of a retired model, so that it can close.
 */
public final class InferenceWorker implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(InferenceWorker.class);
    private static final long IDLE_POLL_MILLIS = 100;

    private final BlockingQueue<Batch> queue;
    private final BatchProcessor processor;
    private final RefineOptions refine;
    private final Consumer<BatchOutcome> outcomes;
    private volatile boolean stopping;
    private ModelHandle predictorModel;
    private MaskPredictor predictor;

    public InferenceWorker(BlockingQueue<Batch> queue, BatchProcessor processor, RefineOptions refine,
                           Consumer<BatchOutcome> outcomes) {
        this.queue = queue;
        this.processor = processor;
        this.refine = refine;
        this.outcomes = outcomes;
    }

    /** Finish the batch at hand, then stop. */
    public void stop() {
        stopping = true;
    }

    @Override
    public void run() {
        MaskWriter writer = new MaskWriter(processor, new MaskRefiner(refine), outcomes);
        Thread writerThread = new Thread(writer, Thread.currentThread().getName() + "-writer");
        writerThread.start();
        try {
            while (!stopping) {
                Batch batch = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (batch != null) {
                    runBatch(batch, writer);
                }
                if (predictorModel != null && predictorModel.retired()) {
                    closePredictor();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closePredictor();
            writer.finish();
            joinUninterruptibly(writerThread);
        }
    }

    private void runBatch(Batch batch, MaskWriter writer) throws InterruptedException {
        BatchProcessor.Inferred inferred;
        try {
            inferred = processor.infer(batch, predictorFor(batch.model()));
        } catch (Throwable e) {
            log.error("batch of {} on model {} failed", batch.records().size(), batch.model().label(), e);
            fail(batch, e);
            return;
        }
        try {
            writer.submit(inferred);
        } catch (InterruptedException e) {
            fail(batch, e);
            throw e;
        }
    }

    /** Reports a batch that will not be written: its records are read again after a restart. */
    private void fail(Batch batch, Throwable cause) {
        outcomes.accept(new BatchOutcome(batch, cause));
        batch.model().release();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private MaskPredictor predictorFor(ModelHandle model) {
        if (predictorModel != model) {
            closePredictor();
            predictorModel = model.acquire();
            predictor = model.model().newPredictor(refine);
        }
        return predictor;
    }

    private void closePredictor() {
        if (predictor != null) {
            predictor.close();
            predictor = null;
        }
        if (predictorModel != null) {
            predictorModel.release();
            predictorModel = null;
        }
    }
}
