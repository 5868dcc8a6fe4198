package dev.cutout.vision.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cutout.vision.mask.AlphaMask;
import org.junit.jupiter.api.Test;

class FMeasureCurveTest {

    /** 1.0 on the top row, 0.6 on the second, 0 below; the truth covers the left half of both. */
    private static final AlphaMask PREDICTION = Masks.of(
            "####",
            "6666",
            "....",
            "....");
    private static final AlphaMask TRUTH = Masks.of(
            "##..",
            "##..",
            "....",
            "....");

    @Test
    void followsTheHandComputedCurve() {
        FMeasureCurve curve = FMeasureCurve.of(PREDICTION, TRUTH);

        // k > 153: the top row only. TP 2 of 4 predicted, 2 of 4 true: P = R = 0.5, F = 0.5.
        assertThat(curve.precision(200)).isCloseTo(0.5, within(1e-12));
        assertThat(curve.recall(200)).isCloseTo(0.5, within(1e-12));
        assertThat(curve.f(255)).isCloseTo(0.5, within(1e-12));
        assertThat(curve.f(154)).isCloseTo(0.5, within(1e-12));
        // 1 <= k <= 153 (0.6 quantises to 153): both rows. P = 0.5, R = 1, F = 1.3*0.5 / (0.15 + 1).
        assertThat(curve.f(153)).isCloseTo(0.65 / 1.15, within(1e-12));
        assertThat(curve.f(1)).isCloseTo(0.65 / 1.15, within(1e-12));
        // k = 0 predicts every pixel: P = 0.25, R = 1, F = 1.3*0.25 / (0.075 + 1).
        assertThat(curve.f(0)).isCloseTo(0.325 / 1.075, within(1e-12));
        assertThat(curve.maxF()).isCloseTo(0.65 / 1.15, within(1e-12));
        assertThat(curve.bestThreshold()).isEqualTo(1);
        assertThat(curve.fValues()).hasSize(256);
    }

    @Test
    void aPerfectHardPredictionReachesOne() {
        assertThat(FMeasureCurve.of(TRUTH, TRUTH).maxF()).isEqualTo(1.0);
    }

    @Test
    void bothEmptyAgreeAtEveryThresholdAboveZero() {
        AlphaMask empty = AlphaMask.filled(4, 4, 0f);
        FMeasureCurve curve = FMeasureCurve.of(empty, empty);

        assertThat(curve.f(0)).isZero();
        assertThat(curve.f(1)).isEqualTo(1.0);
        assertThat(curve.maxF()).isEqualTo(1.0);
    }

    @Test
    void anEmptyPredictionOnlyScoresAtThresholdZeroWhereEverythingIsPredicted() {
        FMeasureCurve curve = FMeasureCurve.of(AlphaMask.filled(4, 4, 0f), TRUTH);

        assertThat(curve.f(1)).isZero();
        assertThat(curve.maxF()).isCloseTo(0.325 / 1.075, within(1e-12));
    }

    @Test
    void aFullPredictionOnAnEmptyTruthScoresZero() {
        FMeasureCurve curve = FMeasureCurve.of(AlphaMask.filled(4, 4, 1f), AlphaMask.filled(4, 4, 0f));
        assertThat(curve.maxF()).isZero();
    }

    @Test
    void fMeasureWeightsPrecision() {
        assertThat(FMeasureCurve.fMeasure(1, 0.5)).isGreaterThan(FMeasureCurve.fMeasure(0.5, 1));
        assertThat(FMeasureCurve.fMeasure(0, 0)).isZero();
        assertThat(FMeasureCurve.fMeasure(0.8, 0.8)).isCloseTo(0.8, within(1e-12));
    }
}
