package dev.cutout.vision.verify;

/**
 * The morphology {@link MaskDamager} needs, on row-major planes: box means and Euclidean distance
 * maps, both O(N) whatever the radius, so that damaging a 320x240 mask stays well under a
 * millisecond per pass even when the search for a severity tries a dozen radii.
 */
final class Planes {

    /** Stands in for "no such pixel" in the distance transform: larger than any squared distance. */
    private static final double FAR = 1e20;

    private Planes() {
    }

    /**
     * The mean over a {@code (2r+1) x (2r+1)} window, clipped at the borders (each output divides by
     * the number of pixels inside the image), by running sums.
     */
    static float[] boxMean(float[] src, int w, int h, int r) {
        double[] inverseWidth = inverseCounts(w, r);
        float[] rows = new float[w * h];
        for (int y = 0; y < h; y++) {
            int o = y * w;
            double sum = 0;
            for (int x = 0; x <= Math.min(r, w - 1); x++) {
                sum += src[o + x];
            }
            for (int x = 0; x < w; x++) {
                rows[o + x] = (float) (sum * inverseWidth[x]);
                if (x + r + 1 < w) {
                    sum += src[o + x + r + 1];
                }
                if (x - r >= 0) {
                    sum -= src[o + x - r];
                }
            }
        }
        double[] inverseHeight = inverseCounts(h, r);
        float[] out = new float[w * h];
        double[] acc = new double[w];
        for (int y = 0; y <= Math.min(r, h - 1); y++) {
            for (int x = 0; x < w; x++) {
                acc[x] += rows[y * w + x];
            }
        }
        for (int y = 0; y < h; y++) {
            double inverse = inverseHeight[y];
            int o = y * w;
            for (int x = 0; x < w; x++) {
                out[o + x] = (float) (acc[x] * inverse);
            }
            if (y + r + 1 < h) {
                int add = (y + r + 1) * w;
                for (int x = 0; x < w; x++) {
                    acc[x] += rows[add + x];
                }
            }
            if (y - r >= 0) {
                int remove = (y - r) * w;
                for (int x = 0; x < w; x++) {
                    acc[x] -= rows[remove + x];
                }
            }
        }
        return out;
    }

    /** Per position along a line of {@code n}: 1 / the number of window pixels inside it. */
    private static double[] inverseCounts(int n, int r) {
        double[] inverse = new double[n];
        for (int i = 0; i < n; i++) {
            inverse[i] = 1.0 / (Math.min(i + r, n - 1) - Math.max(i - r, 0) + 1);
        }
        return inverse;
    }

    /** {@code passes} box means in a row: two approach a tent, three a Gaussian of sigma about r. */
    static float[] blur(float[] src, int w, int h, int r, int passes) {
        float[] out = src;
        for (int i = 0; i < passes; i++) {
            out = boxMean(out, w, h, r);
        }
        return out;
    }

    /**
     * The Euclidean distance from every pixel to the nearest pixel where {@code target} is true (0 on
     * them), or infinity everywhere when there is none. Pixels beyond the frame do not count as
     * targets, so a subject cut by the frame is not eroded from the frame's side. Felzenszwalb and
     * Huttenlocher's lower envelope of parabolas, one pass over the columns and one over the rows.
     */
    static float[] distanceTo(boolean[] target, int w, int h) {
        double[] d = new double[w * h];
        for (int i = 0; i < d.length; i++) {
            d[i] = target[i] ? 0 : FAR;
        }
        int n = Math.max(w, h);
        double[] f = new double[n];
        double[] out = new double[n];
        int[] v = new int[n];
        double[] z = new double[n + 1];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                f[y] = d[y * w + x];
            }
            transform1d(f, h, out, v, z);
            for (int y = 0; y < h; y++) {
                d[y * w + x] = out[y];
            }
        }
        for (int y = 0; y < h; y++) {
            System.arraycopy(d, y * w, f, 0, w);
            transform1d(f, w, out, v, z);
            System.arraycopy(out, 0, d, y * w, w);
        }
        float[] distance = new float[w * h];
        for (int i = 0; i < distance.length; i++) {
            distance[i] = d[i] >= FAR / 2 ? Float.POSITIVE_INFINITY : (float) Math.sqrt(d[i]);
        }
        return distance;
    }

    /** The squared-distance transform of one line of {@code n} samples {@code f} into {@code out}. */
    private static void transform1d(double[] f, int n, double[] out, int[] v, double[] z) {
        int k = -1;
        for (int q = 0; q < n; q++) {
            if (f[q] >= FAR) {
                continue;
            }
            double s = 0;
            while (k >= 0) {
                int p = v[k];
                s = ((f[q] + (double) q * q) - (f[p] + (double) p * p)) / (2.0 * (q - p));
                if (s > z[k]) {
                    break;
                }
                k--;
            }
            k++;
            v[k] = q;
            z[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
            z[k + 1] = Double.POSITIVE_INFINITY;
        }
        if (k < 0) {
            for (int q = 0; q < n; q++) {
                out[q] = FAR;
            }
            return;
        }
        int j = 0;
        for (int q = 0; q < n; q++) {
            while (z[j + 1] < q) {
                j++;
            }
            double dq = q - v[j];
            out[q] = dq * dq + f[v[j]];
        }
    }
}
