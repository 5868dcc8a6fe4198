package dev.cutout.vision.composite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.Color;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class CutoutRendererTest {

    private static final int W = 100;
    private static final int H = 80;

    /** A red 20x10 subject at (30, 20) on a green photo. */
    private static final BufferedImage PHOTO = photo();
    private static final AlphaMask MASK = rectangle(30, 20, 20, 10);

    @Test
    void withoutCropTheWholePhotoIsRenderedAndTheSubjectReported() {
        RenderedCutout out = new CutoutRenderer(RenderOptions.transparent()).render(PHOTO, MASK);

        assertThat(out.image().getWidth()).isEqualTo(W);
        assertThat(out.image().getHeight()).isEqualTo(H);
        assertThat(out.subject()).isEqualTo(new BoundingBox(30, 20, 20, 10));
        assertThat(out.subjectInImage()).isEqualTo(out.subject());
    }

    @Test
    void cropsToTheSubjectWithAPixelMargin() {
        RenderedCutout out = new CutoutRenderer(RenderOptions.transparent().cropped(Margin.parse("5px")))
                .render(PHOTO, MASK);

        assertThat(out.image().getWidth()).isEqualTo(30);
        assertThat(out.image().getHeight()).isEqualTo(20);
        assertThat(out.subjectInImage()).isEqualTo(new BoundingBox(5, 5, 20, 10));
        assertThat(out.image().getRGB(5, 5)).isEqualTo(0xFFFF0000);
        assertThat(out.image().getRGB(4, 5) >>> 24).isZero();
        assertThat(out.image().getRGB(24, 14)).isEqualTo(0xFFFF0000);
        assertThat(out.image().getRGB(25, 14) >>> 24).isZero();
    }

    @Test
    void aPercentMarginIsOfTheSubjectsLongerSide() {
        RenderedCutout out = new CutoutRenderer(RenderOptions.transparent().cropped(Margin.parse("10%")))
                .render(PHOTO, MASK);

        assertThat(out.image().getWidth()).isEqualTo(24);
        assertThat(out.image().getHeight()).isEqualTo(14);
        assertThat(out.subjectInImage()).isEqualTo(new BoundingBox(2, 2, 20, 10));
    }

    @Test
    void aMarginPastThePhotosEdgeIsFilledWithTheBackground() {
        AlphaMask corner = rectangle(0, 0, 10, 10);
        RenderedCutout out = new CutoutRenderer(RenderOptions.transparent().withBackground(Color.WHITE)
                .cropped(Margin.pixels(5))).render(solidRedPhoto(), corner);

        assertThat(out.image().getWidth()).isEqualTo(20);
        assertThat(out.image().getHeight()).isEqualTo(20);
        assertThat(out.image().getRGB(2, 2) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(out.image().getRGB(5, 5) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(out.subject()).isEqualTo(new BoundingBox(0, 0, 10, 10));
        assertThat(out.subjectInImage()).isEqualTo(new BoundingBox(5, 5, 10, 10));
    }

    @Test
    void anEmptyMaskIsNotCroppedAway() {
        RenderedCutout out = new CutoutRenderer(RenderOptions.transparent().cropped(Margin.parse("5%")))
                .render(PHOTO, AlphaMask.filled(W, H, 0f));

        assertThat(out.image().getWidth()).isEqualTo(W);
        assertThat(out.subject().isEmpty()).isTrue();
        assertThat(out.subjectInImage().isEmpty()).isTrue();
    }

    @Test
    void fitsTheCropOntoACanvasAtTheCentre() {
        // The 30x20 crop scales by 4 to 120x80 inside 120x120, centred: 20 rows of background above.
        RenderOptions options = RenderOptions.transparent().withBackground(Color.WHITE).cropped(Margin.pixels(5))
                .onCanvas(new Canvas(120, 120, Position.CENTER));

        RenderedCutout out = new CutoutRenderer(options).render(PHOTO, MASK);

        assertThat(out.image().getWidth()).isEqualTo(120);
        assertThat(out.image().getHeight()).isEqualTo(120);
        assertThat(out.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        assertThat(out.subjectInImage()).isEqualTo(new BoundingBox(20, 40, 80, 40));
        assertThat(out.image().getRGB(60, 60) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(out.image().getRGB(60, 10) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(out.image().getRGB(60, 110) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void positionsTheCutoutOnTheCanvas() {
        RenderOptions bottom = RenderOptions.transparent().cropped(Margin.pixels(5))
                .onCanvas(new Canvas(120, 120, Position.BOTTOM));
        RenderOptions topLeft = bottom.onCanvas(new Canvas(60, 120, Position.TOP_LEFT));

        RenderedCutout atBottom = new CutoutRenderer(bottom).render(PHOTO, MASK);
        RenderedCutout atTopLeft = new CutoutRenderer(topLeft).render(PHOTO, MASK);

        assertThat(atBottom.subjectInImage()).isEqualTo(new BoundingBox(20, 60, 80, 40));
        assertThat(atBottom.image().getRGB(60, 30) >>> 24).isZero();
        assertThat(atBottom.image().getRGB(60, 80)).isEqualTo(0xFFFF0000);
        // 30x20 scales by 2 to 60x40 at the top.
        assertThat(atTopLeft.subjectInImage()).isEqualTo(new BoundingBox(10, 10, 40, 20));
        assertThat(atTopLeft.image().getRGB(30, 60) >>> 24).isZero();
    }

    @Test
    void scalingDoesNotBleedTheHiddenBackgroundIntoTheEdge() {
        RenderOptions options = RenderOptions.transparent().cropped(Margin.pixels(5))
                .onCanvas(new Canvas(45, 30, Position.CENTER));

        BufferedImage image = new CutoutRenderer(options).render(PHOTO, MASK).image();

        int soft = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                int alpha = argb >>> 24;
                if (alpha > 0) {
                    assertThat((argb >> 8) & 0xFF).as("green at (%d,%d), alpha %d", x, y, alpha).isZero();
                    assertThat((argb >> 16) & 0xFF).isEqualTo(255);
                }
                if (alpha > 0 && alpha < 255) {
                    soft++;
                }
            }
        }
        assertThat(soft).as("a 1.5x scale leaves soft edge pixels").isPositive();
    }

    @Test
    void pixelsWhoseAlphaRoundsToZeroKeepNoBackgroundColour() {
        float[] values = new float[W * H];
        java.util.Arrays.fill(values, 0.001f); // a model's "almost surely background"
        values[25 * W + 40] = 1f;

        BufferedImage out = new CutoutRenderer(RenderOptions.transparent()).render(PHOTO, AlphaMask.of(W, H, values))
                .image();

        assertThat(out.getRGB(0, 0)).as("green background, alpha 0.001").isZero();
        assertThat(out.getRGB(40, 25)).isEqualTo(0xFFFF0000);
    }

    @Test
    void opaqueAndTransparentRenderingsAgreeAtSoftEdges() {
        RenderOptions transparent = RenderOptions.transparent().cropped(Margin.pixels(5))
                .onCanvas(new Canvas(45, 30, Position.CENTER));
        Color background = new Color(20, 40, 200);

        BufferedImage straight = new CutoutRenderer(transparent).render(PHOTO, MASK).image();
        BufferedImage opaque = new CutoutRenderer(transparent.withBackground(background)).render(PHOTO, MASK).image();

        for (int y = 0; y < straight.getHeight(); y++) {
            for (int x = 0; x < straight.getWidth(); x++) {
                int argb = straight.getRGB(x, y);
                double a = (argb >>> 24) / 255.0;
                int rgb = opaque.getRGB(x, y);
                assertThat((rgb >> 16) & 0xFF).isCloseTo((int) Math.round(a * ((argb >> 16) & 0xFF)
                        + (1 - a) * background.getRed()), within(1));
                assertThat(rgb & 0xFF).isCloseTo((int) Math.round(a * (argb & 0xFF)
                        + (1 - a) * background.getBlue()), within(1));
            }
        }
    }

    private static BufferedImage photo() {
        BufferedImage image = CompositorTest.solid(W, H, 0x00FF00, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 20; y < 30; y++) {
            for (int x = 30; x < 50; x++) {
                image.setRGB(x, y, 0xFFFF0000);
            }
        }
        return image;
    }

    private static BufferedImage solidRedPhoto() {
        return CompositorTest.solid(W, H, 0xFF0000, BufferedImage.TYPE_INT_RGB);
    }

    private static AlphaMask rectangle(int x0, int y0, int w, int h) {
        float[] v = new float[W * H];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                v[y * W + x] = 1f;
            }
        }
        return AlphaMask.of(W, H, v);
    }
}
