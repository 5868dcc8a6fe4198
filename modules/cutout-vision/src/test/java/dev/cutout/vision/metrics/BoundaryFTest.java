package dev.cutout.vision.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.cutout.vision.mask.AlphaMask;
import org.junit.jupiter.api.Test;

class BoundaryFTest {

    private static final AlphaMask SQUARE = Masks.of(
            "..........",
            "..........",
            "..####....",
            "..####....",
            "..####....",
            "..####....",
            "..........");
    private static final AlphaMask SHIFTED = Masks.of(
            "..........",
            "..........",
            "...####...",
            "...####...",
            "...####...",
            "...####...",
            "..........");

    @Test
    void identicalOutlinesMatchExactly() {
        assertThat(BoundaryF.of(SQUARE, SQUARE, 0)).isEqualTo(new BoundaryF(1, 1, 1));
    }

    @Test
    void aOnePixelShiftHalfMatchesWithoutToleranceAndFullyWithOne() {
        // Each outline has 12 pixels; 6 of them (3 on the top row, 3 on the bottom) coincide.
        BoundaryF exact = BoundaryF.of(SHIFTED, SQUARE, 0);
        assertThat(exact.precision()).isCloseTo(0.5, within(1e-12));
        assertThat(exact.recall()).isCloseTo(0.5, within(1e-12));
        assertThat(exact.f()).isCloseTo(0.5, within(1e-12));

        assertThat(BoundaryF.of(SHIFTED, SQUARE, 1).f()).isEqualTo(1.0);
    }

    @Test
    void precisionAndRecallDifferWhenOneOutlineIsLonger() {
        AlphaMask small = Masks.of(
                "..........",
                "..........",
                "..##......",
                "..##......",
                "..........",
                "..........",
                "..........");
        // The 2x2 outline (4 pixels) lies on the square's outline; of the square's 12, 3 are within 0 px.
        BoundaryF f = BoundaryF.of(small, SQUARE, 0);
        assertThat(f.precision()).isCloseTo(3.0 / 4, within(1e-12));
        assertThat(f.recall()).isCloseTo(3.0 / 12, within(1e-12));
        assertThat(f.f()).isCloseTo(2 * 0.75 * 0.25 / 1.0, within(1e-12));
    }

    @Test
    void theImageBorderIsNoBoundary() {
        AlphaMask full = AlphaMask.filled(6, 6, 1f);
        assertThat(BoundaryF.of(full, full).f()).isEqualTo(1.0);
        AlphaMask pierced = Masks.of(
                "######",
                "######",
                "##.###",
                "######",
                "######",
                "######");
        assertThat(BoundaryF.of(full, pierced).f()).isZero();
    }

    @Test
    void emptyCases() {
        AlphaMask empty = AlphaMask.filled(10, 7, 0f);
        assertThat(BoundaryF.of(empty, empty).f()).isEqualTo(1.0);
        assertThat(BoundaryF.of(empty, SQUARE).f()).isZero();
        assertThat(BoundaryF.of(SQUARE, empty).f()).isZero();
        assertThat(Metrics.boundaryF(SQUARE, SQUARE, 2)).isEqualTo(1.0);
    }

    @Test
    void rejectsNegativeTolerance() {
        assertThatThrownBy(() -> BoundaryF.of(SQUARE, SQUARE, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
