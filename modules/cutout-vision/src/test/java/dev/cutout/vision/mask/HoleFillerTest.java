package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoleFillerTest {

    @Test
    void fillsEnclosedBackground() {
        AlphaMask ring = MaskPictures.parse(
                ".......",
                ".#####.",
                ".#..##.",
                ".#..##.",
                ".#####.",
                ".......");

        assertThat(MaskPictures.render(HoleFiller.fill(ring, 0.5f))).containsExactly(
                ".......",
                ".#####.",
                ".#####.",
                ".#####.",
                ".#####.",
                ".......");
    }

    @Test
    void leavesBackgroundThatReachesTheBorder() {
        AlphaMask horseshoe = MaskPictures.parse(
                ".#####.",
                ".#...#.",
                ".#...#.",
                ".#...#.");

        assertThat(HoleFiller.fill(horseshoe, 0.5f)).isSameAs(horseshoe);
    }

    @Test
    void aDiagonalGapDoesNotLetAHoleOut() {
        // The foreground is 8-connected, so the ring is closed; the background must then be 4-connected.
        AlphaMask diagonalRing = MaskPictures.parse(
                "......",
                "..#...",
                ".#.#..",
                "..#...",
                "......");

        assertThat(MaskPictures.render(HoleFiller.fill(diagonalRing, 0.5f))).containsExactly(
                "......",
                "..#...",
                ".###..",
                "..#...",
                "......");
    }

    @Test
    void leavesHolesLargerThanTheLimitOpen() {
        AlphaMask twoHoles = MaskPictures.parse(
                "##########",
                "#...###.##",
                "#...######",
                "#...######",
                "##########");

        assertThat(MaskPictures.render(HoleFiller.fill(twoHoles, 0.5f, 4))).containsExactly(
                "##########",
                "#...######",
                "#...######",
                "#...######",
                "##########");
    }

    @Test
    void fillsTheSoftPixelsInsideAHoleToo() {
        AlphaMask soft = MaskPictures.parse(
                "#####",
                "#3.3#",
                "#####");

        assertThat(MaskPictures.render(HoleFiller.fill(soft, 0.5f))).containsExactly(
                "#####",
                "#####",
                "#####");
    }
}
