package dev.cutout.vision.mask;

/**
 * Bilinear resampling of row-major float planes, reusable for any number of planes of the same
 * size (the weights are computed once).
 *
 * <p>Pixel centres are aligned the way PyTorch's {@code align_corners=false} and Pillow do:
 * output pixel {@code i} samples the input at {@code (i + 0.5) * in / out - 0.5}, clamped to the
 * edge. When shrinking, the triangle kernel is widened by the scale factor, so every input pixel
 * contributes (as Pillow's bilinear filter does) instead of aliasing by sampling only four of them.
 */
public final class PlaneResampler {

    private final int srcWidth;
    private final int srcHeight;
    private final int dstWidth;
    private final int dstHeight;
    private final Taps horizontal;
    private final Taps vertical;

    private PlaneResampler(int srcWidth, int srcHeight, int dstWidth, int dstHeight, double scaleX, double scaleY) {
        this.srcWidth = srcWidth;
        this.srcHeight = srcHeight;
        this.dstWidth = dstWidth;
        this.dstHeight = dstHeight;
        this.horizontal = Taps.triangle(srcWidth, dstWidth, scaleX);
        this.vertical = Taps.triangle(srcHeight, dstHeight, scaleY);
    }

    /** A resampler from {@code srcWidth x srcHeight} planes to {@code dstWidth x dstHeight}. */
    public static PlaneResampler bilinear(int srcWidth, int srcHeight, int dstWidth, int dstHeight) {
        return bilinear(srcWidth, srcHeight, dstWidth, dstHeight,
                (double) srcWidth / dstWidth, (double) srcHeight / dstHeight);
    }

    /**
     * As {@link #bilinear(int, int, int, int)} but with explicit scales (source pixels per output
     * pixel), for a destination grid that covers more than the source, such as cells of a fixed size
     * whose last one hangs over the edge.
     */
    static PlaneResampler bilinear(int srcWidth, int srcHeight, int dstWidth, int dstHeight,
            double scaleX, double scaleY) {
        if (srcWidth <= 0 || srcHeight <= 0 || dstWidth <= 0 || dstHeight <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + srcWidth + "x" + srcHeight
                    + " -> " + dstWidth + "x" + dstHeight);
        }
        return new PlaneResampler(srcWidth, srcHeight, dstWidth, dstHeight, scaleX, scaleY);
    }

    /** Resamples one plane of {@code srcWidth * srcHeight} values into a new array. */
    public float[] apply(float[] src) {
        if (src.length != srcWidth * srcHeight) {
            throw new IllegalArgumentException("plane has " + src.length + " values, expected "
                    + srcWidth * srcHeight);
        }
        float[] rows = resampleRows(src);
        if (dstHeight == srcHeight && isIdentity(vertical)) {
            return rows == src ? src.clone() : rows;
        }
        return resampleColumns(rows);
    }

    /**
     * The red, green and blue planes of a photo resampled, exactly as {@link #apply} gives them from the
     * photo's three float planes, but read row by row from its packed pixels: a 1918x1280 photo then
     * never exists as 30 MB of full-size float planes.
     */
    public float[][] applyRgb(RgbRowReader photo) {
        if (photo.width() != srcWidth || photo.height() != srcHeight) {
            throw new IllegalArgumentException("photo is " + photo.width() + "x" + photo.height() + ", expected "
                    + srcWidth + "x" + srcHeight);
        }
        float[] red = new float[srcHeight * dstWidth];
        float[] green = new float[srcHeight * dstWidth];
        float[] blue = new float[srcHeight * dstWidth];
        int[] packed = new int[srcWidth];
        for (int y = 0; y < srcHeight; y++) {
            photo.read(y, packed);
            int o = y * dstWidth;
            for (int x = 0; x < dstWidth; x++) {
                // The three channels share each tap's weight; per channel the sums are those of apply.
                int start = horizontal.start[x];
                int base = x * horizontal.stride;
                float r = 0f;
                float g = 0f;
                float b = 0f;
                for (int k = 0, n = horizontal.count[x]; k < n; k++) {
                    float w = horizontal.weights[base + k];
                    int p = packed[start + k];
                    r += w * ((p >> 16) & 0xFF);
                    g += w * ((p >> 8) & 0xFF);
                    b += w * (p & 0xFF);
                }
                red[o + x] = r;
                green[o + x] = g;
                blue[o + x] = b;
            }
        }
        if (dstHeight == srcHeight && isIdentity(vertical)) {
            return new float[][] {red, green, blue};
        }
        return new float[][] {resampleColumns(red), resampleColumns(green), resampleColumns(blue)};
    }

    private float[] resampleRows(float[] src) {
        if (dstWidth == srcWidth && isIdentity(horizontal)) {
            return src;
        }
        float[] out = new float[srcHeight * dstWidth];
        for (int y = 0; y < srcHeight; y++) {
            int in = y * srcWidth;
            int o = y * dstWidth;
            for (int x = 0; x < dstWidth; x++) {
                int start = horizontal.start[x];
                int base = x * horizontal.stride;
                float sum = 0f;
                for (int k = 0, n = horizontal.count[x]; k < n; k++) {
                    sum += horizontal.weights[base + k] * src[in + start + k];
                }
                out[o + x] = sum;
            }
        }
        return out;
    }

    private float[] resampleColumns(float[] rows) {
        float[] out = new float[dstHeight * dstWidth];
        for (int y = 0; y < dstHeight; y++) {
            int start = vertical.start[y];
            int base = y * vertical.stride;
            int o = y * dstWidth;
            for (int k = 0, n = vertical.count[y]; k < n; k++) {
                float w = vertical.weights[base + k];
                int in = (start + k) * dstWidth;
                for (int x = 0; x < dstWidth; x++) {
                    out[o + x] += w * rows[in + x];
                }
            }
        }
        return out;
    }

    private static boolean isIdentity(Taps taps) {
        for (int i = 0; i < taps.count.length; i++) {
            if (taps.count[i] != 1 || taps.start[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** Per output index: the first input index, the number of taps and their normalised weights. */
    private static final class Taps {
        final int[] start;
        final int[] count;
        final float[] weights;
        final int stride;

        private Taps(int[] start, int[] count, float[] weights, int stride) {
            this.start = start;
            this.count = count;
            this.weights = weights;
            this.stride = stride;
        }

        static Taps triangle(int in, int out, double scale) {
            double support = Math.max(1.0, scale);
            int stride = (int) Math.ceil(support) * 2 + 1;
            int[] start = new int[out];
            int[] count = new int[out];
            float[] weights = new float[out * stride];
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(in - 1, (int) Math.ceil(centre + support));
                double total = 0;
                int n = 0;
                int first = -1;
                double[] local = new double[Math.max(1, hi - lo + 1)];
                for (int j = lo; j <= hi; j++) {
                    double w = 1.0 - Math.abs((j + 0.5 - centre) / support);
                    if (w > 0) {
                        if (first < 0) {
                            first = j;
                        }
                        local[j - first] = w;
                        n = j - first + 1;
                        total += w;
                    }
                }
                if (first < 0) {
                    // The kernel misses every pixel (a centre at or past the edge): the nearest one carries it.
                    first = Math.min(in - 1, Math.max(0, (int) Math.floor(centre)));
                    local[0] = 1;
                    n = 1;
                    total = 1;
                }
                start[i] = first;
                count[i] = n;
                for (int k = 0; k < n; k++) {
                    weights[i * stride + k] = (float) (local[k] / total);
                }
            }
            return new Taps(start, count, weights, stride);
        }
    }
}
