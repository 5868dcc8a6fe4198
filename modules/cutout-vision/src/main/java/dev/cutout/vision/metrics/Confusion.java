package dev.cutout.vision.metrics;

import dev.cutout.vision.mask.AlphaMask;

/**
 * Pixel counts of a binarised prediction against a binarised truth, and the overlap scores built
 * on them. When neither mask has any foreground the two agree perfectly, so IoU and Dice are 1.
 */
public record Confusion(long truePositive, long falsePositive, long falseNegative, long trueNegative) {

    /** The opacity at which prediction and truth pixels count as foreground. */
    public static final float THRESHOLD = 0.5f;

    /** Both masks binarised at {@link #THRESHOLD}. */
    public static Confusion of(AlphaMask prediction, AlphaMask truth) {
        return of(prediction, truth, THRESHOLD);
    }

    /** The prediction binarised at {@code predictionThreshold}, the truth at {@link #THRESHOLD}. */
    public static Confusion of(AlphaMask prediction, AlphaMask truth, float predictionThreshold) {
        Metrics.requireSameSize(prediction, truth);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        int n = prediction.pixelCount();
        for (int i = 0; i < n; i++) {
            boolean p = prediction.at(i) >= predictionThreshold;
            boolean t = truth.at(i) >= THRESHOLD;
            if (p) {
                if (t) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (t) {
                fn++;
            }
        }
        return new Confusion(tp, fp, fn, n - tp - fp - fn);
    }

    /** Intersection over union, {@code TP / (TP + FP + FN)}; 1 when both masks are empty. */
    public double iou() {
        long union = truePositive + falsePositive + falseNegative;
        return union == 0 ? 1.0 : (double) truePositive / union;
    }

    /** Dice (F1), {@code 2TP / (2TP + FP + FN)}; 1 when both masks are empty. */
    public double dice() {
        long denominator = 2 * truePositive + falsePositive + falseNegative;
        return denominator == 0 ? 1.0 : 2.0 * truePositive / denominator;
    }

    /** {@code TP / (TP + FP)}; 1 when nothing was predicted and nothing was there, 0 when nothing was predicted. */
    public double precision() {
        long predicted = truePositive + falsePositive;
        if (predicted == 0) {
            return falseNegative == 0 ? 1.0 : 0.0;
        }
        return (double) truePositive / predicted;
    }

    /** {@code TP / (TP + FN)}; 1 when the truth is empty and nothing was predicted, 0 when something was. */
    public double recall() {
        long actual = truePositive + falseNegative;
        if (actual == 0) {
            return falsePositive == 0 ? 1.0 : 0.0;
        }
        return (double) truePositive / actual;
    }
}
