package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RgbRowReaderTest {

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_INT_RGB,
            BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_USHORT_565_RGB})
    void readsWhatGetRgbReads(int type) {
        BufferedImage image = randomImage(13, 7, type);

        assertSameAsGetRgb(image);
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB})
    void readsSubimagesThroughTheirOffsets(int type) {
        BufferedImage sub = randomImage(20, 15, type).getSubimage(3, 4, 9, 6);

        assertSameAsGetRgb(sub);
    }

    private static void assertSameAsGetRgb(BufferedImage image) {
        RgbRowReader reader = RgbRowReader.of(image);
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            reader.read(y, row);
            for (int x = 0; x < image.getWidth(); x++) {
                assertThat(row[x]).as("(%d,%d)", x, y).isEqualTo(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    private static BufferedImage randomImage(int w, int h, int type) {
        BufferedImage image = new BufferedImage(w, h, type);
        Random random = new Random(type);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, 0xFF000000 | random.nextInt(0x1000000));
            }
        }
        return image;
    }
}
