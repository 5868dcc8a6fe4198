package dev.cutout.vision.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.Trainer;
import dev.cutout.vision.data.Augmenter;
import dev.cutout.vision.data.LabelledImage;
import dev.cutout.vision.data.TrainingExample;
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
        double iouSum = 0;
        double maeSum = 0;
        double[] fSum = new double[THRESHOLDS];
        int n = 0;
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
                float[] truth = batch.get(i).mask();
                iouSum += iou(p, truth);
                maeSum += mae(p, truth);
                addF(p, truth, fSum);
                n++;
            }
        }
        if (n == 0) {
            return new Scores(Double.NaN, Double.NaN, Double.NaN);
        }
        double maxF = 0;
        for (double f : fSum) {
            maxF = Math.max(maxF, f / n);
        }
        return new Scores(iouSum / n, maeSum / n, maxF);
    }

    private static final int THRESHOLDS = 64;

    private static double iou(float[] p, float[] t) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < p.length; i++) {
            boolean a = p[i] >= 0.5f;
            boolean b = t[i] >= 0.5f;
            inter += a && b ? 1 : 0;
            union += a || b ? 1 : 0;
        }
        return union == 0 ? 1 : inter / (double) union;
    }

    private static double mae(float[] p, float[] t) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += Math.abs(p[i] - (t[i] >= 0.5f ? 1 : 0));
        }
        return sum / p.length;
    }

    /** Adds this image's F-measure (beta^2 = 0.3) at each of a coarse set of thresholds. */
    private static void addF(float[] p, float[] t, double[] fSum) {
        for (int k = 0; k < THRESHOLDS; k++) {
            float threshold = (k + 0.5f) / THRESHOLDS;
            long tp = 0;
            long predicted = 0;
            long positive = 0;
            for (int i = 0; i < p.length; i++) {
                boolean a = p[i] >= threshold;
                boolean b = t[i] >= 0.5f;
                tp += a && b ? 1 : 0;
                predicted += a ? 1 : 0;
                positive += b ? 1 : 0;
            }
            double precision = predicted == 0 ? 0 : tp / (double) predicted;
            double recall = positive == 0 ? 0 : tp / (double) positive;
            double denom = 0.3 * precision + recall;
            fSum[k] += denom == 0 ? 0 : 1.3 * precision * recall / denom;
        }
    }
}
