package dev.cutout.vision.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import dev.cutout.vision.data.Augmenter;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Recomputes a network's batch-norm statistics (running mean and variance) as the plain mean over many
 * batches of whole training photos at the size it serves at.
 *
 * <p>Why: training leaves each layer's statistics as an exponential average over its last few batches
 * of augmented crops, and averaging snapshots averages those as well. Neither is the statistic of the
 * photos the network will see. Measured, it is not a reliable gain: on the mean of epochs 23-25 it
 * raised carvana-val Dice 0.9800 -> 0.9806 (80 photos) and duts-val max-F 0.8097 -> 0.8142 (100 photos),
 * but on the mean of epochs 30-34 and all of both sets it gave Dice 0.9852 against 0.9850 and max-F
 * 0.8356 against 0.8432, so that mean kept averaged statistics.
 *
 * <p>How: a forward pass in training mode updates each statistic to {@code m * old + (1 - m) * batch}
 * (DJL's default momentum {@code m = 0.9}). Starting every batch from zero leaves {@code (1 - m) * batch},
 * from which the batch's own statistic is summed; the weights are not touched.
 */
final class BatchNormStatistics {

    /** DJL's default batch-norm momentum, which the segmenter's layers use. */
    static final float MOMENTUM = 0.9f;

    private BatchNormStatistics() {
    }

    /**
     * Replaces the statistics of every batch-norm layer in {@code net} with their mean over
     * {@code batches} batches of {@code batchSize} whole training photos of {@code data} at {@code size}.
     */
    static void recompute(Block net, NDManager manager, TrainingData data, int size, int batchSize, int batches,
            long seed) throws InterruptedException {
        if (batches < 1) {
            throw new IllegalArgumentException("batches must be >= 1: " + batches);
        }
        List<NDArray> statistics = new ArrayList<>();
        for (Pair<String, Parameter> p : net.getParameters()) {
            Parameter.Type type = p.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                statistics.add(p.getValue().getArray());
            }
        }
        if (statistics.isEmpty()) {
            return;
        }
        try (NDManager work = manager.newSubManager()) {
            List<NDArray> sums = new ArrayList<>();
            for (NDArray statistic : statistics) {
                sums.add(work.zeros(statistic.getShape(), statistic.getDataType()));
            }
            Augmenter wholePhotos = new Augmenter(size, Augmenter.Recipe.none());
            ParameterStore store = new ParameterStore(work, false);
            try (BatchProducer producer = BatchProducer.ofImages(data, wholePhotos, batchSize, size, batches, seed);
                    ProgressBar bar = new ProgressBarBuilder().setTaskName("batch-norm statistics")
                            .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).continuousUpdate().build()) {
                for (int b = 0; b < batches; b++) {
                    BatchProducer.Batch batch = producer.next();
                    for (NDArray statistic : statistics) {
                        statistic.set(new float[(int) statistic.size()]);
                    }
                    try (NDManager step = work.newSubManager()) {
                        NDArray input = step.create(batch.inputs(), new Shape(batch.count(), 3, size, size));
                        net.forward(store, new NDList(input), true).close();
                    }
                    for (int i = 0; i < statistics.size(); i++) {
                        try (NDArray own = statistics.get(i).div(1 - MOMENTUM)) {
                            sums.get(i).addi(own);
                        }
                    }
                    bar.step();
                }
            }
            for (int i = 0; i < statistics.size(); i++) {
                statistics.get(i).set(sums.get(i).divi(batches).toFloatArray());
            }
        }
    }
}
