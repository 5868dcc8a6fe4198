package dev.cutout.vision.quality;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.image.BufferedImage;

/**
 * Judges a soft mask without ground truth. Implementations: {@link EvidenceScorer} (transparent rules)
 * and the learned verification model; both are used the same way by the verifier service.
 * Implementations must be safe to call from several threads.
 */
public interface MaskQualityScorer {

    /**
     * Scores {@code mask} as a cutout of {@code photo}.
     *
     * @param photo the photo the mask was made for; a photo of another size is resampled to the mask's
     * @param mask  the soft mask, 1 = product
     * @return the predicted quality in [0,1] (an estimate of the IoU with the true mask), the reasons
     *         to doubt the mask, and the evidence the judgement rests on
     */
    QualityAssessment assess(BufferedImage photo, AlphaMask mask);

    /** Model family name, reported with every score (e.g. {@code evidence-rules}). */
    String name();

    /** Release number of the model, reported with every score. */
    int version();
}
