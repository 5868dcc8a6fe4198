package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FastGuidedFilterTest {

    @Test
    void withoutSubsamplingItIsTheGuidedFilterOfTheDefinition() {
        int w = 23;
        int h = 17;
        int r = 2;
        double eps = 1e-2;
        Random random = new Random(7);
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        float[] p = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                photo.setRGB(x, y, random.nextInt(0x1000000));
                p[y * w + x] = random.nextFloat();
            }
        }

        AlphaMask fast = new FastGuidedFilter(r, eps, 1).apply(photo, AlphaMask.of(w, h, p));
        double[] reference = ReferenceGuidedFilter.apply(photo, p, r, eps);

        for (int i = 0; i < w * h; i++) {
            double expected = Math.max(0, Math.min(1, reference[i]));
            assertThat((double) fast.at(i)).as("pixel %d", i).isCloseTo(expected, within(1e-4));
        }
    }

    @Test
    void snapsABlockyEdgeOntoTheSharpPhotoEdge() {
        int w = 160;
        int h = 40;
        BufferedImage photo = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                photo.setRGB(x, y, x < 77 ? 0x402010 : 0xE8E8E8);
            }
        }
        // The model saw the edge at low resolution: 8x coarser, so it lands on a block boundary (x = 80).
        float[] low = new float[20 * 5];
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 10; x++) {
                low[y * 20 + x] = 1f;
            }
        }
        AlphaMask coarse = AlphaMask.of(20, 5, low);

        AlphaMask blocky = Scenes.blockyUpsample(coarse, w, h);
        AlphaMask refined = new FastGuidedFilter(8, 1e-4, 4).apply(photo, coarse);

        assertThat(edgeColumn(blocky, h / 2)).isEqualTo(80);
        assertThat(edgeColumn(refined, h / 2)).isEqualTo(77);
    }

    @Test
    void refinementImprovesIouOfABlockyMaskOnAProductShape() {
        int w = 480;
        int h = 320;
        Shape shape = Scenes.product(w, h);
        BufferedImage photo = Scenes.photo(w, h, shape, new Color(0x30, 0x40, 0x70), new Color(0xE6, 0xE6, 0xE6),
                BufferedImage.TYPE_3BYTE_BGR);
        AlphaMask truth = Scenes.truth(w, h, shape);
        AlphaMask coarse = truth.resize(w / 8, h / 8).binarize(0.5f);

        double blocky = Scenes.iou(Scenes.blockyUpsample(coarse, w, h), truth);
        double bilinear = Scenes.iou(coarse.resize(w, h), truth);
        double refined = Scenes.iou(new FastGuidedFilter(8, 1e-4, 4).apply(photo, coarse), truth);
        double blended = Scenes.iou(new FastGuidedFilter(8, 1e-4, 4, true).apply(photo, coarse), truth);

        assertThat(blocky).isLessThan(0.97);
        assertThat(refined).isGreaterThan(0.99).isGreaterThan(bilinear + 0.01).isGreaterThan(blocky + 0.02);
        assertThat(blended).isGreaterThan(bilinear).isGreaterThan(blocky);
    }

    @Test
    void aConstantMaskStaysConstant() {
        BufferedImage photo = Scenes.photo(64, 48, Scenes.product(64, 48), Color.DARK_GRAY, Color.WHITE,
                BufferedImage.TYPE_INT_RGB);

        AlphaMask out = new FastGuidedFilter(4, 1e-4, 2).apply(photo, AlphaMask.filled(8, 6, 0.75f));

        assertThat(out.width()).isEqualTo(64);
        assertThat(out.height()).isEqualTo(48);
        for (float v : out.values()) {
            assertThat(v).isCloseTo(0.75f, within(1e-3f));
        }
    }

    @Test
    void theBlendLeavesConfidentPixelsAlone() {
        int w = 96;
        int h = 64;
        Shape shape = Scenes.product(w, h);
        BufferedImage photo = Scenes.photo(w, h, shape, Color.BLACK, Color.WHITE, BufferedImage.TYPE_INT_RGB);
        AlphaMask coarse = Scenes.truth(w, h, shape).resize(12, 8).binarize(0.5f);
        AlphaMask upsampled = coarse.resize(w, h);

        AlphaMask out = new FastGuidedFilter(8, 1e-4, 1, true).apply(photo, coarse);

        int confident = 0;
        for (int i = 0; i < out.pixelCount(); i++) {
            float p = upsampled.at(i);
            if (p == 0f || p == 1f) {
                confident++;
                assertThat(out.at(i)).isEqualTo(p);
            }
        }
        assertThat(confident).isGreaterThan(out.pixelCount() / 2);
    }

    @Test
    void outputStaysInTheUnitRangeOnEveryPixelLayout() {
        int w = 50;
        int h = 30;
        Shape shape = Scenes.product(w, h);
        AlphaMask coarse = Scenes.truth(w, h, shape).resize(10, 6);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
                BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage photo = Scenes.photo(w, h, shape, Color.RED, Color.WHITE, type);
            AlphaMask out = new FastGuidedFilter(3, 1e-5, 2).apply(photo, coarse);
            for (float v : out.values()) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
    }

    @Test
    void rejectsNonsenseParameters() {
        assertThatThrownBy(() -> new FastGuidedFilter(0, 1e-3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FastGuidedFilter(4, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FastGuidedFilter(4, 1e-3, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The first column in row {@code y} whose value falls below 0.5. */
    private static int edgeColumn(AlphaMask mask, int y) {
        for (int x = 0; x < mask.width(); x++) {
            if (mask.get(x, y) < 0.5f) {
                return x;
            }
        }
        return mask.width();
    }
}
