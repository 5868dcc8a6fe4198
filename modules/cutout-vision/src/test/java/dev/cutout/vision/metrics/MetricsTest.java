package dev.cutout.vision.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cutout.vision.mask.AlphaMask;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static final AlphaMask TRUTH = Masks.of(
            "##..",
            "##..",
            "....",
            "....");
    private static final AlphaMask TOP_ROW = Masks.of(
            "####",
            "....",
            "....",
            "....");
    private static final AlphaMask EMPTY = AlphaMask.filled(4, 4, 0f);

    @Test
    void overlapCountsOfTwoFourPixelMasks() {
        // Prediction: the top row. Truth: the top-left 2x2. TP 2, FP 2, FN 2, TN 10.
        Confusion c = Confusion.of(TOP_ROW, TRUTH);

        assertThat(c).isEqualTo(new Confusion(2, 2, 2, 10));
        assertThat(c.iou()).isCloseTo(2.0 / 6, within(1e-12));
        assertThat(c.dice()).isCloseTo(0.5, within(1e-12));
        assertThat(c.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(c.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(Metrics.iou(TOP_ROW, TRUTH)).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(Metrics.dice(TOP_ROW, TRUTH)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void softPredictionsAreBinarisedAtOneHalf() {
        AlphaMask soft = Masks.of(
                "95..",
                "54..",
                "....",
                "....");
        // 0.9, 0.5, 0.5 count; 0.4 does not: TP 3, FN 1.
        assertThat(Metrics.iou(soft, TRUTH)).isCloseTo(0.75, within(1e-12));
        assertThat(Metrics.dice(soft, TRUTH)).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void identicalMasksScorePerfectly() {
        assertThat(Metrics.iou(TRUTH, TRUTH)).isEqualTo(1.0);
        assertThat(Metrics.dice(TRUTH, TRUTH)).isEqualTo(1.0);
        assertThat(Metrics.mae(TRUTH, TRUTH)).isEqualTo(0.0);
    }

    @Test
    void twoEmptyMasksAgree() {
        assertThat(Metrics.iou(EMPTY, EMPTY)).isEqualTo(1.0);
        assertThat(Metrics.dice(EMPTY, EMPTY)).isEqualTo(1.0);
        assertThat(Metrics.mae(EMPTY, EMPTY)).isEqualTo(0.0);
        assertThat(Confusion.of(EMPTY, EMPTY).precision()).isEqualTo(1.0);
        assertThat(Confusion.of(EMPTY, EMPTY).recall()).isEqualTo(1.0);
    }

    @Test
    void oneEmptyMaskScoresZeroOverlap() {
        assertThat(Metrics.iou(EMPTY, TRUTH)).isZero();
        assertThat(Metrics.dice(EMPTY, TRUTH)).isZero();
        assertThat(Metrics.iou(TRUTH, EMPTY)).isZero();
        assertThat(Metrics.dice(TRUTH, EMPTY)).isZero();
        assertThat(Confusion.of(EMPTY, TRUTH).precision()).isZero();
        assertThat(Confusion.of(TRUTH, EMPTY).recall()).isZero();
        assertThat(Metrics.mae(EMPTY, TRUTH)).isCloseTo(4.0 / 16, within(1e-12));
    }

    @Test
    void maeUsesTheSoftPrediction() {
        AlphaMask quarter = AlphaMask.filled(4, 4, 0.25f);
        // 4 foreground pixels off by 0.75, 12 background pixels off by 0.25: (3 + 3) / 16.
        assertThat(Metrics.mae(quarter, TRUTH)).isCloseTo(0.375, within(1e-7));
    }

    @Test
    void refusesMasksOfDifferentSizes() {
        assertThatThrownBy(() -> Metrics.iou(AlphaMask.filled(3, 4, 0f), TRUTH))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Metrics.mae(AlphaMask.filled(4, 3, 0f), TRUTH))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
