package dev.cutout.vision.mask;

/**
 * Mean over a {@code (2r+1) x (2r+1)} window, clipped at the borders (each output divides by the
 * number of pixels actually inside the image), by running sums: O(N) whatever the radius.
 */
final class BoxFilter {

    private BoxFilter() {
    }

    /** The windowed mean of {@code src} ({@code w x h}, row-major) into a new array. */
    static float[] mean(float[] src, int w, int h, int r) {
        double[] inverseCount = inverseCounts(w, r);
        float[] rows = new float[w * h];
        for (int y = 0; y < h; y++) {
            meanOfRow(src, rows, y * w, w, r, inverseCount);
        }
        float[] out = new float[w * h];
        double[] acc = new double[w];
        for (int y = 0; y <= Math.min(r, h - 1); y++) {
            addRow(acc, rows, y * w, w, 1);
        }
        double[] inverseRowCount = inverseCounts(h, r);
        for (int y = 0; y < h; y++) {
            double inv = inverseRowCount[y];
            int o = y * w;
            for (int x = 0; x < w; x++) {
                out[o + x] = (float) (acc[x] * inv);
            }
            if (y + r + 1 < h) {
                addRow(acc, rows, (y + r + 1) * w, w, 1);
            }
            if (y - r >= 0) {
                addRow(acc, rows, (y - r) * w, w, -1);
            }
        }
        return out;
    }

    /** Per position: 1 / the number of window pixels inside {@code [0, n)}. */
    private static double[] inverseCounts(int n, int r) {
        double[] inv = new double[n];
        for (int i = 0; i < n; i++) {
            inv[i] = 1.0 / (Math.min(i + r, n - 1) - Math.max(i - r, 0) + 1);
        }
        return inv;
    }

    private static void meanOfRow(float[] src, float[] out, int offset, int w, int r, double[] inverseCount) {
        double sum = 0;
        for (int x = 0; x <= Math.min(r, w - 1); x++) {
            sum += src[offset + x];
        }
        for (int x = 0; x < w; x++) {
            out[offset + x] = (float) (sum * inverseCount[x]);
            if (x + r + 1 < w) {
                sum += src[offset + x + r + 1];
            }
            if (x - r >= 0) {
                sum -= src[offset + x - r];
            }
        }
    }

    private static void addRow(double[] acc, float[] rows, int offset, int w, int sign) {
        for (int x = 0; x < w; x++) {
            acc[x] += sign * rows[offset + x];
        }
    }
}
