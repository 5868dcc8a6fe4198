package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cutout.vision.quality.ClusterAssignment;
import dev.cutout.vision.quality.MaskEvidence;
import dev.cutout.vision.quality.QualityAssessment;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationSummaryTest {

    private static final MaskEvidence EVIDENCE = new MaskEvidence(10, 10, 0.5, 0, 0, 40, 1, 0, 0, 0, 0, Set.of(), 1);
    private static final ClusterAssignment CARS = new ClusterAssignment(0, "cars", 0.9);

    @Test
    void countsRankErrorAndWhatTheThresholdsPublish() {
        List<VerifiedMask> masks = List.of(
                mask(0.98, 0.97), // published, good
                mask(0.94, 0.92), // published, not good (below IoU 0.95)
                mask(0.80, 0.85),
                mask(0.40, 0.50));

        VerificationSummary summary = VerificationSummary.of(masks);

        assertThat(summary.n()).isEqualTo(4);
        assertThat(summary.spearman()).isCloseTo(1.0, within(1e-9));
        assertThat(summary.mae()).isCloseTo((0.01 + 0.02 + 0.05 + 0.10) / 4, within(1e-9));
        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.publishRate()).isEqualTo(0.5);
        assertThat(summary.precision()).isEqualTo(0.5);
        assertThat(summary.format())
                .isEqualTo("n=4 spearman=1.0000 mae=0.0450 publish_rate=0.5000 precision=0.5000");
    }

    @Test
    void nothingPublishedHasNoPrecision() {
        VerificationSummary summary = VerificationSummary.of(List.of(mask(0.99, 0.5), mask(0.3, 0.6)));

        assertThat(summary.publishRate()).isZero();
        assertThat(summary.format()).endsWith("publish_rate=0.0000 precision=NaN");
    }

    private static VerifiedMask mask(double trueIou, double score) {
        return new VerifiedMask("photo.jpg", "folder", trueIou, new QualityAssessment(score, List.of(), EVIDENCE, CARS));
    }
}
