package dev.cutout.vision.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.cutout.vision.data.Augmenter;
import dev.cutout.vision.data.LabelledImage;
import dev.cutout.vision.data.TrainingExample;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.metrics.MaskEvaluator;
import dev.cutout.vision.metrics.RunMetrics;
import dev.cutout.vision.metrics.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Scores the network on the held-out images at the training input size after each epoch: a
 * fast signal for model selection. Release-quality numbers come from {@code cutout eval} at
 * full resolution.
 */
final class Validation {

    private static final int BATCH = 8;

    record Scores(double iou, double mae, double maxF) {}

    private Validation() {}

    static Scores score(Trainer trainer, TrainingData data, int size, int limitPerSource) {
        Augmenter whole = new Augmenter(size, Augmenter.Recipe.none());
        List<LabelledImage> images = new ArrayList<>();
        for (TrainingData.Source source : data.sources()) {
            images.addAll(source.validation().subList(0, Math.min(limitPerSource, source.validation().size())));
        }
        RunMetrics metrics = new RunMetrics();
        MaskEvaluator evaluator = new MaskEvaluator();
        Random unused = new Random(0);
        int plane = size * size;
        for (int start = 0; start < images.size(); start += BATCH) {
            List<TrainingExample> batch = new ArrayList<>();
            for (LabelledImage image : images.subList(start, Math.min(images.size(), start + BATCH))) {
                batch.add(whole.apply(image, unused));
            }
            float[] inputs = new float[batch.size() * 3 * plane];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(batch.get(i).input(), 0, inputs, i * 3 * plane, 3 * plane);
            }
            float[] predicted;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = scope.create(inputs, new Shape(batch.size(), 3, size, size));
                NDArray fused = trainer.evaluate(new NDList(x)).get(0);
                predicted = fused.getNDArrayInternal().sigmoid().toFloatArray();
            }
            for (int i = 0; i < batch.size(); i++) {
                float[] p = new float[plane];
                System.arraycopy(predicted, i * plane, p, 0, plane);
                AlphaMask truth = AlphaMask.of(size, size, batch.get(i).mask()).binarize(0.5f);
                metrics.add(evaluator.score(String.valueOf(start + i), AlphaMask.of(size, size, p), truth));
            }
        }
        if (metrics.size() == 0) {
            return new Scores(Double.NaN, Double.NaN, Double.NaN);
        }
        RunSummary summary = metrics.summary();
        return new Scores(summary.meanIou(), summary.meanMae(), summary.maxF());
    }
}
