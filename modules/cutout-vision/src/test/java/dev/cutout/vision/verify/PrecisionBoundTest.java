package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PrecisionBoundTest {

    @Test
    void allGoodHasTheClosedForm() {
        assertThat(PrecisionBound.lower(30, 30, 0.9)).isCloseTo(Math.pow(0.1, 1 / 30.0), within(1e-12));
        // 230 good masks in a row are what it takes to show 99% at 90% confidence; 229 are not enough.
        assertThat(PrecisionBound.lower(230, 230, 0.9)).isGreaterThanOrEqualTo(0.99);
        assertThat(PrecisionBound.lower(229, 229, 0.9)).isLessThan(0.99);
    }

    @Test
    void matchesPublishedClopperPearsonBounds() {
        // 9 of 10: the two-sided 90% interval is (0.6058, 0.9949), so the one-sided 95% lower bound is 0.6058.
        assertThat(PrecisionBound.lower(9, 10, 0.95)).isCloseTo(0.6058, within(1e-4));
        // 1 of 2 at 90%: 1 - (1 - p)^2 = 0.1, p = 1 - sqrt(0.9).
        assertThat(PrecisionBound.lower(1, 2, 0.9)).isCloseTo(1 - Math.sqrt(0.9), within(1e-12));
    }

    @Test
    void theBoundIsTheProportionWhereSeeingThatManyGoodHasProbabilityOneMinusTheConfidence() {
        double p = PrecisionBound.lower(970, 1000, 0.9);
        assertThat(PrecisionBound.upperTail(970, 1000, p)).isCloseTo(0.1, within(1e-9));
        assertThat(p).isBetween(0.96, 0.97);
    }

    @Test
    void aLowConfidenceBoundLiesAboveTheObservedShare() {
        double p = PrecisionBound.lower(5, 10, 0.1);
        assertThat(PrecisionBound.upperTail(5, 10, p)).isCloseTo(0.9, within(1e-9));
        assertThat(p).isGreaterThan(0.5);
    }

    @Test
    void confidenceZeroIsTheObservedPrecision() {
        assertThat(PrecisionBound.lower(3, 4, 0)).isEqualTo(0.75);
    }

    @Test
    void edgeCases() {
        assertThat(PrecisionBound.lower(0, 0, 0.9)).isNaN();
        assertThat(PrecisionBound.lower(0, 5, 0.9)).isZero();
        assertThat(PrecisionBound.upperTail(0, 7, 0.3)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void refusesImpossibleCountsAndConfidences() {
        assertThatThrownBy(() -> PrecisionBound.lower(5, 4, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrecisionBound.lower(-1, 4, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PrecisionBound.lower(3, 4, 1.0)).isInstanceOf(IllegalArgumentException.class);
    }
}
