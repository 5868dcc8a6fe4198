package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PlaneResamplerTest {

    @Test
    void rgbRowsGiveExactlyWhatTheThreePlanesGive() {
        java.util.Random random = new java.util.Random(3);
        int[][] sizes = {{97, 61, 31, 20}, {40, 30, 40, 30}, {20, 10, 45, 22}};
        for (int[] size : sizes) {
            int w = size[0];
            int h = size[1];
            java.awt.image.BufferedImage photo = new java.awt.image.BufferedImage(w, h,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            float[][] planes = new float[3][w * h];
            for (int i = 0; i < w * h; i++) {
                int rgb = random.nextInt(1 << 24);
                photo.setRGB(i % w, i / w, rgb);
                planes[0][i] = rgb >> 16 & 0xFF;
                planes[1][i] = rgb >> 8 & 0xFF;
                planes[2][i] = rgb & 0xFF;
            }
            PlaneResampler resampler = PlaneResampler.bilinear(w, h, size[2], size[3]);

            float[][] fromRows = resampler.applyRgb(RgbRowReader.of(photo));

            for (int c = 0; c < 3; c++) {
                assertThat(fromRows[c]).as("channel %d of %dx%d", c, w, h).containsExactly(resampler.apply(planes[c]));
            }
        }
    }

    @Test
    void sameSizeIsAnIdentityCopy() {
        float[] plane = {1, 2, 3, 4, 5, 6};
        float[] out = PlaneResampler.bilinear(3, 2, 3, 2).apply(plane);
        assertThat(out).containsExactly(plane);
        assertThat(out).isNotSameAs(plane);
    }

    @Test
    void upsamplesVerticallyLikeHorizontally() {
        float[] column = {0, 1};
        float[] out = PlaneResampler.bilinear(1, 2, 1, 4).apply(column);
        assertThat(out).containsExactly(0f, 0.25f, 0.75f, 1f);
    }

    @Test
    void halvingAveragesPairs() {
        float[] row = {0, 2, 4, 6};
        float[] out = PlaneResampler.bilinear(4, 1, 2, 1).apply(row);
        // Triangle kernel two pixels wide each side: weights 1:3:3:1, renormalised where it leaves the row.
        assertThat(out[0]).isCloseTo((0 * 3 + 2 * 3 + 4 * 1) / 7f, within(1e-5f));
        assertThat(out[1]).isCloseTo((2 * 1 + 4 * 3 + 6 * 3) / 7f, within(1e-5f));
    }

    @Test
    void preservesTheMeanOfALargeShrink() {
        float[] plane = new float[100 * 60];
        double sum = 0;
        for (int i = 0; i < plane.length; i++) {
            plane[i] = (float) Math.abs(Math.sin(i * 0.37));
            sum += plane[i];
        }
        float[] out = PlaneResampler.bilinear(100, 60, 10, 6).apply(plane);
        double outSum = 0;
        for (float v : out) {
            outSum += v;
        }
        assertThat(outSum / out.length).isCloseTo(sum / plane.length, within(0.02));
    }

    @Test
    void aGridReachingPastTheSourceRepeatsTheEdge() {
        // Four output cells of two source pixels each cover 8 pixels of a 6-pixel row.
        float[] out = PlaneResampler.bilinear(6, 1, 4, 1, 2.0, 1.0).apply(new float[] {0, 0, 0, 0, 1, 1});
        assertThat(out[3]).isEqualTo(1f);
        float[] far = PlaneResampler.bilinear(2, 1, 8, 1, 4.0, 1.0).apply(new float[] {0.25f, 0.75f});
        assertThat(far[7]).isEqualTo(0.75f);
    }

    @Test
    void rejectsWrongPlaneLength() {
        assertThatThrownBy(() -> PlaneResampler.bilinear(3, 3, 2, 2).apply(new float[8]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlaneResampler.bilinear(0, 3, 2, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
