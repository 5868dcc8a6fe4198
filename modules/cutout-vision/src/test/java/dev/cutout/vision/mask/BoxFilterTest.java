package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoxFilterTest {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 40})
    void matchesTheWindowMeanComputedDirectly(int radius) {
        int w = 17;
        int h = 11;
        float[] src = new float[w * h];
        Random random = new Random(radius);
        for (int i = 0; i < src.length; i++) {
            src[i] = random.nextFloat();
        }

        float[] fast = BoxFilter.mean(src, w, h, radius);

        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                int n = 0;
                for (int yy = Math.max(0, y - radius); yy <= Math.min(h - 1, y + radius); yy++) {
                    for (int xx = Math.max(0, x - radius); xx <= Math.min(w - 1, x + radius); xx++) {
                        sum += src[yy * w + xx];
                        n++;
                    }
                }
                assertThat((double) fast[y * w + x]).as("(%d,%d)", x, y).isCloseTo(sum / n, within(1e-5));
            }
        }
    }
}
