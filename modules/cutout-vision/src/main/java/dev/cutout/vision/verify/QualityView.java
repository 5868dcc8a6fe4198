package dev.cutout.vision.verify;

import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.PlaneResampler;
import dev.cutout.vision.mask.RgbRowReader;
import java.awt.image.BufferedImage;

/**
 * A photo and its soft mask at the verifier's working resolution. Every measurement the verifier makes
 * (evidence, cluster features, the network's input) is taken from this view, in training and in
 * service alike, so a score does not depend on the photo's size and a 1918x1280 photo costs as little
 * to verify as a small one.
 *
 * @param photo the photo, downscaled so that its long side is at most {@link #WORKING_SIDE}
 * @param mask  the mask at the same size
 */
public record QualityView(BufferedImage photo, AlphaMask mask) {

    /** Long side of the working resolution, in pixels. */
    public static final int WORKING_SIDE = 320;

    public QualityView {
        if (photo.getWidth() != mask.width() || photo.getHeight() != mask.height()) {
            throw new IllegalArgumentException("photo " + photo.getWidth() + "x" + photo.getHeight()
                    + " and mask " + mask.width() + "x" + mask.height() + " differ in size");
        }
    }

    /**
     * Both at the working resolution: the mask downscaled (area-weighted, never upscaled), the photo
     * resampled to the mask's new size (a photo of another size than the mask is stretched onto it).
     */
    public static QualityView of(BufferedImage photo, AlphaMask mask) {
        double scale = Math.min(1.0, WORKING_SIDE / (double) Math.max(mask.width(), mask.height()));
        int w = Math.max(1, (int) Math.round(mask.width() * scale));
        int h = Math.max(1, (int) Math.round(mask.height() * scale));
        return new QualityView(resize(photo, w, h), mask.resize(w, h));
    }

    public int width() {
        return mask.width();
    }

    public int height() {
        return mask.height();
    }

    /** A copy of this view with another mask of the same size (a damaged one, when making training data). */
    public QualityView withMask(AlphaMask other) {
        return new QualityView(photo, other);
    }

    private static BufferedImage resize(BufferedImage photo, int w, int h) {
        RgbRowReader pixels = RgbRowReader.of(photo);
        float[][] rgb = PlaneResampler.bilinear(pixels.width(), pixels.height(), w, h).applyRgb(pixels);
        float[] r = rgb[0];
        float[] g = rgb[1];
        float[] b = rgb[2];
        int[] out = new int[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = channel(r[i]) << 16 | channel(g[i]) << 8 | channel(b[i]);
        }
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, w, h, out, 0, w);
        return image;
    }

    private static int channel(float v) {
        return Math.max(0, Math.min(255, Math.round(v)));
    }
}
