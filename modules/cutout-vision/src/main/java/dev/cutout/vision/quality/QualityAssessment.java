package dev.cutout.vision.quality;

import java.util.List;
import java.util.Objects;

/**
 * A verdict on one mask.
 *
 * @param score    predicted quality in [0,1], meant as an estimate of the IoU with the true mask
 * @param reasons  why the mask is doubtful, most important first; empty when nothing is
 * @param evidence the measurements the verdict rests on
 * @param cluster  the product cluster the photo falls into and its publish threshold; null for a
 *                 scorer without clusters
 */
public record QualityAssessment(double score, List<QualityReason> reasons, MaskEvidence evidence,
                                ClusterAssignment cluster) {

    /** A verdict without a product cluster. */
    public QualityAssessment(double score, List<QualityReason> reasons, MaskEvidence evidence) {
        this(score, reasons, evidence, null);
    }

    public QualityAssessment {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0,1], was " + score);
        }
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(evidence, "evidence");
    }
}
