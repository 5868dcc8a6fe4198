package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ClusterFeaturesTest {

    private static final double EPS = 1e-9;

    /** A 40x20 mask with a subject in columns 10..19 and rows 5..14 (a 10x10 square). */
    private static AlphaMask square() {
        float[] v = new float[40 * 20];
        for (int y = 5; y < 15; y++) {
            for (int x = 10; x < 20; x++) {
                v[y * 40 + x] = 1f;
            }
        }
        return AlphaMask.of(40, 20, v);
    }

    /** A photo of {@code w x h} in {@code background}, with {@code subject} where {@link #square()} is. */
    private static BufferedImage photo(int w, int h, Color background, Color subject) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(background);
        g.fillRect(0, 0, w, h);
        g.setColor(subject);
        g.fillRect(10 * w / 40, 5 * h / 20, 10 * w / 40, 10 * h / 20);
        g.dispose();
        return image;
    }

    @Test
    void blackSquareOnWhite() {
        double[] f = ClusterFeatures.of(photo(40, 20, Color.WHITE, Color.BLACK), square());

        assertThat(f).hasSize(ClusterFeatures.NAMES.size());
        assertThat(f[ClusterFeatures.BACKGROUND_LUMINANCE]).isCloseTo(1.0, within(EPS));
        assertThat(f[ClusterFeatures.SUBJECT_LUMINANCE]).isCloseTo(0.0, within(EPS));
        assertThat(f[ClusterFeatures.CONTRAST]).isCloseTo(1.0, within(EPS));
        assertThat(f[ClusterFeatures.SUBJECT_SATURATION]).isCloseTo(0.0, within(EPS));
        assertThat(f[ClusterFeatures.LOG_ASPECT]).isCloseTo(0.0, within(EPS));
        assertThat(f[ClusterFeatures.AREA_SHARE]).isCloseTo(100 / 800.0, within(EPS));
        // Rows 5..14: mean row 9.5, its centre at 10.0 of 20.
        assertThat(f[ClusterFeatures.CENTROID_Y]).isCloseTo(0.5, within(EPS));
        assertThat(f[ClusterFeatures.BACKGROUND_VARIANCE]).isCloseTo(0.0, within(EPS));
    }

    @Test
    void redSubjectOnGreyIsFullySaturated() {
        double[] f = ClusterFeatures.of(photo(40, 20, new Color(128, 128, 128), Color.RED), square());

        assertThat(f[ClusterFeatures.SUBJECT_LUMINANCE]).isCloseTo(0.299, within(EPS));
        assertThat(f[ClusterFeatures.BACKGROUND_LUMINANCE]).isCloseTo(128 / 255.0, within(EPS));
        assertThat(f[ClusterFeatures.CONTRAST]).isCloseTo(128 / 255.0 - 0.299, within(EPS));
        assertThat(f[ClusterFeatures.SUBJECT_SATURATION]).isCloseTo(1.0, within(EPS));
    }

    @Test
    void photoOfAnotherSizeIsSampledAtTheMasksPixels() {
        // The photo is 4x wide and 2x high: the square subject is 40x20 photo pixels, twice as wide
        // as high, whatever the mask's proportions.
        double[] f = ClusterFeatures.of(photo(160, 40, Color.WHITE, new Color(51, 51, 51)), square());

        assertThat(f[ClusterFeatures.SUBJECT_LUMINANCE]).isCloseTo(0.2, within(1e-6));
        assertThat(f[ClusterFeatures.BACKGROUND_LUMINANCE]).isCloseTo(1.0, within(EPS));
        assertThat(f[ClusterFeatures.LOG_ASPECT]).isCloseTo(Math.log(2), within(EPS));
        assertThat(f[ClusterFeatures.AREA_SHARE]).isCloseTo(0.125, within(EPS));
    }

    @Test
    void checkeredBackgroundHasTheVarianceOfBlackAndWhite() {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }

        double[] f = ClusterFeatures.of(image, square());

        // Half black, half white in every channel: variance 1/4.
        assertThat(f[ClusterFeatures.BACKGROUND_VARIANCE]).isCloseTo(0.25, within(EPS));
        assertThat(f[ClusterFeatures.BACKGROUND_LUMINANCE]).isCloseTo(0.5, within(EPS));
    }

    @Test
    void tallSubjectLowInTheFrame() {
        float[] v = new float[40 * 20];
        for (int y = 10; y < 20; y++) {
            for (int x = 20; x < 25; x++) {
                v[y * 40 + x] = 0.8f;
            }
        }

        double[] f = ClusterFeatures.of(photo(40, 20, Color.WHITE, Color.WHITE), AlphaMask.of(40, 20, v));

        assertThat(f[ClusterFeatures.LOG_ASPECT]).isCloseTo(Math.log(5 / 10.0), within(EPS));
        assertThat(f[ClusterFeatures.CENTROID_Y]).isCloseTo(15.0 / 20, within(EPS));
        assertThat(f[ClusterFeatures.AREA_SHARE]).isCloseTo(50 / 800.0, within(EPS));
    }

    @Test
    void emptySubjectGivesNeutralValuesNotNaN() {
        double[] f = ClusterFeatures.of(photo(40, 20, Color.WHITE, Color.WHITE), AlphaMask.filled(40, 20, 0f));

        assertThat(f).doesNotContain(Double.NaN);
        assertThat(f[ClusterFeatures.SUBJECT_LUMINANCE]).isCloseTo(1.0, within(EPS));
        assertThat(f[ClusterFeatures.CONTRAST]).isZero();
        assertThat(f[ClusterFeatures.AREA_SHARE]).isZero();
        assertThat(f[ClusterFeatures.LOG_ASPECT]).isZero();
        assertThat(f[ClusterFeatures.CENTROID_Y]).isEqualTo(0.5);
    }

    @Test
    void subjectFillingTheFrameHasNoBackground() {
        double[] f = ClusterFeatures.of(photo(40, 20, Color.BLACK, Color.BLACK), AlphaMask.filled(40, 20, 1f));

        assertThat(f).doesNotContain(Double.NaN);
        assertThat(f[ClusterFeatures.BACKGROUND_LUMINANCE]).isEqualTo(f[ClusterFeatures.SUBJECT_LUMINANCE]);
        assertThat(f[ClusterFeatures.AREA_SHARE]).isEqualTo(1.0);
        assertThat(f[ClusterFeatures.BACKGROUND_VARIANCE]).isZero();
    }
}
