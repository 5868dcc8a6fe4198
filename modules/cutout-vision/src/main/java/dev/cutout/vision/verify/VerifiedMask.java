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

    /** Whether the verdict publishes the mask without review: score at or above its cluster's threshold. */
    public boolean autoPublished() {
        double threshold = assessment.cluster() == null ? 1.0 : assessment.cluster().publishThreshold();
        return assessment.score() >= threshold;
    }

    public boolean good() {
        return trueIou >= QualityLabel.GOOD_IOU;
    }
}
