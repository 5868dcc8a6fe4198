package dev.cutout.vision.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Spearman's rank correlation: how well one quantity orders items like another, whatever the
 * scale. It is how a quality score is judged against the true IoU: a verifier only has to rank masks
 * right for a publish threshold to work.
 */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /**
     * Spearman's rho: the Pearson correlation of the ranks, tied values taking the mean of the ranks
     * they span. NaN when there are fewer than two pairs or either side is constant (no order to
     * compare).
     *
     * @throws IllegalArgumentException when the lengths differ or a value is NaN
     */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException(a.length + " values against " + b.length);
        }
        if (a.length < 2) {
            return Double.NaN;
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double mean = (a.length + 1) / 2.0;
        double cross = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = ra[i] - mean;
            double db = rb[i] - mean;
            cross += da * db;
            sa += da * da;
            sb += db * db;
        }
        if (sa == 0 || sb == 0) {
            return Double.NaN;
        }
        return cross / Math.sqrt(sa * sb);
    }

    /** Ranks from 1, ties sharing the mean of their ranks. */
    static double[] ranks(double[] values) {
        int n = values.length;
        for (double v : values) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("NaN cannot be ranked");
            }
        }
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[n];
        for (int start = 0; start < n;) {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) {
                end++;
            }
            double rank = (start + end) / 2.0 + 1;
            for (int k = start; k <= end; k++) {
                ranks[order[k]] = rank;
            }
            start = end + 1;
        }
        return ranks;
    }
}
