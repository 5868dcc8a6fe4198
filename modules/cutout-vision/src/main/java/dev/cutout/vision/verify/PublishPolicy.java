package dev.cutout.vision.verify;

import java.util.List;

/**
 * The publish thresholds a verifier release chose on calibration masks (photos its segmenter never
 * trained on): per product cluster, the lowest score at which the calibration masks show, with
 * {@code confidence}, that at least {@code targetPrecision} of the auto-published masks reach
 * {@code goodIou} ({@link PrecisionBound}); 1.0 where none does: nothing publishes without review. A
 * cluster with too few calibration masks to judge takes the overall threshold.
 */
public record PublishPolicy(double goodIou, double targetPrecision, double confidence, Threshold overall,
                            List<Threshold> clusters) {

    /** Below this many calibration masks a cluster's own threshold is not trusted. */
    public static final int MIN_CLUSTER_MASKS = 25;

    /**
     * @param cluster          cluster id, -1 for the overall threshold
     * @param label            the cluster's label
     * @param threshold        publish when the score is at least this
     * @param calibrationMasks calibration masks in the cluster
     * @param published        of those, at or above the threshold
     * @param precision        share of the published with true IoU at least {@code goodIou} (NaN when none)
     * @param supported        the precision's lower bound at the policy's confidence (NaN when none)
     * @param fromOverall      the cluster had too few masks and uses the overall threshold
     */
    public record Threshold(int cluster, String label, double threshold, int calibrationMasks, int published,
                            double precision, double supported, boolean fromOverall) {

        public double publishRate() {
            return calibrationMasks == 0 ? 0 : published / (double) calibrationMasks;
        }
    }

    public PublishPolicy {
        clusters = List.copyOf(clusters);
    }

    /** The threshold of {@code cluster}, the overall one for a cluster this policy does not know. */
    public double thresholdFor(int cluster) {
        return clusters.stream().filter(t -> t.cluster() == cluster).mapToDouble(Threshold::threshold).findFirst()
                .orElse(overall.threshold());
    }
}
