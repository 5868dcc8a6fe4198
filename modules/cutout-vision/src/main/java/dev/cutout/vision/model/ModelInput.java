package dev.cutout.vision.model;

/**
 * Turns interleaved 8-bit pixels into the network's input: a square of {@code size x size}
 * sampled from a crop rectangle (the whole photo at inference, a random crop in training),
 * then normalised with the ImageNet statistics U²-Net was designed around.
 *
 * <p>Downscaling averages each output pixel's footprint (area sampling): a 1918-pixel photo
 * shrunk to 320 with plain bilinear taps would alias thin parts such as car antennas.
 */
public final class ModelInput {

    public static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] STD = {0.229f, 0.224f, 0.225f};

    private ModelInput() {}

    /** A crop rectangle in source pixels (fractional), optionally mirrored left-right. */
    public record Crop(double x, double y, double width, double height, boolean mirrored) {
        public static Crop whole(int width, int height) {
            return new Crop(0, 0, width, height, false);
        }
    }

    /**
     * Samples {@code channels}-interleaved bytes into planar floats in [0,1]:
     * {@code out[c * size * size + y * size + x]}.
     */
    public static float[] samplePlanar(byte[] pixels, int width, int height, int channels, Crop crop, int size) {
        float[] out = new float[channels * size * size];
        double sx = crop.width() / size;
        double sy = crop.height() / size;
        int plane = size * size;
        for (int oy = 0; oy < size; oy++) {
            double y0 = crop.y() + oy * sy;
            for (int ox = 0; ox < size; ox++) {
                int tx = crop.mirrored() ? size - 1 - ox : ox;
                double x0 = crop.x() + tx * sx;
                for (int c = 0; c < channels; c++) {
                    float v = (sx > 1.5 || sy > 1.5)
                            ? area(pixels, width, height, channels, c, x0, y0, x0 + sx, y0 + sy)
                            : bilinear(pixels, width, height, channels, c, x0 + sx / 2 - 0.5, y0 + sy / 2 - 0.5);
                    out[c * plane + oy * size + ox] = v / 255f;
                }
            }
        }
        return out;
    }

    /** Normalises planar RGB in [0,1] in place with {@link #MEAN} and {@link #STD}. */
    public static float[] normalize(float[] planarRgb) {
        int plane = planarRgb.length / 3;
        for (int c = 0; c < 3; c++) {
            for (int i = c * plane; i < (c + 1) * plane; i++) {
                planarRgb[i] = (planarRgb[i] - MEAN[c]) / STD[c];
            }
        }
        return planarRgb;
    }

    /** The whole photo as normalised network input. */
    public static float[] fromRgb(byte[] rgb, int width, int height, int size) {
        return normalize(samplePlanar(rgb, width, height, 3, Crop.whole(width, height), size));
    }

    private static float bilinear(byte[] p, int w, int h, int ch, int c, double x, double y) {
        x = Math.max(0, Math.min(w - 1, x));
        y = Math.max(0, Math.min(h - 1, y));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(w - 1, x0 + 1);
        int y1 = Math.min(h - 1, y0 + 1);
        double fx = x - x0;
        double fy = y - y0;
        double top = (p[(y0 * w + x0) * ch + c] & 0xFF) * (1 - fx) + (p[(y0 * w + x1) * ch + c] & 0xFF) * fx;
        double bottom = (p[(y1 * w + x0) * ch + c] & 0xFF) * (1 - fx) + (p[(y1 * w + x1) * ch + c] & 0xFF) * fx;
        return (float) (top * (1 - fy) + bottom * fy);
    }

    private static float area(byte[] p, int w, int h, int ch, int c, double x0, double y0, double x1, double y1) {
        int ix0 = clamp((int) Math.floor(x0), w);
        int iy0 = clamp((int) Math.floor(y0), h);
        int ix1 = Math.max(ix0 + 1, Math.min(w, (int) Math.ceil(x1)));
        int iy1 = Math.max(iy0 + 1, Math.min(h, (int) Math.ceil(y1)));
        long sum = 0;
        for (int y = iy0; y < iy1; y++) {
            int row = y * w;
            for (int x = ix0; x < ix1; x++) {
                sum += p[(row + x) * ch + c] & 0xFF;
            }
        }
        return (float) sum / ((ix1 - ix0) * (iy1 - iy0));
    }

    private static int clamp(int v, int limit) {
        return Math.max(0, Math.min(limit - 1, v));
    }
}
