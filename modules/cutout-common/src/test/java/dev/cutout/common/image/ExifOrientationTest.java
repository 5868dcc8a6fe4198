package dev.cutout.common.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

    /**
     * A 3x2 image with pixel values 1..6:
     * <pre>
     * 1 2 3
     * 4 5 6
     * </pre>
     * and, for each orientation, the upright result read row by row (as in the EXIF specification's
     * diagrams, where the stored image is what the camera wrote).
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
            "1, 3, 2, '1 2 3 4 5 6'",
            "2, 3, 2, '3 2 1 6 5 4'",
            "3, 3, 2, '6 5 4 3 2 1'",
            "4, 3, 2, '4 5 6 1 2 3'",
            "5, 2, 3, '1 4 2 5 3 6'",
            "6, 2, 3, '4 1 5 2 6 3'",
            "7, 2, 3, '6 3 5 2 4 1'",
            "8, 2, 3, '3 6 2 5 1 4'"})
    void turnsStoredPixelsUpright(int tag, int width, int height, String expected) {
        BufferedImage stored = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        stored.setRGB(0, 0, 3, 2, new int[] {1, 2, 3, 4, 5, 6}, 0, 3);

        BufferedImage upright = ExifOrientation.fromTag(tag).apply(stored);

        assertThat(upright.getWidth()).isEqualTo(width);
        assertThat(upright.getHeight()).isEqualTo(height);
        int[] pixels = upright.getRGB(0, 0, width, height, null, 0, width);
        StringBuilder actual = new StringBuilder();
        for (int p : pixels) {
            actual.append(actual.length() == 0 ? "" : " ").append(p & 0xFFFFFF);
        }
        assertThat(actual.toString()).isEqualTo(expected);
    }

    @Test
    void unknownTagValuesMeanNormal() {
        assertThat(ExifOrientation.fromTag(0)).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.fromTag(9)).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void readerFindsTheTagInAWebpExifChunk() {
        byte[] webp = TestImages.losslessWebp(4, 2, 0xFFFF0000, 0xFF0000FF);
        byte[] tiff = TestImages.exifTiffWithOrientation(3);
        ByteBuffer exif = ByteBuffer.allocate(8 + tiff.length).order(ByteOrder.LITTLE_ENDIAN);
        exif.put("EXIF".getBytes(StandardCharsets.ISO_8859_1)).putInt(tiff.length).put(tiff);
        byte[] withExif = TestImages.concat(webp, exif.array());

        assertThat(ExifOrientationReader.read(withExif, ImageFormat.WEBP)).isEqualTo(ExifOrientation.ROTATE_180);
        assertThat(ExifOrientationReader.read(webp, ImageFormat.WEBP)).isEqualTo(ExifOrientation.NORMAL);
    }

    @Test
    void readerFindsTheTagInJpegAndIgnoresMalformedBlocks() {
        byte[] jpeg = new ImageCodec().encodeJpeg(TestImages.noise(8, 8, 1), 0.8f);

        assertThat(ExifOrientationReader.read(TestImages.withJpegOrientation(jpeg, 8), ImageFormat.JPEG))
                .isEqualTo(ExifOrientation.ROTATE_270_CW);
        assertThat(ExifOrientationReader.read(jpeg, ImageFormat.JPEG)).isEqualTo(ExifOrientation.NORMAL);

        byte[] damaged = TestImages.withJpegOrientation(jpeg, 6);
        damaged[2 + 4 + 6 + 4] = 0x7F; // IFD0 offset now points far past the end
        assertThat(ExifOrientationReader.read(damaged, ImageFormat.JPEG)).isEqualTo(ExifOrientation.NORMAL);
    }
}
