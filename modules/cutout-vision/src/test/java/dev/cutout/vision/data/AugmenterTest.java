package dev.cutout.vision.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.vision.model.ModelInput;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    /** 40x20: left half red and foreground, right half blue and background. */
    private static LabelledImage halves() {
        int w = 40;
        int h = 20;
        byte[] rgb = new byte[w * h * 3];
        byte[] mask = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean left = x < w / 2;
                rgb[i * 3] = (byte) (left ? 220 : 10);
                rgb[i * 3 + 2] = (byte) (left ? 10 : 220);
                mask[i] = (byte) (left ? 255 : 0);
            }
        }
        return new LabelledImage("halves", "halves", w, h, rgb, mask);
    }

    @Test
    void geometryMovesPhotoAndMaskTogether() {
        Augmenter geometryOnly = new Augmenter(32, new Augmenter.Recipe(0.3, 0.55, 0.5, 0, 0, 0));
        Random random = new Random(3);
        for (int trial = 0; trial < 30; trial++) {
            TrainingExample example = geometryOnly.apply(halves(), random);
            int plane = 32 * 32;
            for (int i = 0; i < plane; i++) {
                float red = example.input()[i] * ModelInput.STD[0] + ModelInput.MEAN[0];
                float blue = example.input()[2 * plane + i] * ModelInput.STD[2] + ModelInput.MEAN[2];
                if (example.mask()[i] > 0.9f) {
                    assertThat(red).isGreaterThan(blue);
                } else if (example.mask()[i] < 0.1f) {
                    assertThat(blue).isGreaterThan(red);
                }
            }
        }
    }

    @Test
    void noRecipeIsTheWholeImageResized() {
        TrainingExample example = new Augmenter(32, Augmenter.Recipe.none()).apply(halves(), new Random(1));
        assertThat(example.input()).hasSize(3 * 32 * 32);
        assertThat(example.mask()).hasSize(32 * 32);
        assertThat(example.mask()[5 * 32 + 2]).isEqualTo(1f);
        assertThat(example.mask()[5 * 32 + 29]).isEqualTo(0f);
    }

    @Test
    void backgroundReplacementKeepsTheMaskAndChangesTheBackground() {
        Augmenter replacing = new Augmenter(32, new Augmenter.Recipe(1, 1, 0, 1, 0, 0));
        TrainingExample plain = new Augmenter(32, Augmenter.Recipe.none()).apply(halves(), new Random(1));
        TrainingExample replaced = replacing.apply(halves(), new Random(1));
        assertThat(replaced.mask()).containsExactly(plain.mask());
        int plane = 32 * 32;
        int changedBackground = 0;
        for (int i = 0; i < plane; i++) {
            if (plain.mask()[i] == 0f && Math.abs(replaced.input()[2 * plane + i] - plain.input()[2 * plane + i]) > 0.1f) {
                changedBackground++;
            }
            if (plain.mask()[i] == 1f) {
                assertThat(replaced.input()[i]).isEqualTo(plain.input()[i]);
            }
        }
        assertThat(changedBackground).isGreaterThan(plane / 4);
    }
}
