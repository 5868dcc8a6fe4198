package dev.cutout.vision.quality;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class EvidenceScorerTest {

    private static final int SIZE = 200;
    private final EvidenceScorer scorer = new EvidenceScorer();

    @Test
    void cleanDiscOnItsPhotoScoresHighWithoutReasons() {
        QualityAssessment clean = scorer.assess(photoWithDisc(100, 100, 60), disc(100, 100, 60, 1));

        assertThat(clean.score()).isGreaterThanOrEqualTo(0.95);
        assertThat(clean.reasons()).isEmpty();
        MaskEvidence evidence = clean.evidence();
        assertThat(evidence.components()).isEqualTo(1);
        assertThat(evidence.holes()).isZero();
        assertThat(evidence.borderContact()).isZero();
        assertThat(evidence.borderSides()).isEmpty();
        assertThat(evidence.areaShare()).isCloseTo(Math.PI * 60 * 60 / (SIZE * SIZE), org.assertj.core.data.Offset.offset(0.01));
        assertThat(evidence.uncertainBandWidth()).isLessThan(2);
        assertThat(evidence.edgeAgreement()).isGreaterThan(0.9);
    }

    @Test
    void holeLowersTheScoreAndIsNamed() {
        float[] values = disc(100, 100, 60, 1).values();
        paintDisc(values, 100, 100, 15, 0f);

        QualityAssessment holed = scorer.assess(photoWithDisc(100, 100, 60), AlphaMask.of(SIZE, SIZE, values));

        assertThat(holed.reasons()).contains(QualityReason.HOLES);
        assertThat(holed.evidence().holes()).isEqualTo(1);
        assertThat(holed.score()).isLessThan(cleanScore() - 0.1);
    }

    @Test
    void separatePiecesLowerTheScoreAndAreNamed() {
        float[] values = disc(90, 90, 50, 1).values();
        paintDisc(values, 165, 165, 12, 1f);

        QualityAssessment fragmented = scorer.assess(photoWithDisc(90, 90, 50), AlphaMask.of(SIZE, SIZE, values));

        assertThat(fragmented.reasons()).contains(QualityReason.FRAGMENTED_MASK);
        assertThat(fragmented.evidence().components()).isEqualTo(2);
        assertThat(fragmented.score()).isLessThan(cleanScore() - 0.1);
    }

    @Test
    void specksAreNotFragments() {
        float[] values = disc(100, 100, 60, 1).values();
        values[5 * SIZE + 5] = 1f;

        assertThat(scorer.assess(photoWithDisc(100, 100, 60), AlphaMask.of(SIZE, SIZE, values)).evidence()
                .components()).isEqualTo(1);
    }

    @Test
    void contactWithTheFrameLowersTheScoreAndNamesTheSide() {
        QualityAssessment cropped = scorer.assess(photoWithDisc(100, 20, 60), disc(100, 20, 60, 1));

        assertThat(cropped.reasons()).contains(QualityReason.TOUCHES_BORDER);
        assertThat(cropped.evidence().borderSides()).containsExactly(BorderSide.TOP);
        assertThat(cropped.evidence().borderContact()).isGreaterThan(0.1);
        assertThat(cropped.score()).isLessThan(cleanScore() - 0.1);
    }

    @Test
    void wideUncertainBandLowersTheScoreAndIsNamed() {
        QualityAssessment blurry = scorer.assess(photoWithDisc(100, 100, 60), disc(100, 100, 60, 24));

        assertThat(blurry.reasons()).contains(QualityReason.WIDE_CONFIDENCE_BAND);
        assertThat(blurry.evidence().uncertainBandWidth()).isGreaterThan(10);
        assertThat(blurry.score()).isLessThan(cleanScore() - 0.1);
    }

    @Test
    void outlineOnAFlatPhotoIsLowContrast() {
        BufferedImage flat = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);

        QualityAssessment unsupported = scorer.assess(flat, disc(100, 100, 60, 1));

        assertThat(unsupported.reasons()).containsExactly(QualityReason.LOW_CONTRAST);
        assertThat(unsupported.score()).isLessThan(cleanScore());
    }

    @Test
    void emptyAndFullMasksScoreLowest() {
        BufferedImage photo = photoWithDisc(100, 100, 60);

        QualityAssessment empty = scorer.assess(photo, AlphaMask.filled(SIZE, SIZE, 0f));
        QualityAssessment full = scorer.assess(photo, AlphaMask.filled(SIZE, SIZE, 1f));

        assertThat(empty.score()).isZero();
        assertThat(empty.reasons()).containsExactly(QualityReason.EMPTY_MASK);
        assertThat(full.score()).isLessThan(0.1);
        assertThat(full.reasons()).containsExactly(QualityReason.FULL_FRAME_MASK);
    }

    @Test
    void severalDoubtsAddUpAndTheLargestComesFirst() {
        float[] values = disc(100, 20, 60, 1).values();
        paintDisc(values, 100, 40, 15, 0f);
        paintDisc(values, 170, 170, 12, 1f);

        QualityAssessment bad = scorer.assess(photoWithDisc(100, 20, 60), AlphaMask.of(SIZE, SIZE, values));

        assertThat(bad.reasons()).contains(QualityReason.HOLES, QualityReason.FRAGMENTED_MASK,
                QualityReason.TOUCHES_BORDER);
        assertThat(bad.score()).isLessThan(0.5);
    }

    @Test
    void photoOfAnotherSizeIsResampledToTheMask() {
        QualityAssessment assessment = scorer.assess(photoWithDisc(200, 200, 120, 400), disc(100, 100, 60, 1));

        assertThat(assessment.reasons()).isEmpty();
    }

    @Test
    void evidenceGivesOneFeaturePerName() {
        MaskEvidence evidence = scorer.assess(photoWithDisc(100, 100, 60), disc(100, 100, 60, 1)).evidence();

        assertThat(evidence.features()).hasSize(MaskEvidence.FEATURE_NAMES.size());
        assertThat(evidence.features()[0]).isEqualTo(evidence.areaShare());
    }

    private double cleanScore() {
        return scorer.assess(photoWithDisc(100, 100, 60), disc(100, 100, 60, 1)).score();
    }

    /** A soft disc whose alpha falls from 1 to 0 over {@code edge} pixels around radius {@code r}. */
    private static AlphaMask disc(double cx, double cy, double r, double edge) {
        float[] values = new float[SIZE * SIZE];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                values[y * SIZE + x] = (float) Math.max(0, Math.min(1, (r - d) / edge + 0.5));
            }
        }
        return AlphaMask.of(SIZE, SIZE, values);
    }

    private static void paintDisc(float[] values, double cx, double cy, double r, float alpha) {
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (Math.hypot(x + 0.5 - cx, y + 0.5 - cy) <= r) {
                    values[y * SIZE + x] = alpha;
                }
            }
        }
    }

    private static BufferedImage photoWithDisc(double cx, double cy, double r) {
        return photoWithDisc(cx, cy, r, SIZE);
    }

    /** A dark product disc on a white studio background. */
    private static BufferedImage photoWithDisc(double cx, double cy, double r, int size) {
        BufferedImage photo = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, size, size);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(40, 60, 90));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        g.dispose();
        return photo;
    }
}
