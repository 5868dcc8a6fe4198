package dev.cutout.vision.metrics;

import dev.cutout.vision.mask.AlphaMask;
import java.util.Arrays;

/**
 * Boundary F-measure: how well the outline of the prediction matches the outline of the truth,
 * where a boundary pixel counts as matched if the other mask has a boundary pixel within
 * {@code tolerance} pixels (Euclidean). Precision is the matched share of predicted boundary pixels,
 * recall the matched share of true boundary pixels, {@code F = 2PR / (P + R)}.
 *
 * <p>Both masks are binarised at 0.5. A boundary pixel is a foreground pixel with a 4-neighbour
 * in the background; the image border is not a boundary. Two masks without any boundary agree
 * (F = 1); one without and one with do not (F = 0).
 */
public record BoundaryF(double precision, double recall, double f) {

    public static final double DEFAULT_TOLERANCE = 3;

    /** With {@link #DEFAULT_TOLERANCE}. */
    public static BoundaryF of(AlphaMask prediction, AlphaMask truth) {
        return of(prediction, truth, DEFAULT_TOLERANCE);
    }

    public static BoundaryF of(AlphaMask prediction, AlphaMask truth, double tolerance) {
        Metrics.requireSameSize(prediction, truth);
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0: " + tolerance);
        }
        int w = prediction.width();
        int h = prediction.height();
        boolean[] predicted = boundary(prediction);
        boolean[] actual = boundary(truth);
        int[] disk = diskOffsets(tolerance);
        long[] predictedMatches = matches(predicted, actual, w, h, disk);
        long[] actualMatches = matches(actual, predicted, w, h, disk);
        long predictedCount = predictedMatches[1];
        long actualCount = actualMatches[1];
        if (predictedCount == 0 && actualCount == 0) {
            return new BoundaryF(1, 1, 1);
        }
        if (predictedCount == 0 || actualCount == 0) {
            return new BoundaryF(0, 0, 0);
        }
        double p = (double) predictedMatches[0] / predictedCount;
        double r = (double) actualMatches[0] / actualCount;
        return new BoundaryF(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static boolean[] boundary(AlphaMask mask) {
        int w = mask.width();
        int h = mask.height();
        boolean[] out = new boolean[w * h];
        float t = Confusion.THRESHOLD;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (mask.at(i) < t) {
                    continue;
                }
                out[i] = (x > 0 && mask.at(i - 1) < t)
                        || (x < w - 1 && mask.at(i + 1) < t)
                        || (y > 0 && mask.at(i - w) < t)
                        || (y < h - 1 && mask.at(i + w) < t);
            }
        }
        return out;
    }

    /** Pairs {@code (dx, dy)} with {@code dx² + dy² <= tolerance²}. */
    private static int[] diskOffsets(double tolerance) {
        int r = (int) Math.floor(tolerance);
        double limit = tolerance * tolerance;
        int[] tmp = new int[2 * (2 * r + 1) * (2 * r + 1)];
        int n = 0;
        for (int dy = -r; dy <= r; dy++) {
            for (int dx = -r; dx <= r; dx++) {
                if (dx * dx + dy * dy <= limit) {
                    tmp[n++] = dx;
                    tmp[n++] = dy;
                }
            }
        }
        return Arrays.copyOf(tmp, n);
    }

    /** {matched, total}: how many of {@code from}'s pixels have a pixel of {@code to} within the disk. */
    private static long[] matches(boolean[] from, boolean[] to, int w, int h, int[] disk) {
        long matched = 0;
        long total = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!from[y * w + x]) {
                    continue;
                }
                total++;
                for (int k = 0; k < disk.length; k += 2) {
                    int nx = x + disk[k];
                    int ny = y + disk[k + 1];
                    if (nx >= 0 && ny >= 0 && nx < w && ny < h && to[ny * w + nx]) {
                        matched++;
                        break;
                    }
                }
            }
        }
        return new long[] {matched, total};
    }
}
