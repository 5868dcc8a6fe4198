package dev.cutout.vision.composite;

import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.PlaneResampler;
import dev.cutout.vision.mask.RgbRowReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * A region of a cutout as premultiplied planes (colour times alpha, 0..255, and alpha, 0..1), the
 * form in which resampling is correct: interpolating straight colours would pull the colour of
 * invisible background pixels into the soft edge.
 */
final class PremultipliedLayer {

    final int width;
    final int height;
    private final float[] red;
    private final float[] green;
    private final float[] blue;
    private final float[] alpha;

    private PremultipliedLayer(int width, int height, float[] red, float[] green, float[] blue, float[] alpha) {
        this.width = width;
        this.height = height;
        this.red = red;
        this.green = green;
        this.blue = blue;
        this.alpha = alpha;
    }

    /** {@code region} of the photo with the mask as alpha; outside the photo everything is 0. */
    static PremultipliedLayer of(BufferedImage photo, AlphaMask mask, BoundingBox region) {
        int w = region.width();
        int h = region.height();
        int n = w * h;
        float[] r = new float[n];
        float[] g = new float[n];
        float[] b = new float[n];
        float[] a = new float[n];
        BoundingBox inside = region.clip(photo.getWidth(), photo.getHeight());
        RgbRowReader reader = RgbRowReader.of(photo);
        int photoWidth = photo.getWidth();
        int[] row = new int[photoWidth];
        for (int y = inside.y(); y < inside.bottom(); y++) {
            reader.read(y, row);
            int o = (y - region.y()) * w - region.x();
            for (int x = inside.x(); x < inside.right(); x++) {
                float alpha = mask.at(y * photoWidth + x);
                int rgb = row[x];
                r[o + x] = alpha * ((rgb >> 16) & 0xFF);
                g[o + x] = alpha * ((rgb >> 8) & 0xFF);
                b[o + x] = alpha * (rgb & 0xFF);
                a[o + x] = alpha;
            }
        }
        return new PremultipliedLayer(w, h, r, g, b, a);
    }

    /** This layer resampled bilinearly to {@code newWidth x newHeight}. */
    PremultipliedLayer resize(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        PlaneResampler resampler = PlaneResampler.bilinear(width, height, newWidth, newHeight);
        return new PremultipliedLayer(newWidth, newHeight, resampler.apply(red), resampler.apply(green),
                resampler.apply(blue), resampler.apply(alpha));
    }

    /**
     * A {@code canvasWidth x canvasHeight} image with this layer at {@code (left, top)}: straight ARGB
     * when {@code background} is null, else opaque RGB over the colour.
     */
    BufferedImage drawOn(int canvasWidth, int canvasHeight, int left, int top, Color background) {
        boolean opaque = background != null;
        BufferedImage out = new BufferedImage(canvasWidth, canvasHeight,
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int bgRgb = opaque ? background.getRGB() & 0xFFFFFF : 0;
        if (opaque) {
            Arrays.fill(pixels, bgRgb);
        }
        float bgR = (bgRgb >> 16) & 0xFF;
        float bgG = (bgRgb >> 8) & 0xFF;
        float bgB = bgRgb & 0xFF;
        int x0 = Math.max(0, left);
        int y0 = Math.max(0, top);
        int x1 = Math.min(canvasWidth, left + width);
        int y1 = Math.min(canvasHeight, top + height);
        for (int y = y0; y < y1; y++) {
            int src = (y - top) * width - left;
            int dst = y * canvasWidth;
            for (int x = x0; x < x1; x++) {
                int i = src + x;
                float a = clamp01(alpha[i]);
                if (opaque) {
                    float inv = 1f - a;
                    pixels[dst + x] = channel(red[i] + inv * bgR) << 16
                            | channel(green[i] + inv * bgG) << 8 | channel(blue[i] + inv * bgB);
                } else if (Math.round(a * 255f) > 0) {
                    // A pixel whose alpha rounds to 0 stays 0 entirely: no hidden background colour in the file.
                    float un = 1f / a;
                    pixels[dst + x] = Math.round(a * 255f) << 24
                            | channel(red[i] * un) << 16 | channel(green[i] * un) << 8 | channel(blue[i] * un);
                }
            }
        }
        return out;
    }

    private static int channel(float v) {
        int c = Math.round(v);
        return c < 0 ? 0 : (c > 255 ? 255 : c);
    }

    private static float clamp01(float v) {
        return v < 0f ? 0f : (v > 1f ? 1f : v);
    }
}
