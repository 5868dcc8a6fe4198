package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ComponentFilterTest {

    private static final AlphaMask SUBJECT_AND_SPECK = MaskPictures.parse(
            "..........",
            ".#####....",
            ".#####....",
            ".#####..#.",
            ".#####....",
            "..........");

    @Test
    void removesSpecksBelowTheShareOfTheLargest() {
        AlphaMask cleaned = ComponentFilter.removeSmall(SUBJECT_AND_SPECK, 0.5f, 0.1);

        assertThat(MaskPictures.render(cleaned)).containsExactly(
                "..........",
                ".#####....",
                ".#####....",
                ".#####....",
                ".#####....",
                "..........");
    }

    @Test
    void keepsComponentsAtOrAboveTheShare() {
        // The speck is 1 pixel, the subject 20: a share of 0.05 keeps it.
        assertThat(ComponentFilter.removeSmall(SUBJECT_AND_SPECK, 0.5f, 0.05)).isEqualTo(SUBJECT_AND_SPECK);
        assertThat(ComponentFilter.removeSmall(SUBJECT_AND_SPECK, 0.5f, 0)).isSameAs(SUBJECT_AND_SPECK);
    }

    @Test
    void diagonalNeighboursBelongToTheSameComponent() {
        AlphaMask diagonal = MaskPictures.parse(
                "##....",
                "##....",
                "..#...",
                "...#..",
                "......");

        assertThat(ComponentFilter.removeSmall(diagonal, 0.5f, 1.0)).isEqualTo(diagonal);
    }

    @Test
    void aShareOfOneKeepsOnlyTheLargest() {
        AlphaMask twoItems = MaskPictures.parse(
                "###..##",
                "###..##",
                "###....");

        assertThat(MaskPictures.render(ComponentFilter.removeSmall(twoItems, 0.5f, 1.0))).containsExactly(
                "###....",
                "###....",
                "###....");
    }

    @Test
    void removesTheSoftHaloOfARemovedSpeckButKeepsTheSubjectsSoftEdge() {
        AlphaMask soft = MaskPictures.parse(
                "...........",
                ".3####3....",
                ".3####3.2..",
                ".3####3.2#2",
                ".3####3.2..",
                "...........");

        assertThat(MaskPictures.render(ComponentFilter.removeSmall(soft, 0.5f, 0.2))).containsExactly(
                "...........",
                ".3####3....",
                ".3####3....",
                ".3####3....",
                ".3####3....",
                "...........");
    }

    @Test
    void removesFaintSmudgesThatReachNoCore() {
        AlphaMask smudge = MaskPictures.parse(
                "##.....",
                "##...2.",
                ".....3.");

        assertThat(MaskPictures.render(ComponentFilter.removeSmall(smudge, 0.5f, 0.01))).containsExactly(
                "##.....",
                "##.....",
                ".......");
    }

    @Test
    void anEmptyMaskStaysEmpty() {
        AlphaMask empty = AlphaMask.filled(5, 5, 0f);
        assertThat(ComponentFilter.removeSmall(empty, 0.5f, 0.5)).isEqualTo(empty);
    }

    @Test
    void rejectsSharesOutsideTheUnitRange() {
        assertThatThrownBy(() -> ComponentFilter.removeSmall(SUBJECT_AND_SPECK, 0.5f, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
