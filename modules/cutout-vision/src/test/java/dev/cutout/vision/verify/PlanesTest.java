package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PlanesTest {

    @Test
    void distanceMapMatchesTheNearestTargetFoundByBruteForce() {
        int w = 23;
        int h = 17;
        Random random = new Random(3);
        boolean[] target = new boolean[w * h];
        for (int i = 0; i < target.length; i++) {
            target[i] = random.nextDouble() < 0.05;
        }

        float[] distance = Planes.distanceTo(target, w, h);

        for (int i = 0; i < target.length; i++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < target.length; j++) {
                if (target[j]) {
                    nearest = Math.min(nearest, Math.hypot(i % w - j % w, i / w - j / w));
                }
            }
            assertThat((double) distance[i]).as("pixel %d", i).isCloseTo(nearest, within(1e-4));
        }
    }

    @Test
    void distanceToNothingIsInfinite() {
        float[] distance = Planes.distanceTo(new boolean[12], 4, 3);

        assertThat(distance).containsOnly(Float.POSITIVE_INFINITY);
    }

    @Test
    void boxMeanAveragesTheWindowInsideTheFrame() {
        float[] v = {
            1, 0, 0,
            0, 0, 0,
            0, 0, 3};

        float[] mean = Planes.boxMean(v, 3, 3, 1);

        assertThat((double) mean[0]).isCloseTo(1 / 4.0, within(1e-6));
        assertThat((double) mean[4]).isCloseTo(4 / 9.0, within(1e-6));
        assertThat((double) mean[5]).isCloseTo(3 / 6.0, within(1e-6));
        assertThat((double) mean[8]).isCloseTo(3 / 4.0, within(1e-6));
    }
}
