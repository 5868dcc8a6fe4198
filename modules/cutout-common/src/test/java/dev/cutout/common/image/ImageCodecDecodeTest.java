package dev.cutout.common.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;

class ImageCodecDecodeTest {

    private static final int RED = 0xFFDC1E1E;
    private static final int BLUE = 0xFF1E3CDC;

    private final ImageCodec codec = new ImageCodec();

    @Test
    void pngWithAlphaRoundTripsExactly() {
        BufferedImage source = TestImages.halves(40, 20, 0x80DC1E1E, 0x00000000, BufferedImage.TYPE_INT_ARGB);

        DecodedImage decoded = codec.decode(codec.encodePng(source));

        assertThat(decoded.format()).isEqualTo(ImageFormat.PNG);
        assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(decoded.image().getRGB(0, 0, 40, 20, null, 0, 40))
                .containsExactly(source.getRGB(0, 0, 40, 20, null, 0, 40));
    }

    @Test
    void opaquePngDecodesToRgbWithoutAlpha() {
        BufferedImage source = TestImages.halves(8, 8, RED, BLUE, BufferedImage.TYPE_3BYTE_BGR);

        DecodedImage decoded = codec.decode(TestImages.write(source, "png"));

        assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.hasAlpha()).isFalse();
        assertThat(decoded.image().getRGB(1, 1)).isEqualTo(RED);
        assertThat(decoded.image().getRGB(6, 6)).isEqualTo(BLUE);
    }

    @Test
    void everyPixelOfEightBitPngsSurvivesTheDecode() {
        java.util.Random random = new java.util.Random(7);
        for (int type : new int[] {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
                BufferedImage.TYPE_BYTE_GRAY}) {
            BufferedImage source = new BufferedImage(37, 23, type);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    int gray = random.nextInt(256);
                    source.setRGB(x, y, type == BufferedImage.TYPE_BYTE_GRAY
                            ? 0xFF000000 | gray * 0x010101 : random.nextInt());
                }
            }
            int[] expected = new int[37 * 23];
            for (int i = 0; i < expected.length; i++) {
                int argb = source.getRGB(i % 37, i / 37);
                // Java 2D reads gray samples as linear light; the codec keeps them as sRGB values.
                expected[i] = type == BufferedImage.TYPE_BYTE_GRAY
                        ? 0xFF000000 | (source.getRaster().getSample(i % 37, i / 37, 0) * 0x010101) : argb;
            }

            BufferedImage decoded = codec.decode(TestImages.write(source, "png")).image();

            assertThat(decoded.getRGB(0, 0, 37, 23, null, 0, 37)).as("type %d", type).containsExactly(expected);
        }
    }

    @Test
    void grayMaskRoundTripsWithoutGammaShift() {
        BufferedImage mask = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 64, 128, 255});

        byte[] png = codec.encodeGrayPng(mask);
        DecodedImage decoded = codec.decode(png);

        assertThat(png[8 + 8 + 8]).as("bit depth").isEqualTo((byte) 8);
        assertThat(png[8 + 8 + 9]).as("PNG colour type 0 = grayscale").isEqualTo((byte) 0);
        // A gray of 128 must stay 128: Java 2D's default conversion would brighten it.
        assertThat(decoded.image().getRGB(2, 0)).isEqualTo(0xFF808080);
        assertThat(decoded.image().getRGB(1, 0)).isEqualTo(0xFF404040);
        assertThat(decoded.image().getRGB(3, 0)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void aMaskDecodesToItsGrayLevelsAsWritten() {
        BufferedImage mask = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        mask.getRaster().setPixels(0, 0, 4, 1, new int[] {0, 64, 128, 255});

        BufferedImage decoded = codec.decodeMask(codec.encodeGrayPng(mask));

        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(decoded.getRaster().getPixels(0, 0, 4, 1, (int[]) null)).containsExactly(0, 64, 128, 255);
    }

    @Test
    void aColourImageReadAsAMaskComesAsDecodeGivesIt() {
        BufferedImage colour = TestImages.halves(8, 8, RED, BLUE, BufferedImage.TYPE_3BYTE_BGR);

        BufferedImage decoded = codec.decodeMask(TestImages.write(colour, "png"));

        assertThat(decoded.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.getRGB(1, 1)).isEqualTo(RED);
    }

    @Test
    void aMaskPastTheLimitsIsRefusedLikeAPhoto() {
        assertThatThrownBy(() -> codec.decodeMask(new byte[0])).isInstanceOf(ImageRejectedException.class);
    }

    @Test
    void colourMaskIsWrittenAsGrayscaleKeepingGrayLevels() {
        BufferedImage mask = TestImages.halves(4, 2, 0xFF808080, 0xFFFF0000, BufferedImage.TYPE_INT_RGB);

        byte[] png = codec.encodeGrayPng(mask);
        DecodedImage decoded = codec.decode(png);

        assertThat(png[8 + 8 + 9]).as("PNG colour type 0 = grayscale").isEqualTo((byte) 0);
        assertThat(decoded.image().getRGB(0, 0)).isEqualTo(0xFF808080);
        assertThat(decoded.image().getRGB(3, 1)).isEqualTo(0xFF4C4C4C); // luminance of pure red
    }

    @Test
    void sixteenBitRgbPngIsScaledToEightBits() {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
                new int[] {16, 16, 16}, false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        WritableRaster raster = model.createCompatibleWritableRaster(2, 1);
        raster.setPixel(0, 0, new int[] {65535, 32896, 0});   // 255, 128, 0
        raster.setPixel(1, 0, new int[] {0, 257 * 10, 65535}); // 0, 10, 255
        BufferedImage source = new BufferedImage(model, raster, false, null);
        byte[] png = TestImages.write(source, "png");

        DecodedImage decoded = codec.decode(png);

        assertThat(png[8 + 8 + 8]).as("bit depth").isEqualTo((byte) 16);
        assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(decoded.image().getRGB(0, 0)).isEqualTo(0xFFFF8000);
        assertThat(decoded.image().getRGB(1, 0)).isEqualTo(0xFF000AFF);
    }

    @Test
    void sixteenBitGrayPngIsScaledToEightBits() {
        BufferedImage source = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        source.getRaster().setPixels(0, 0, 2, 1, new int[] {0x8080, 0xFFFF});
        byte[] png = TestImages.write(source, "png");

        DecodedImage decoded = codec.decode(png);

        assertThat(png[8 + 8 + 8]).as("bit depth").isEqualTo((byte) 16);
        assertThat(decoded.image().getRGB(0, 0)).isEqualTo(0xFF808080);
        assertThat(decoded.image().getRGB(1, 0)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void palettePngWithTransparentEntryDecodesToArgb() {
        byte[] r = {(byte) 0xDC, 0x1E, 0};
        byte[] g = {0x1E, 0x3C, 0};
        byte[] b = {0x1E, (byte) 0xDC, 0};
        byte[] a = {(byte) 0xFF, (byte) 0xFF, 0};
        IndexColorModel palette = new IndexColorModel(2, 3, r, g, b, a);
        BufferedImage source = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_INDEXED, palette);
        source.getRaster().setPixels(0, 0, 3, 1, new int[] {0, 1, 2});
        byte[] png = TestImages.write(source, "png");

        DecodedImage decoded = codec.decode(png);

        assertThat(png[8 + 8 + 9]).as("PNG colour type 3 = palette").isEqualTo((byte) 3);
        assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
        assertThat(decoded.image().getRGB(0, 0)).isEqualTo(RED);
        assertThat(decoded.image().getRGB(1, 0)).isEqualTo(BLUE);
        assertThat(decoded.image().getRGB(2, 0) >>> 24).as("alpha of the transparent entry").isZero();
    }

    @Test
    void jpegRoundTripKeepsColoursAndSize() {
        BufferedImage source = TestImages.halves(64, 32, RED, BLUE, BufferedImage.TYPE_INT_RGB);

        DecodedImage decoded = codec.decode(codec.encodeJpeg(source, 0.95f));

        assertThat(decoded.format()).isEqualTo(ImageFormat.JPEG);
        assertThat(decoded.width()).isEqualTo(64);
        assertThat(decoded.height()).isEqualTo(32);
        assertClose(decoded.image().getRGB(8, 16), RED);
        assertClose(decoded.image().getRGB(56, 16), BLUE);
    }

    @Test
    void cmykJpegIsConvertedToRgb() throws IOException {
        // Adobe-style CMYK stores ink inverted: 255 is no ink. Left half paper white, right half full cyan.
        WritableRaster cmyk = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 8, 4, null);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 16; x++) {
                cmyk.setPixel(x, y, x < 8 ? new int[] {255, 255, 255, 255} : new int[] {0, 255, 255, 255});
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(new IIOImage(cmyk, null, null));
        } finally {
            writer.dispose();
        }

        // The Adobe APP14 marker (transform 0) is what tells readers that four components are CMYK.
        byte[] app14 = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        byte[] jpeg = out.toByteArray();
        byte[] adobeCmyk = TestImages.concat(TestImages.slice(jpeg, 0, 2), app14, TestImages.slice(jpeg, 2, jpeg.length));

        DecodedImage decoded = codec.decode(adobeCmyk);

        assertThat(decoded.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertClose(decoded.image().getRGB(2, 4), 0xFFFFFFFF);
        assertClose(decoded.image().getRGB(13, 4), 0xFF00FFFF);
    }

    @Test
    void jpegQualityChangesTheSize() {
        BufferedImage source = TestImages.noise(64, 64, 9);

        assertThat(codec.encodeJpeg(source, 0.3f).length).isLessThan(codec.encodeJpeg(source, 0.95f).length);
    }

    @Test
    void jpegEncodingFlattensTransparencyOntoWhite() {
        BufferedImage source = TestImages.halves(32, 16, RED, 0x00000000, BufferedImage.TYPE_INT_ARGB);

        DecodedImage decoded = codec.decode(codec.encodeJpeg(source, 0.95f));

        assertThat(decoded.hasAlpha()).isFalse();
        assertClose(decoded.image().getRGB(28, 8), 0xFFFFFFFF);
    }

    @Test
    void jpegExifOrientationIsApplied() {
        // Stored landscape, left half red; orientation 6 asks for a clockwise turn, so red ends on top.
        byte[] jpeg = codec.encodeJpeg(TestImages.halves(64, 32, RED, BLUE, BufferedImage.TYPE_INT_RGB), 0.95f);
        byte[] rotated = TestImages.withJpegOrientation(jpeg, 6);

        DecodedImage decoded = codec.decode(rotated);

        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.ROTATE_90_CW);
        assertThat(decoded.width()).isEqualTo(32);
        assertThat(decoded.height()).isEqualTo(64);
        assertClose(decoded.image().getRGB(16, 8), RED);
        assertClose(decoded.image().getRGB(16, 56), BLUE);
        assertThat(codec.probe(rotated)).isEqualTo(new ImageInfo(ImageFormat.JPEG, 32, 64, ExifOrientation.ROTATE_90_CW));
    }

    @Test
    void pngExifOrientationIsApplied() {
        byte[] png = codec.encodePng(TestImages.halves(4, 2, RED, BLUE, BufferedImage.TYPE_INT_RGB));
        byte[] flipped = TestImages.withPngExif(png, TestImages.exifTiffWithOrientation(2));

        DecodedImage decoded = codec.decode(flipped);

        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.MIRROR_HORIZONTAL);
        assertThat(decoded.image().getRGB(0, 0)).isEqualTo(BLUE);
        assertThat(decoded.image().getRGB(3, 0)).isEqualTo(RED);
    }

    @Test
    void tiffIsDecodedWithItsOrientation() {
        // 2x1 pixels: red then blue, stored upside down (orientation 3).
        byte[] rgb = {(byte) 0xDC, 0x1E, 0x1E, 0x1E, 0x3C, (byte) 0xDC};
        byte[] tiff = TestImages.rgbTiff(2, 1, rgb, 3);

        DecodedImage decoded = codec.decode(tiff);

        assertThat(decoded.format()).isEqualTo(ImageFormat.TIFF);
        assertThat(decoded.orientation()).isEqualTo(ExifOrientation.ROTATE_180);
        assertThat(decoded.image().getRGB(0, 0)).isEqualTo(BLUE);
        assertThat(decoded.image().getRGB(1, 0)).isEqualTo(RED);
    }

    @Test
    void losslessWebpIsDecoded() {
        byte[] webp = TestImages.losslessWebp(6, 3, RED, BLUE);

        DecodedImage decoded = codec.decode(webp);

        assertThat(decoded.format()).isEqualTo(ImageFormat.WEBP);
        assertThat(decoded.width()).isEqualTo(6);
        assertThat(decoded.height()).isEqualTo(3);
        assertThat(decoded.image().getRGB(0, 0)).isEqualTo(RED);
        assertThat(decoded.image().getRGB(5, 2)).isEqualTo(BLUE);
        assertThat(codec.probe(webp)).isEqualTo(new ImageInfo(ImageFormat.WEBP, 6, 3, ExifOrientation.NORMAL));
    }

    @Test
    void probeReadsTheHeaderOnly() {
        byte[] png = codec.encodePng(TestImages.noise(30, 20, 11));

        assertThat(codec.probe(png)).isEqualTo(new ImageInfo(ImageFormat.PNG, 30, 20, ExifOrientation.NORMAL));
        // A header with a tiny IDAT probes fine: the pixels are never read.
        assertThat(codec.probe(TestImages.pngBombHeader(300, 200)).width()).isEqualTo(300);
    }

    @Test
    void contentTypesMatchTheFormats() {
        assertThat(ImageFormat.JPEG.contentType()).isEqualTo("image/jpeg");
        assertThat(ImageFormat.PNG.contentType()).isEqualTo("image/png");
        assertThat(ImageFormat.WEBP.contentType()).isEqualTo("image/webp");
        assertThat(ImageFormat.TIFF.contentType()).isEqualTo("image/tiff");
    }

    private static void assertClose(int actual, int expected) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int a = actual >> shift & 0xFF;
            int e = expected >> shift & 0xFF;
            assertThat(Math.abs(a - e)).as("channel at bit %d of %08x vs %08x", shift, actual, expected)
                    .isLessThanOrEqualTo(12);
        }
    }
}
