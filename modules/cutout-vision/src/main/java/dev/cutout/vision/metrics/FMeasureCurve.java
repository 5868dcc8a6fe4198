package dev.cutout.vision.metrics;

import dev.cutout.vision.mask.AlphaMask;

/**
 * Precision, recall and F-measure of a soft prediction at 256 thresholds, following the
 * salient-object evaluation convention (as in U²-Net's paper and the PySODMetrics toolbox):
 *
 * <ul>
 *   <li>the prediction is quantised to {@code q = floor(255 * p)}; threshold {@code k} in 0..255
 *       predicts foreground where {@code q >= k} (so {@code k = 0} predicts every pixel);</li>
 *   <li>the truth is binarised at 0.5;</li>
 *   <li>{@code F = (1 + β²) P R / (β² P + R)} with {@code β² = 0.3}, weighting precision;</li>
 *   <li>an image's max-F is the maximum of its curve; a dataset's max-F is the maximum of the mean
 *       curve over its images ({@link RunMetrics}).</li>
 * </ul>
 *
 * Where a threshold predicts nothing, precision is 0; where the truth is empty, recall is 0 — except
 * that a threshold predicting nothing on an empty truth agrees perfectly and scores F = 1.
 */
public final class FMeasureCurve {

    public static final int THRESHOLDS = 256;
    public static final double BETA_SQUARED = 0.3;

    private final double[] precision;
    private final double[] recall;
    private final double[] f;

    private FMeasureCurve(double[] precision, double[] recall, double[] f) {
        this.precision = precision;
        this.recall = recall;
        this.f = f;
    }

    /** The curve of {@code prediction} against {@code truth} (same size). */
    public static FMeasureCurve of(AlphaMask prediction, AlphaMask truth) {
        Metrics.requireSameSize(prediction, truth);
        long[] foreground = new long[THRESHOLDS];
        long[] background = new long[THRESHOLDS];
        int n = prediction.pixelCount();
        for (int i = 0; i < n; i++) {
            int q = quantise(prediction.at(i));
            if (truth.at(i) >= Confusion.THRESHOLD) {
                foreground[q]++;
            } else {
                background[q]++;
            }
        }
        long totalTruth = 0;
        for (long c : foreground) {
            totalTruth += c;
        }
        double[] p = new double[THRESHOLDS];
        double[] r = new double[THRESHOLDS];
        double[] fm = new double[THRESHOLDS];
        long tp = 0;
        long fp = 0;
        for (int k = THRESHOLDS - 1; k >= 0; k--) {
            tp += foreground[k];
            fp += background[k];
            long predicted = tp + fp;
            if (predicted == 0 && totalTruth == 0) {
                p[k] = 1;
                r[k] = 1;
                fm[k] = 1;
                continue;
            }
            p[k] = predicted == 0 ? 0 : (double) tp / predicted;
            r[k] = totalTruth == 0 ? 0 : (double) tp / totalTruth;
            fm[k] = fMeasure(p[k], r[k]);
        }
        return new FMeasureCurve(p, r, fm);
    }

    /** {@code (1 + β²) P R / (β² P + R)}, 0 when both are 0. */
    public static double fMeasure(double precision, double recall) {
        double numerator = (1 + BETA_SQUARED) * precision * recall;
        return numerator == 0 ? 0 : numerator / (BETA_SQUARED * precision + recall);
    }

    static int quantise(float value) {
        int q = (int) (value * 255f);
        return q < 0 ? 0 : (q > 255 ? 255 : q);
    }

    public double precision(int threshold) {
        return precision[threshold];
    }

    public double recall(int threshold) {
        return recall[threshold];
    }

    /** F at threshold {@code k} (foreground where {@code floor(255 p) >= k}). */
    public double f(int threshold) {
        return f[threshold];
    }

    /** A copy of the F curve, index = threshold. */
    public double[] fValues() {
        return f.clone();
    }

    /** The maximum of the curve. */
    public double maxF() {
        return f[bestThreshold()];
    }

    /** The threshold (0..255) with the highest F; the lowest such one on ties. */
    public int bestThreshold() {
        int best = 0;
        for (int k = 1; k < THRESHOLDS; k++) {
            if (f[k] > f[best]) {
                best = k;
            }
        }
        return best;
    }
}
