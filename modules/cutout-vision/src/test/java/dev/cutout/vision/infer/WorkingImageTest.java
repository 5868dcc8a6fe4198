package dev.cutout.vision.infer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cutout.vision.model.ModelInput;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class WorkingImageTest {

    @Test
    void shrinksALargePhotoToTheLongestSideKeepingItsAspect() {
        BufferedImage photo = filled(1918, 1280, 0x336699);
        WorkingImage image = WorkingImage.of(photo, 640);
        assertThat(image.width()).isEqualTo(640);
        assertThat(image.height()).isEqualTo(427);
        assertThat(image.image().getWidth()).isEqualTo(640);
        // A flat colour stays that colour, in the bytes and in the image alike.
        assertThat(image.rgb()[0] & 0xFF).isEqualTo(0x33);
        assertThat(image.rgb()[1] & 0xFF).isEqualTo(0x66);
        assertThat(image.rgb()[2] & 0xFF).isEqualTo(0x99);
        assertThat(image.image().getRGB(321, 200) & 0xFFFFFF).isEqualTo(0x336699);
    }

    @Test
    void leavesASmallPhotoAsItIs() {
        BufferedImage photo = filled(300, 400, 0x102030);
        WorkingImage image = WorkingImage.of(photo, 640);
        assertThat(image.image()).isSameAs(photo);
        assertThat(image.width()).isEqualTo(300);
        assertThat(image.height()).isEqualTo(400);
        assertThat(image.rgb()).hasSize(300 * 400 * 3);
    }

    @Test
    void inputPlanesAreNormalisedColourThenCoarseAlphaAndCropsRepeatTheBorder() {
        byte[] rgb = new byte[2 * 1 * 3];
        rgb[0] = (byte) 255; // left pixel red, right pixel black
        float[] alpha = {0.25f, 0.75f};
        float[] planes = EdgeRefinerInput.planes(rgb, alpha, 2, 1);
        assertThat(planes).hasSize(8);
        assertThat(planes[0]).isEqualTo((1f - ModelInput.MEAN[0]) / ModelInput.STD[0]);
        assertThat(planes[1]).isEqualTo((0f - ModelInput.MEAN[0]) / ModelInput.STD[0]);
        assertThat(planes[6]).isEqualTo(0.25f);
        assertThat(planes[7]).isEqualTo(0.75f);

        // A 3x1 window starting one pixel left of the image, mirrored: x = 1, 0, -1 -> right, left, left (repeated).
        float[] crop = EdgeRefinerInput.crop(rgb, alpha, 2, 1, -1, 0, 3, 1, true);
        assertThat(new float[] {crop[9], crop[10], crop[11]}).containsExactly(0.75f, 0.25f, 0.25f);
    }

    private static BufferedImage filled(int w, int h, int rgb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }
}
