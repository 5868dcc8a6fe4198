package dev.cutout.common.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Every {@link ImageRejectionReason}, each produced by an input built in the test. */
class ImageCodecRejectionTest {

    private final ImageCodec codec = new ImageCodec();

    @Test
    void emptyInputIsRejectedAsEmpty() {
        assertRejected(() -> codec.decode(new byte[0]), ImageRejectionReason.EMPTY);
        assertRejected(() -> codec.decode(null), ImageRejectionReason.EMPTY);
    }

    @Test
    void inputAboveTheByteLimitIsRejectedBeforeReading() {
        byte[] png = TestImages.write(TestImages.noise(32, 32, 1), "png");
        ImageCodec small = new ImageCodec(new ImageLimits(1000, 1_000_000, 1000, 1000));

        assertThat(png.length).isGreaterThan(1000);
        assertRejected(() -> small.decode(png), ImageRejectionReason.TOO_LARGE_BYTES)
                .hasMessageContaining(png.length + " bytes").hasMessageContaining("1000");
    }

    @Test
    void decompressionBombHeaderIsRefusedWithoutDecoding() {
        byte[] bomb = TestImages.pngBombHeader(30_000, 30_000);
        assertThat(bomb.length).isLessThan(200);

        long start = System.nanoTime();
        // Decoding would need 3.6 GB; a refusal from the header alone is immediate and names the size.
        assertRejected(() -> codec.decode(bomb), ImageRejectionReason.DIMENSION_TOO_LARGE)
                .hasMessageContaining("30000x30000");
        assertRejected(() -> codec.probe(bomb), ImageRejectionReason.DIMENSION_TOO_LARGE);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void headerWithinTheSideLimitButAboveThePixelLimitIsRejectedAsTooManyPixels() {
        byte[] bomb = TestImages.pngBombHeader(15_000, 15_000);

        assertRejected(() -> codec.decode(bomb), ImageRejectionReason.TOO_MANY_PIXELS)
                .hasMessageContaining("225000000 pixels");
    }

    @Test
    void textIsNotAnImage() {
        byte[] text = "name,price\nshirt,19.99\n".getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> codec.decode(text), ImageRejectionReason.NOT_AN_IMAGE);

        byte[] random = new byte[4096];
        new Random(3).nextBytes(random);
        assertRejected(() -> codec.decode(random), ImageRejectionReason.NOT_AN_IMAGE);
    }

    @Test
    void gifAndBmpAreRecognisedButNotAccepted() {
        BufferedImage image = TestImages.halves(16, 16, 0xFFFF0000, 0xFF0000FF, BufferedImage.TYPE_INT_RGB);

        assertRejected(() -> codec.decode(TestImages.write(image, "gif")), ImageRejectionReason.UNSUPPORTED_FORMAT)
                .hasMessageContaining("GIF");
        assertRejected(() -> codec.decode(TestImages.write(image, "bmp")), ImageRejectionReason.UNSUPPORTED_FORMAT)
                .hasMessageContaining("BMP");
    }

    @Test
    void truncatedJpegIsDetectedInsteadOfFilledWithGrey() {
        byte[] jpeg = codec.encodeJpeg(TestImages.noise(256, 256, 2), 0.9f);
        byte[] cut = TestImages.slice(jpeg, 0, jpeg.length * 6 / 10);

        assertThat(codec.decode(jpeg).width()).isEqualTo(256);
        assertRejected(() -> codec.decode(cut), ImageRejectionReason.TRUNCATED);
    }

    @Test
    void jpegMissingOnlyItsEndMarkerIsTruncated() {
        byte[] jpeg = codec.encodeJpeg(TestImages.noise(64, 64, 4), 0.9f);
        byte[] withoutEoi = TestImages.slice(jpeg, 0, jpeg.length - 2);

        assertRejected(() -> codec.decode(withoutEoi), ImageRejectionReason.TRUNCATED);
    }

    @Test
    void jpegWithDataAfterItsEndMarkerIsAccepted() {
        byte[] jpeg = codec.encodeJpeg(TestImages.noise(64, 64, 5), 0.9f);
        byte[] trailer = "CAMERA-TRAILER".getBytes(StandardCharsets.US_ASCII);

        assertThat(codec.decode(TestImages.concat(jpeg, trailer)).width()).isEqualTo(64);
    }

    @Test
    void truncatedPngIsDetected() {
        byte[] png = codec.encodePng(TestImages.noise(128, 128, 6));
        byte[] cut = TestImages.slice(png, 0, png.length / 2);

        assertRejected(() -> codec.decode(cut), ImageRejectionReason.TRUNCATED);
    }

    @Test
    void pngWithDamagedPixelDataIsCorrupt() {
        assertRejected(() -> codec.decode(TestImages.pngWithGarbageIdat(32, 32)), ImageRejectionReason.CORRUPT);
    }

    @Test
    void headerDeclaringZeroWidthIsCorrupt() {
        byte[] png = TestImages.concat(TestImages.PNG_SIGNATURE,
                TestImages.pngChunk("IHDR", TestImages.ihdr(0, 10, 8, 2)),
                TestImages.pngChunk("IEND", new byte[0]));

        ImageRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(ImageRejectedException.class,
                () -> codec.decode(png));
        assertThat(e.reason()).isEqualTo(ImageRejectionReason.CORRUPT);
    }

    @Test
    void everyReasonHasATestAbove() {
        // Guards the promise that each reason routed to the dead-letter topic is covered here.
        assertThat(ImageRejectionReason.values()).containsExactly(
                ImageRejectionReason.EMPTY, ImageRejectionReason.TOO_LARGE_BYTES,
                ImageRejectionReason.DIMENSION_TOO_LARGE, ImageRejectionReason.TOO_MANY_PIXELS,
                ImageRejectionReason.NOT_AN_IMAGE, ImageRejectionReason.UNSUPPORTED_FORMAT,
                ImageRejectionReason.TRUNCATED, ImageRejectionReason.CORRUPT);
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertRejected(
            ThrowingCallable call, ImageRejectionReason reason) {
        return assertThatThrownBy(call)
                .isInstanceOf(ImageRejectedException.class)
                .satisfies(e -> assertThat(((ImageRejectedException) e).reason()).isEqualTo(reason))
                .hasMessageStartingWith(reason.name() + ": ");
    }
}
