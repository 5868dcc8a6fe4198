package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlphaMaskTest {

    @Test
    void ofCopiesAndClampsValues() {
        float[] values = {-0.5f, 0.25f, 1.5f, 1f};
        AlphaMask mask = AlphaMask.of(2, 2, values);
        values[1] = 0.9f;

        assertThat(mask.values()).containsExactly(0f, 0.25f, 1f, 1f);
        assertThat(mask.get(1, 0)).isEqualTo(0.25f);
        assertThat(mask.get(0, 1)).isEqualTo(1f);
    }

    @Test
    void rejectsWrongLengthNanAndBadSizes() {
        assertThatThrownBy(() -> AlphaMask.of(2, 2, new float[3])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlphaMask.of(1, 1, new float[] {Float.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlphaMask.filled(0, 3, 1f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlphaMask.filled(2, 2, 1f).get(2, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void valuesReturnsACopy() {
        AlphaMask mask = AlphaMask.filled(2, 1, 0.5f);
        mask.values()[0] = 0f;
        assertThat(mask.get(0, 0)).isEqualTo(0.5f);
    }

    @Test
    void readsEightBitGray() {
        BufferedImage gray = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {0, 51, 255});

        AlphaMask mask = AlphaMask.fromImage(gray);

        assertThat(mask.width()).isEqualTo(3);
        assertThat(mask.values()).containsExactly(0f, 0.2f, 1f);
    }

    @Test
    void readsOneBitPaletteImagesLikeCarvanaMasks() {
        IndexColorModel blackWhite = new IndexColorModel(1, 2, new byte[] {0, (byte) 255},
                new byte[] {0, (byte) 255}, new byte[] {0, (byte) 255});
        BufferedImage binary = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_BINARY, blackWhite);
        binary.getRaster().setSamples(0, 0, 4, 1, 0, new int[] {0, 1, 1, 0});

        assertThat(AlphaMask.fromImage(binary).values()).containsExactly(0f, 1f, 1f, 0f);
    }

    @Test
    void readsSixteenBitGrayAndColourThroughLuminance() {
        BufferedImage wide = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        wide.getRaster().setSamples(0, 0, 2, 1, 0, new int[] {0, 65535});
        assertThat(AlphaMask.fromImage(wide).values()).containsExactly(0f, 1f);

        BufferedImage rgb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xFFFFFF);
        rgb.setRGB(1, 0, 0xFF0000);
        float[] v = AlphaMask.fromImage(rgb).values();
        assertThat(v[0]).isEqualTo(1f);
        assertThat(v[1]).isCloseTo(0.299f, within(1e-4f));
    }

    @Test
    void thresholdOptionBinarises() {
        BufferedImage gray = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        gray.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {127, 128, 200});

        assertThat(AlphaMask.fromImage(gray, 0.5f).values()).containsExactly(0f, 1f, 1f);
    }

    @Test
    void readsTheAlphaChannelOfACutout() {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00FF0000);
        argb.setRGB(1, 0, 0xFF00FF00);
        assertThat(AlphaMask.fromAlphaChannel(argb).values()).containsExactly(0f, 1f);
        assertThatThrownBy(() -> AlphaMask.fromAlphaChannel(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void grayImageRoundsAndPngRoundTrips(@TempDir Path dir) throws Exception {
        AlphaMask mask = AlphaMask.of(3, 2, new float[] {0f, 0.5f, 1f, 0.2f, 0.8f, 0.999f});

        BufferedImage image = mask.toGrayImage();
        assertThat(image.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(image.getRaster().getSample(1, 0, 0)).isEqualTo(128);
        assertThat(image.getRaster().getSample(2, 1, 0)).isEqualTo(255);

        Path file = dir.resolve("nested/mask.png");
        mask.writePng(file);
        AlphaMask back = AlphaMask.read(file);
        assertThat(back.width()).isEqualTo(3);
        assertThat(back.height()).isEqualTo(2);
        for (int i = 0; i < 6; i++) {
            assertThat(back.at(i)).isCloseTo(mask.at(i), within(0.5f / 255f + 1e-6f));
        }
        assertThat(AlphaMask.read(file, 0.5f).values()).containsExactly(0f, 1f, 1f, 0f, 1f, 1f);
    }

    @Test
    void readingSomethingThatIsNotAnImageFails(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.png");
        java.nio.file.Files.writeString(file, "not a png");
        assertThatThrownBy(() -> AlphaMask.read(file)).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void bilinearUpsamplingUsesHalfPixelCentres() {
        AlphaMask mask = AlphaMask.of(2, 1, new float[] {0f, 1f});

        AlphaMask up = mask.resize(4, 1);

        // Output centres at 0.25, 0.75, 1.25, 1.75 input pixels (PyTorch align_corners=false).
        assertThat(up.values()).containsExactly(0f, 0.25f, 0.75f, 1f);
    }

    @Test
    void downsamplingAveragesInsteadOfAliasing() {
        float[] stripes = new float[8 * 8];
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                stripes[y * 8 + x] = x % 2;
            }
        }
        AlphaMask small = AlphaMask.of(8, 8, stripes).resize(2, 2);

        for (float v : small.values()) {
            assertThat(v).isCloseTo(0.5f, within(0.05f));
        }
    }

    @Test
    void resizeKeepsAConstantMaskConstant() {
        AlphaMask resized = AlphaMask.filled(7, 5, 0.3f).resize(19, 3);
        assertThat(resized.width()).isEqualTo(19);
        assertThat(resized.height()).isEqualTo(3);
        for (float v : resized.values()) {
            assertThat(v).isCloseTo(0.3f, within(1e-6f));
        }
    }

    @Test
    void binarizeCountAndArea() {
        AlphaMask mask = AlphaMask.of(4, 1, new float[] {0.1f, 0.5f, 0.49f, 0.9f});

        assertThat(mask.binarize(0.5f).values()).containsExactly(0f, 1f, 0f, 1f);
        assertThat(mask.count(0.5f)).isEqualTo(2);
        assertThat(mask.area()).isCloseTo(1.99, within(1e-6));
    }

    @Test
    void normalizedStretchesToTheFullRange() {
        AlphaMask mask = AlphaMask.of(3, 1, new float[] {0.2f, 0.4f, 0.6f});
        float[] v = mask.normalized().values();
        assertThat(v[0]).isEqualTo(0f);
        assertThat(v[1]).isCloseTo(0.5f, within(1e-6f));
        assertThat(v[2]).isEqualTo(1f);
        AlphaMask constant = AlphaMask.filled(2, 2, 0.7f);
        assertThat(constant.normalized()).isEqualTo(constant);
    }

    @Test
    void equalityIsByValue() {
        assertThat(AlphaMask.filled(2, 2, 1f)).isEqualTo(AlphaMask.of(2, 2, new float[] {1, 1, 1, 1}));
        assertThat(AlphaMask.filled(2, 2, 1f)).isNotEqualTo(AlphaMask.filled(4, 1, 1f));
        assertThat(AlphaMask.filled(2, 2, 1f).hashCode()).isEqualTo(AlphaMask.filled(2, 2, 1f).hashCode());
    }

    @Test
    void readsAMaskDrawnWithJava2d() {
        BufferedImage gray = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = gray.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(2, 3, 4, 5);
        g.dispose();

        AlphaMask mask = AlphaMask.fromImage(gray);

        assertThat(mask.count(0.5f)).isEqualTo(20);
        assertThat(mask.get(2, 3)).isEqualTo(1f);
        assertThat(mask.get(1, 3)).isEqualTo(0f);
    }
}
