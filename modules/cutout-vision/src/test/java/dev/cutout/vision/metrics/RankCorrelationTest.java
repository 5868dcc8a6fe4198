package dev.cutout.vision.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void anyIncreasingRelationIsPerfect() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {Math.exp(1), Math.exp(2), Math.exp(3), Math.exp(4), Math.exp(5)};

        assertThat(RankCorrelation.spearman(a, b)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void reversedOrderIsMinusOne() {
        assertThat(RankCorrelation.spearman(new double[] {0.1, 0.5, 0.7, 0.9}, new double[] {8, 3, 2, -1}))
                .isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void twoSwapsWithoutTies() {
        // d = (-1, 1, -1, 1, 0): rho = 1 - 6 * 4 / (5 * 24) = 0.8.
        assertThat(RankCorrelation.spearman(new double[] {1, 2, 3, 4, 5}, new double[] {2, 1, 4, 3, 5}))
                .isCloseTo(0.8, within(1e-12));
    }

    @Test
    void tiesShareTheMeanRank() {
        double[] a = {1, 2, 2, 3};
        double[] b = {1, 3, 2, 4};

        assertThat(RankCorrelation.ranks(a)).containsExactly(1, 2.5, 2.5, 4);
        // Ranks (1, 2.5, 2.5, 4) against (1, 3, 2, 4), both centred on 2.5:
        // sum of products 4.5, sums of squares 4.5 and 5: rho = 4.5 / sqrt(22.5).
        assertThat(RankCorrelation.spearman(a, b)).isCloseTo(4.5 / Math.sqrt(22.5), within(1e-12));
    }

    @Test
    void undefinedWithoutAnOrderToCompare() {
        assertThat(RankCorrelation.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {4, 4, 4})).isNaN();
        assertThat(RankCorrelation.spearman(new double[] {1}, new double[] {2})).isNaN();
        assertThat(RankCorrelation.spearman(new double[0], new double[0])).isNaN();
    }

    @Test
    void refusesMismatchedOrNaN() {
        assertThatThrownBy(() -> RankCorrelation.spearman(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RankCorrelation.spearman(new double[] {1, Double.NaN}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
