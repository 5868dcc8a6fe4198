package dev.cutout.vision.metrics;

import dev.cutout.vision.mask.AlphaMask;

/**
 * The per-image mask metrics in one place. The prediction is a soft mask, the truth is binarised
 * at 0.5; both must have the same size (score at the resolution that matters: the photo's).
 */
public final class Metrics {

    private Metrics() {
    }

    /** Intersection over union of the prediction binarised at 0.5; 1 when both are empty. */
    public static double iou(AlphaMask prediction, AlphaMask truth) {
        return Confusion.of(prediction, truth).iou();
    }

    /** Dice coefficient of the prediction binarised at 0.5; 1 when both are empty. */
    public static double dice(AlphaMask prediction, AlphaMask truth) {
        return Confusion.of(prediction, truth).dice();
    }

    /** Mean absolute error between the soft prediction and the binarised truth. */
    public static double mae(AlphaMask prediction, AlphaMask truth) {
        requireSameSize(prediction, truth);
        double sum = 0;
        int n = prediction.pixelCount();
        for (int i = 0; i < n; i++) {
            float t = truth.at(i) >= Confusion.THRESHOLD ? 1f : 0f;
            sum += Math.abs(prediction.at(i) - t);
        }
        return sum / n;
    }

    /** The image's maximum F-measure over 256 thresholds (see {@link FMeasureCurve}). */
    public static double maxF(AlphaMask prediction, AlphaMask truth) {
        return FMeasureCurve.of(prediction, truth).maxF();
    }

    /** Boundary F-measure with a tolerance of {@code tolerance} pixels (see {@link BoundaryF}). */
    public static double boundaryF(AlphaMask prediction, AlphaMask truth, double tolerance) {
        return BoundaryF.of(prediction, truth, tolerance).f();
    }

    static void requireSameSize(AlphaMask prediction, AlphaMask truth) {
        if (!prediction.sameSize(truth)) {
            throw new IllegalArgumentException("prediction is " + prediction.width() + "x" + prediction.height()
                    + " but truth is " + truth.width() + "x" + truth.height());
        }
    }
}
