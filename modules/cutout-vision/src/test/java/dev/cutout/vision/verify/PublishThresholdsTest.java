package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PublishThresholdsTest {

    private static final double GOOD = 0.95;
    /** Confidence 0: the observed precision decides, which keeps the ordering cases below countable by hand. */
    private static final double OBSERVED = 0;

    @Test
    void allGoodPublishesEverything() {
        double[] scores = {0.9, 0.3, 0.6, 0.75};
        double[] ious = {0.99, 0.96, 0.97, 0.995};

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.98, OBSERVED);

        assertThat(choice).isEqualTo(new PublishThresholds.Choice(0.3, 4, 4, 1.0, 1.0, 1.0));
    }

    @Test
    void noneGoodPublishesNothing() {
        double[] scores = {0.9, 0.8, 0.2};
        double[] ious = {0.5, 0.94, 0.1};

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.9, OBSERVED);

        assertThat(choice.threshold()).isEqualTo(1.0);
        assertThat(choice.published()).isZero();
        assertThat(choice.total()).isEqualTo(3);
        assertThat(choice.precision()).isNaN();
        assertThat(choice.publishRate()).isZero();
    }

    @Test
    void aClearCutPublishesTheGoodOnes() {
        double[] scores = {0.9, 0.5, 0.8, 0.6, 0.7, 0.4};
        double[] ious = {0.99, 0.80, 0.97, 0.90, 0.96, 0.30};

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.95, OBSERVED);

        assertThat(choice.threshold()).isEqualTo(0.7);
        assertThat(choice.published()).isEqualTo(3);
        assertThat(choice.precision()).isEqualTo(1.0);
        assertThat(choice.publishRate()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theLowestThresholdMeetingTheTargetWinsEvenPastAMiss() {
        // From the top: good, bad (1/2), good (2/3), good (3/4), good (4/5), bad (4/6), bad (4/7).
        double[] scores = {0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65};
        double[] ious = {0.99, 0.5, 0.99, 0.99, 0.99, 0.5, 0.5};

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.75, OBSERVED);

        // 0.9 gives 1/2 (a miss) but 0.75 gives 4/5: publish five.
        assertThat(choice.threshold()).isEqualTo(0.75);
        assertThat(choice.published()).isEqualTo(5);
        assertThat(choice.precision()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void tiesArePublishedTogether() {
        double[] scores = {0.9, 0.8, 0.8, 0.7};
        double[] ious = {0.99, 0.99, 0.5, 0.5};

        // At 0.8 both tied masks go in: 2 of 3 good, short of 0.7, so only the top one is published.
        PublishThresholds.Choice strict = PublishThresholds.choose(scores, ious, GOOD, 0.7, OBSERVED);
        assertThat(strict).isEqualTo(new PublishThresholds.Choice(0.9, 1, 4, 1.0, 0.25, 1.0));

        // 2 of 3 meets 0.6; the good member of the tie cannot go without the bad one.
        PublishThresholds.Choice looser = PublishThresholds.choose(scores, ious, GOOD, 0.6, OBSERVED);
        assertThat(looser.threshold()).isEqualTo(0.8);
        assertThat(looser.published()).isEqualTo(3);
        assertThat(looser.precision()).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void withNoThresholdMeetingTheTargetScoresOfOneArePublished() {
        double[] scores = {1.0, 0.5};
        double[] ious = {0.5, 0.99};

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.9, OBSERVED);

        assertThat(choice).isEqualTo(new PublishThresholds.Choice(1.0, 1, 2, 0.0, 0.5, 0.0));
    }

    @Test
    void noMasks() {
        PublishThresholds.Choice choice = PublishThresholds.choose(new double[0], new double[0], GOOD, 0.9,
                OBSERVED);

        assertThat(choice.threshold()).isEqualTo(1.0);
        assertThat(choice.published()).isZero();
        assertThat(choice.total()).isZero();
        assertThat(choice.precision()).isNaN();
        assertThat(choice.publishRate()).isZero();
    }

    @Test
    void refusesMismatchedOrInvalidInput() {
        assertThatThrownBy(() -> PublishThresholds.choose(new double[2], new double[3], GOOD, 0.9, OBSERVED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishThresholds.choose(new double[] {Double.NaN}, new double[1], GOOD, 0.9,
                OBSERVED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishThresholds.choose(new double[1], new double[1], GOOD, 1.5, OBSERVED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAConfidenceOutsideZeroToOne() {
        assertThatThrownBy(() -> PublishThresholds.choose(new double[1], new double[1], GOOD, 0.9, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishThresholds.choose(new double[1], new double[1], GOOD, 0.9, -0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aThresholdRestingOnTooFewGoodMasksIsNotTrusted() {
        // The top 100 are good: observed precision 1.0, but 100 good masks in a row do not show 99% at 90%
        // confidence (a 98%-good process does that 13% of the time); 230 do.
        for (int good : new int[] {100, 230}) {
            double[] scores = new double[good + 50];
            double[] truth = new double[good + 50];
            for (int i = 0; i < scores.length; i++) {
                scores[i] = i / (double) scores.length;
                truth[i] = i >= 50 ? 0.99 : 0.5;
            }
            PublishThresholds.Choice choice = PublishThresholds.choose(scores, truth, GOOD, 0.99, 0.9);
            if (good == 100) {
                assertThat(choice.threshold()).isEqualTo(1.0);
                assertThat(choice.published()).isZero();
                // Taken at face value the 100 even carry one bad mask along: 100 of 101 is 0.990.
                assertThat(PublishThresholds.choose(scores, truth, GOOD, 0.99, OBSERVED).published()).isEqualTo(101);
            } else {
                assertThat(choice.published()).isEqualTo(230);
                assertThat(choice.precision()).isEqualTo(1.0);
                assertThat(choice.supported()).isBetween(0.99, 0.9901);
            }
        }
    }

    @Test
    void mostPreciseIsTheThresholdWithTheBestSupportedPrecision() {
        // From the top: 1 of 1 good, 1 of 2, 2 of 3, 3 of 4.
        double[] scores = {0.9, 0.8, 0.7, 0.6};
        double[] ious = {0.96, 0.90, 0.97, 0.98};

        // Taken at face value one perfect mask wins; at 90% confidence it shows little, and 3 of 4 shows most.
        assertThat(PublishThresholds.mostPrecise(scores, ious, GOOD, OBSERVED))
                .contains(new PublishThresholds.Choice(0.9, 1, 4, 1.0, 0.25, 1.0));
        PublishThresholds.Choice sure = PublishThresholds.mostPrecise(scores, ious, GOOD, 0.9).orElseThrow();
        assertThat(sure.threshold()).isEqualTo(0.6);
        assertThat(sure.supported()).isCloseTo(PrecisionBound.lower(3, 4, 0.9), within(1e-12));
        assertThat(sure.supported()).isGreaterThan(PrecisionBound.lower(1, 1, 0.9));
    }

    @Test
    void mostPreciseIsEmptyWithoutMasks() {
        assertThat(PublishThresholds.mostPrecise(new double[0], new double[0], GOOD, 0.9)).isEmpty();
    }
}
