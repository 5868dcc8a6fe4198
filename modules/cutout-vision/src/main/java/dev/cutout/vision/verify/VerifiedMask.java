package dev.cutout.vision.verify;

import dev.cutout.vision.quality.QualityAssessment;

/**
 * A segmenter's mask of a labelled photo, the verifier's verdict on it and the truth.
 *
 * @param photo      the photo's name
 * @param folder     the folder it came from
 * @param trueIou    IoU of the mask with the true mask at full resolution
 * @param assessment the verifier's verdict
 */
public record VerifiedMask(String photo, String folder, double trueIou, QualityAssessment assessment) {

    /** The score from which this mask publishes without review: its cluster's threshold, 1.0 without a cluster. */
    public double publishThreshold() {
        return assessment.cluster() == null ? 1.0 : assessment.cluster().publishThreshold();
    }

    /** Whether the verdict publishes the mask without review: score at or above {@link #publishThreshold()}. */
    public boolean autoPublished() {
        return assessment.score() >= publishThreshold();
    }

    public boolean good() {
        return trueIou >= QualityLabel.GOOD_IOU;
    }
}
