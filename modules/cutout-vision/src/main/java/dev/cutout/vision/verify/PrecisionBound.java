package dev.cutout.vision.verify;

/**
 * How good a precision measured on a few masks can be trusted to be: the one-sided Clopper-Pearson
 * lower confidence bound of a binomial proportion. With {@code good} of {@code published} calibration
 * masks good, the true share of good masks among all that such a threshold would publish is at least
 * this bound with probability {@code confidence}.
 *
 * <p>Why it matters: 30 of 30 good masks is an observed precision of 1.0, but a process that is good
 * only 97% of the time produces 30 good masks in a row 40% of the time. To claim 99% at 90% confidence
 * with no bad mask among them takes 230 published calibration masks ({@code 0.1^(1/230) = 0.990}).
 */
public final class PrecisionBound {

    private PrecisionBound() {
    }

    /**
     * The lower bound: the precision {@code p} at which seeing {@code good} or more good masks among
     * {@code published} has probability {@code 1 - confidence}. A confidence of 0 gives the observed
     * precision {@code good / published}. NaN when nothing is published.
     *
     * @param confidence in {@code [0, 1)}
     */
    public static double lower(int good, int published, double confidence) {
        if (good < 0 || good > published) {
            throw new IllegalArgumentException("good must be in [0, published]: " + good + " of " + published);
        }
        if (!(confidence >= 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1): " + confidence);
        }
        if (published == 0) {
            return Double.NaN;
        }
        if (confidence == 0) {
            return good / (double) published;
        }
        if (good == 0) {
            return 0;
        }
        double alpha = 1 - confidence;
        if (good == published) {
            return Math.pow(alpha, 1.0 / published); // closed form of the same equation
        }
        // P(X >= good | p) rises with p: bisect for the p where it equals alpha.
        double low = 0;
        double high = 1; // below a confidence of one half the bound lies above the observed share
        for (int i = 0; i < 60; i++) {
            double mid = (low + high) / 2;
            if (upperTail(good, published, mid) < alpha) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** P(X >= k) for X ~ Binomial(n, p), summed in log space so that large n neither overflows nor underflows. */
    static double upperTail(int k, int n, double p) {
        if (p <= 0) {
            return k == 0 ? 1 : 0;
        }
        if (p >= 1) {
            return 1;
        }
        double logP = Math.log(p);
        double logQ = Math.log1p(-p);
        double logChoose = logChoose(n, k);
        double sum = 0;
        for (int i = k; i <= n; i++) {
            sum += Math.exp(logChoose + i * logP + (n - i) * logQ);
            logChoose += Math.log(n - i) - Math.log(i + 1.0); // C(n, i+1) from C(n, i)
        }
        return Math.min(1, sum);
    }

    private static double logChoose(int n, int k) {
        double sum = 0;
        for (int i = 1; i <= k; i++) {
            sum += Math.log(n - k + i) - Math.log(i);
        }
        return sum;
    }
}
