package dev.cutout.vision.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CompositorTest {

    private static final BufferedImage RED_PHOTO = solid(4, 1, 0xFF0000, BufferedImage.TYPE_3BYTE_BGR);
    private static final AlphaMask RAMP = AlphaMask.of(4, 1, new float[] {0f, 0.25f, 0.5f, 1f});

    @Test
    void blendsSoftEdgesOverWhite() {
        BufferedImage out = Compositor.onColor(RED_PHOTO, RAMP, Color.WHITE);

        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(rgb(out, 0)).isEqualTo(0xFFFFFF);
        // 0.25 * (255, 0, 0) + 0.75 * (255, 255, 255) = (255, 191.25, 191.25)
        assertThat(rgb(out, 1)).isEqualTo(0xFFBFBF);
        // 0.5 * (255, 0, 0) + 0.5 * (255, 255, 255) = (255, 127.5, 127.5), rounded half up
        assertThat(rgb(out, 2)).isEqualTo(0xFF8080);
        assertThat(rgb(out, 3)).isEqualTo(0xFF0000);
    }

    @Test
    void blendsSoftEdgesOverAColour() {
        BufferedImage out = Compositor.onColor(RED_PHOTO, RAMP, Colors.parse("#0000FF"));

        assertThat(rgb(out, 0)).isEqualTo(0x0000FF);
        // 0.25 * (255, 0, 0) + 0.75 * (0, 0, 255) = (63.75, 0, 191.25)
        assertThat(rgb(out, 1)).isEqualTo(0x4000BF);
        assertThat(rgb(out, 2)).isEqualTo(0x800080);
    }

    @Test
    void transparentKeepsTheColourAndCarriesTheMaskAsAlpha() {
        BufferedImage out = Compositor.transparent(RED_PHOTO, RAMP);

        assertThat(out.getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(out.getRGB(0, 0) >>> 24).isZero();
        assertThat(out.getRGB(1, 0)).isEqualTo(0x40FF0000);
        assertThat(out.getRGB(2, 0)).isEqualTo(0x80FF0000);
        assertThat(out.getRGB(3, 0)).isEqualTo(0xFFFF0000);
    }

    @Test
    void regionsBeyondThePhotoAreBackground() {
        BoundingBox wider = new BoundingBox(-1, 0, 6, 2);

        BufferedImage transparent = Compositor.transparent(RED_PHOTO, RAMP, wider);
        BufferedImage white = Compositor.onColor(RED_PHOTO, RAMP, Color.WHITE, wider);

        assertThat(transparent.getWidth()).isEqualTo(6);
        assertThat(transparent.getHeight()).isEqualTo(2);
        assertThat(transparent.getRGB(0, 0)).isZero();
        assertThat(transparent.getRGB(4, 0)).isEqualTo(0xFFFF0000);
        assertThat(transparent.getRGB(5, 0)).isZero();
        assertThat(transparent.getRGB(4, 1)).isZero();
        assertThat(white.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(white.getRGB(4, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(white.getRGB(4, 1) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void refusesAMaskOfAnotherSize() {
        assertThatThrownBy(() -> Compositor.transparent(RED_PHOTO, AlphaMask.filled(2, 2, 1f)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("refine");
    }

    static BufferedImage solid(int w, int h, int rgb, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, 0xFF000000 | rgb);
            }
        }
        return image;
    }

    private static int rgb(BufferedImage image, int x) {
        return image.getRGB(x, 0) & 0xFFFFFF;
    }
}
