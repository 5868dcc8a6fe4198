package dev.cutout.vision.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the scores of an evaluation run and summarises them. Safe to feed from several threads.
 */
public final class RunMetrics {

    private final List<ImageScore> scores = new ArrayList<>();
    private final double[] fSum = new double[FMeasureCurve.THRESHOLDS];

    /** Adds one image's score. */
    public synchronized void add(ImageScore score) {
        scores.add(score);
        for (int k = 0; k < fSum.length; k++) {
            fSum[k] += score.fCurve().f(k);
        }
    }

    public synchronized int size() {
        return scores.size();
    }

    /** The scores so far, in the order they were added. */
    public synchronized List<ImageScore> scores() {
        return Collections.unmodifiableList(new ArrayList<>(scores));
    }

    /** The {@code count} images with the lowest IoU, worst first: where to look when a run disappoints. */
    public synchronized List<ImageScore> worst(int count) {
        return scores.stream().sorted(Comparator.comparingDouble(ImageScore::iou)).limit(count).toList();
    }

    /** The mean F-measure per threshold over the images so far. */
    public synchronized double[] meanFCurve() {
        double[] mean = new double[fSum.length];
        for (int k = 0; k < mean.length; k++) {
            mean[k] = scores.isEmpty() ? Double.NaN : fSum[k] / scores.size();
        }
        return mean;
    }

    public synchronized RunSummary summary() {
        int n = scores.size();
        if (n == 0) {
            double nan = Double.NaN;
            return new RunSummary(0, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        double iou = 0;
        double dice = 0;
        double mae = 0;
        double boundary = 0;
        int at95 = 0;
        int at97 = 0;
        int at99 = 0;
        for (ImageScore s : scores) {
            iou += s.iou();
            dice += s.dice();
            mae += s.mae();
            boundary += s.boundaryF();
            at95 += s.iou() >= 0.95 ? 1 : 0;
            at97 += s.iou() >= 0.97 ? 1 : 0;
            at99 += s.iou() >= 0.99 ? 1 : 0;
        }
        double maxF = 0;
        for (double f : meanFCurve()) {
            maxF = Math.max(maxF, f);
        }
        return new RunSummary(n, iou / n, dice / n, mae / n, maxF, boundary / n,
                (double) at95 / n, (double) at97 / n, (double) at99 / n);
    }
}
