package dev.cutout.vision.verify;

import java.util.List;

/**
 * The publish thresholds a verifier release chose on calibration masks (photos its segmenter never
 * trained on): per product cluster, the lowest score at which at least {@code targetPrecision} of the
 * auto-published masks reach {@code goodIou}, provided it publishes at least {@link #MIN_PUBLISHED_MASKS}
 * of them (else 1.0: nothing publishes without review). A cluster with too few calibration masks to
 * judge takes the overall threshold.
 */
public record PublishPolicy(double goodIou, double targetPrecision, Threshold overall, List<Threshold> clusters) {

    /** Below this many calibration masks a cluster's own threshold is not trusted. */
    public static final int MIN_CLUSTER_MASKS = 25;
    /**
     * A threshold that publishes fewer calibration masks than this is not used (nothing publishes
     * instead): its measured precision rests on too few masks to mean anything.
     */
    public static final int MIN_PUBLISHED_MASKS = 30;

    /**
     * @param cluster          cluster id, -1 for the overall threshold
     * @param label            the cluster's label
     * @param threshold        publish when the score is at least this
     * @param calibrationMasks calibration masks in the cluster
     * @param published        of those, at or above the threshold
     * @param precision        share of the published with true IoU at least {@code goodIou} (NaN when none)
     * @param fromOverall      the cluster had too few masks and uses the overall threshold
     */
    public record Threshold(int cluster, String label, double threshold, int calibrationMasks, int published,
                            double precision, boolean fromOverall) {

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
