package dev.cutout.vision.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * One training epoch over a producer's batches: forward, loss, backward and an optimizer step per
 * batch, with a progress bar showing the running loss. A non-finite loss stops the run.
 */
final class EpochLoop {

    private EpochLoop() {}

    /**
     * Trains on {@code batches} batches of {@code channels}-channel square inputs and one-channel targets.
     *
     * @return the mean loss over the epoch
     */
    static double run(Trainer trainer, BatchProducer producer, int channels, int batches, int epoch)
            throws InterruptedException {
        double lossSum = 0;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().setUnit(" batches", 1).build()) {
            for (int b = 0; b < batches; b++) {
                BatchProducer.Batch batch = producer.next();
                int size = batch.size();
                float loss;
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDArray x = scope.create(batch.inputs(), new Shape(batch.count(), channels, size, size));
                    NDArray y = scope.create(batch.masks(), new Shape(batch.count(), 1, size, size));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList predictions = trainer.forward(new NDList(x));
                        NDArray value = trainer.getLoss().evaluate(new NDList(y), predictions);
                        collector.backward(value);
                        loss = value.getFloat();
                    }
                    trainer.step();
                }
                if (!Float.isFinite(loss)) {
                    throw new IllegalStateException("training diverged: loss " + loss + " at epoch " + epoch);
                }
                lossSum += loss;
                bar.step();
                bar.setExtraMessage(String.format(" loss %.4f", lossSum / (b + 1)));
            }
        }
        return lossSum / batches;
    }
}
