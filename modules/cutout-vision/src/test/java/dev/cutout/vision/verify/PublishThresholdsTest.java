package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PublishThresholdsTest {

    private static final double GOOD = 0.95;

    @Test
    void allGoodPublishesEverything() {
        double[] scores = {0.9, 0.3, 0.6, 0.75};
        double[] ious = {0.99, 0.96, 0.97, 0.995};

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.98);

        assertThat(choice).isEqualTo(new PublishThresholds.Choice(0.3, 4, 4, 1.0, 1.0));
    }

    @Test
    void noneGoodPublishesNothing() {
        double[] scores = {0.9, 0.8, 0.2};
        double[] ious = {0.5, 0.94, 0.1};

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.9);

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

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.95);

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

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.75);

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
        PublishThresholds.Choice strict = PublishThresholds.choose(scores, ious, GOOD, 0.7);
        assertThat(strict).isEqualTo(new PublishThresholds.Choice(0.9, 1, 4, 1.0, 0.25));

        // 2 of 3 meets 0.6; the good member of the tie cannot go without the bad one.
        PublishThresholds.Choice looser = PublishThresholds.choose(scores, ious, GOOD, 0.6);
        assertThat(looser.threshold()).isEqualTo(0.8);
        assertThat(looser.published()).isEqualTo(3);
        assertThat(looser.precision()).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void withNoThresholdMeetingTheTargetScoresOfOneArePublished() {
        double[] scores = {1.0, 0.5};
        double[] ious = {0.5, 0.99};

        PublishThresholds.Choice choice = PublishThresholds.choose(scores, ious, GOOD, 0.9);

        assertThat(choice).isEqualTo(new PublishThresholds.Choice(1.0, 1, 2, 0.0, 0.5));
    }

    @Test
    void noMasks() {
        PublishThresholds.Choice choice = PublishThresholds.choose(new double[0], new double[0], GOOD, 0.9);

        assertThat(choice.threshold()).isEqualTo(1.0);
        assertThat(choice.published()).isZero();
        assertThat(choice.total()).isZero();
        assertThat(choice.precision()).isNaN();
        assertThat(choice.publishRate()).isZero();
    }

    @Test
    void refusesMismatchedOrInvalidInput() {
        assertThatThrownBy(() -> PublishThresholds.choose(new double[2], new double[3], GOOD, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishThresholds.choose(new double[] {Double.NaN}, new double[1], GOOD, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PublishThresholds.choose(new double[1], new double[1], GOOD, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mostPreciseIsTheBestPrecisionAmongThresholdsPublishingEnough() {
        double[] scores = {0.9, 0.8, 0.7, 0.6};
        double[] ious = {0.96, 0.90, 0.97, 0.98};

        assertThat(PublishThresholds.mostPrecise(scores, ious, GOOD, 2))
                .contains(new PublishThresholds.Choice(0.6, 4, 4, 0.75, 1.0));
        assertThat(PublishThresholds.mostPrecise(scores, ious, GOOD, 1))
                .contains(new PublishThresholds.Choice(0.9, 1, 4, 1.0, 0.25));
    }

    @Test
    void mostPreciseIsEmptyWithFewerMasksThanAsked() {
        assertThat(PublishThresholds.mostPrecise(new double[] {0.9, 0.8}, new double[] {0.99, 0.99}, GOOD, 3)).isEmpty();
    }
}
