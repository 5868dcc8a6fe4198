package dev.cutout.vision.mask;

import java.awt.image.BufferedImage;

/**
 * The colour-guided filter of He, Sun and Tang (TPAMI 2013) in its fast form (He and Sun 2015):
 * the local linear coefficients are fitted on a grid {@code subsample} times coarser than the
 * photo and upsampled bilinearly, then applied to the full-resolution colours, so the output's edges
 * follow the photo's edges at full resolution.
 *
 * <p>Per output pixel {@code q = a . I + b}, where {@code (a, b)} minimise the ridge-regularised
 * error of predicting the mask from the RGB guide {@code I} in a {@code (2r+1)^2} window. A small
 * {@code epsilon} follows colour edges closely; a large one smooths towards a plain blur where the
 * photo has little contrast. Box means use running sums, so the cost is linear in the pixel count
 * and independent of the radius.
 *
 * <p>With {@code confidenceBlend}, the result is {@code w q + (1 - w) p} with {@code p} the input
 * upsampled bilinearly and {@code w = 4 p (1 - p)}: the filter decides where the input is unsure
 * (its soft edge band) and the input stands where it is sure. The filter alone pulls edges towards
 * colour contrasts even where the true boundary has none (a white roof against a pale wall) and
 * softens them where contrast is low; the blend keeps most of its gain on blurred, misplaced model
 * edges while losing far less on accurate ones (measurements in the {@linkplain dev.cutout.vision.mask
 * package documentation}).
 */
public final class FastGuidedFilter {

    /** Blend weights below this change a value by less than half an 8-bit step. */
    private static final float SURE = 1f / 512f;

    private final int radius;
    private final double epsilon;
    private final int subsample;
    private final boolean confidenceBlend;

    /** The plain fast guided filter, without confidence blending. */
    public FastGuidedFilter(int radius, double epsilon, int subsample) {
        this(radius, epsilon, subsample, false);
    }

    /**
     * @param radius          window radius in full-resolution pixels (at least 1)
     * @param epsilon         regularisation, in units of the squared colour range [0, 1]
     * @param subsample       how many times coarser the coefficient grid is (1 = the exact filter)
     * @param confidenceBlend use the filter only where the input mask is unsure (see above)
     */
    public FastGuidedFilter(int radius, double epsilon, int subsample, boolean confidenceBlend) {
        if (radius < 1) {
            throw new IllegalArgumentException("radius must be >= 1: " + radius);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0: " + epsilon);
        }
        if (subsample < 1) {
            throw new IllegalArgumentException("subsample must be >= 1: " + subsample);
        }
        this.radius = radius;
        this.epsilon = epsilon;
        this.subsample = subsample;
        this.confidenceBlend = confidenceBlend;
    }

    /**
     * Filters {@code mask} (any resolution; it is resampled to cover the whole photo) guided by
     * {@code photo}, returning a soft mask at the photo's resolution.
     */
    public AlphaMask apply(BufferedImage photo, AlphaMask mask) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        int s = Math.min(subsample, Math.max(1, Math.min(w, h) / 2));
        int lw = (w + s - 1) / s;
        int lh = (h + s - 1) / s;
        int r = Math.max(1, Math.round((float) radius / s));
        RgbRowReader reader = RgbRowReader.of(photo);

        float[][] guide = downsampleGuide(reader, w, h, s, lw, lh);
        float[] p = PlaneResampler.bilinear(mask.width(), mask.height(), lw, lh,
                (double) s * mask.width() / w, (double) s * mask.height() / h).apply(mask.data());
        float[][] coefficients = fitCoefficients(guide[0], guide[1], guide[2], p, lw, lh, r);
        float[] out = applyAtFullResolution(reader, w, h, s, lw, lh, coefficients, confidenceBlend ? p : null);
        return AlphaMask.wrap(w, h, out);
    }

    /** Box-averages the photo over {@code s x s} cells into three planes in [0, 1]. */
    private static float[][] downsampleGuide(RgbRowReader reader, int w, int h, int s, int lw, int lh) {
        int n = lw * lh;
        int[] sumR = new int[n];
        int[] sumG = new int[n];
        int[] sumB = new int[n];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.read(y, row);
            int base = (y / s) * lw;
            for (int lx = 0, x = 0; lx < lw; lx++) {
                int end = Math.min(x + s, w);
                int r = 0;
                int g = 0;
                int b = 0;
                for (; x < end; x++) {
                    int rgb = row[x];
                    r += (rgb >> 16) & 0xFF;
                    g += (rgb >> 8) & 0xFF;
                    b += rgb & 0xFF;
                }
                sumR[base + lx] += r;
                sumG[base + lx] += g;
                sumB[base + lx] += b;
            }
        }
        float[] ir = new float[n];
        float[] ig = new float[n];
        float[] ib = new float[n];
        for (int ly = 0; ly < lh; ly++) {
            int cellH = Math.min(s, h - ly * s);
            for (int lx = 0; lx < lw; lx++) {
                int cellW = Math.min(s, w - lx * s);
                float scale = 1f / (255f * cellW * cellH);
                int i = ly * lw + lx;
                ir[i] = sumR[i] * scale;
                ig[i] = sumG[i] * scale;
                ib[i] = sumB[i] * scale;
            }
        }
        return new float[][] {ir, ig, ib};
    }

    /** The window-averaged coefficients {@code (a_r, a_g, a_b, b)} on the coarse grid. */
    private float[][] fitCoefficients(float[] ir, float[] ig, float[] ib, float[] p, int w, int h, int r) {
        int n = w * h;
        float[] meanR = BoxFilter.mean(ir, w, h, r);
        float[] meanG = BoxFilter.mean(ig, w, h, r);
        float[] meanB = BoxFilter.mean(ib, w, h, r);
        float[] meanP = BoxFilter.mean(p, w, h, r);
        float[] meanRP = BoxFilter.mean(product(ir, p), w, h, r);
        float[] meanGP = BoxFilter.mean(product(ig, p), w, h, r);
        float[] meanBP = BoxFilter.mean(product(ib, p), w, h, r);
        float[] meanRR = BoxFilter.mean(product(ir, ir), w, h, r);
        float[] meanRG = BoxFilter.mean(product(ir, ig), w, h, r);
        float[] meanRB = BoxFilter.mean(product(ir, ib), w, h, r);
        float[] meanGG = BoxFilter.mean(product(ig, ig), w, h, r);
        float[] meanGB = BoxFilter.mean(product(ig, ib), w, h, r);
        float[] meanBB = BoxFilter.mean(product(ib, ib), w, h, r);

        float[] ar = new float[n];
        float[] ag = new float[n];
        float[] ab = new float[n];
        float[] b = new float[n];
        double eps = epsilon;
        for (int i = 0; i < n; i++) {
            double mr = meanR[i];
            double mg = meanG[i];
            double mb = meanB[i];
            double mp = meanP[i];
            double covR = meanRP[i] - mr * mp;
            double covG = meanGP[i] - mg * mp;
            double covB = meanBP[i] - mb * mp;
            double srr = meanRR[i] - mr * mr + eps;
            double srg = meanRG[i] - mr * mg;
            double srb = meanRB[i] - mr * mb;
            double sgg = meanGG[i] - mg * mg + eps;
            double sgb = meanGB[i] - mg * mb;
            double sbb = meanBB[i] - mb * mb + eps;
            // Inverse of the symmetric covariance by cofactors; it is positive definite thanks to eps.
            double c00 = sgg * sbb - sgb * sgb;
            double c01 = srb * sgb - srg * sbb;
            double c02 = srg * sgb - srb * sgg;
            double c11 = srr * sbb - srb * srb;
            double c12 = srg * srb - srr * sgb;
            double c22 = srr * sgg - srg * srg;
            double invDet = 1.0 / (srr * c00 + srg * c01 + srb * c02);
            double a0 = (c00 * covR + c01 * covG + c02 * covB) * invDet;
            double a1 = (c01 * covR + c11 * covG + c12 * covB) * invDet;
            double a2 = (c02 * covR + c12 * covG + c22 * covB) * invDet;
            ar[i] = (float) a0;
            ag[i] = (float) a1;
            ab[i] = (float) a2;
            b[i] = (float) (mp - a0 * mr - a1 * mg - a2 * mb);
        }
        return new float[][] {
            BoxFilter.mean(ar, w, h, r), BoxFilter.mean(ag, w, h, r),
            BoxFilter.mean(ab, w, h, r), BoxFilter.mean(b, w, h, r)};
    }

    /**
     * {@code q = a . I + b} with {@code a, b} interpolated bilinearly from the coarse grid, blended
     * with the coarse input {@code p} (interpolated the same way) when it is given.
     */
    private static float[] applyAtFullResolution(RgbRowReader reader, int w, int h, int s, int lw, int lh,
            float[][] coefficients, float[] p) {
        float[] ar = coefficients[0];
        float[] ag = coefficients[1];
        float[] ab = coefficients[2];
        float[] bb = coefficients[3];
        int[] x0 = new int[w];
        int[] x1 = new int[w];
        float[] fx = new float[w];
        for (int x = 0; x < w; x++) {
            float u = (x + 0.5f) / s - 0.5f;
            int i = (int) Math.floor(u);
            float f = u - i;
            if (i < 0) {
                i = 0;
                f = 0f;
            } else if (i >= lw - 1) {
                i = lw - 1;
                f = 0f;
            }
            x0[x] = i;
            x1[x] = Math.min(i + 1, lw - 1);
            fx[x] = f;
        }
        float[] rowR = new float[lw];
        float[] rowG = new float[lw];
        float[] rowB = new float[lw];
        float[] rowC = new float[lw];
        float[] rowP = p == null ? null : new float[lw];
        int[] rgbRow = new int[w];
        float[] out = new float[w * h];
        final float inv255 = 1f / 255f;
        for (int y = 0; y < h; y++) {
            float v = (y + 0.5f) / s - 0.5f;
            int j = (int) Math.floor(v);
            float fy = v - j;
            if (j < 0) {
                j = 0;
                fy = 0f;
            } else if (j >= lh - 1) {
                j = lh - 1;
                fy = 0f;
            }
            int top = j * lw;
            int bottom = Math.min(j + 1, lh - 1) * lw;
            lerpRows(ar, top, bottom, fy, rowR, lw);
            lerpRows(ag, top, bottom, fy, rowG, lw);
            lerpRows(ab, top, bottom, fy, rowB, lw);
            lerpRows(bb, top, bottom, fy, rowC, lw);
            if (p != null) {
                lerpRows(p, top, bottom, fy, rowP, lw);
            }
            reader.read(y, rgbRow);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                int i0 = x0[x];
                int i1 = x1[x];
                float f = fx[x];
                float pu = 0f;
                float weight = 1f;
                if (rowP != null) {
                    pu = rowP[i0] + f * (rowP[i1] - rowP[i0]);
                    weight = 4f * pu * (1f - pu);
                    if (weight < SURE) {
                        // Where the input is this sure the filter could move the value by less than
                        // half an 8-bit step: skip it, which is most of the photo.
                        out[o + x] = pu;
                        continue;
                    }
                }
                float cr = rowR[i0] + f * (rowR[i1] - rowR[i0]);
                float cg = rowG[i0] + f * (rowG[i1] - rowG[i0]);
                float cb = rowB[i0] + f * (rowB[i1] - rowB[i0]);
                float c = rowC[i0] + f * (rowC[i1] - rowC[i0]);
                int rgb = rgbRow[x];
                float q = (cr * ((rgb >> 16) & 0xFF) + cg * ((rgb >> 8) & 0xFF) + cb * (rgb & 0xFF)) * inv255 + c;
                q = Math.max(0f, Math.min(1f, q));
                if (rowP != null) {
                    q = weight * q + (1f - weight) * pu;
                }
                out[o + x] = q;
            }
        }
        return out;
    }

    private static void lerpRows(float[] plane, int top, int bottom, float f, float[] out, int n) {
        for (int i = 0; i < n; i++) {
            float a = plane[top + i];
            out[i] = a + f * (plane[bottom + i] - a);
        }
    }

    private static float[] product(float[] a, float[] b) {
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    @Override
    public String toString() {
        return "FastGuidedFilter[radius=" + radius + ", epsilon=" + epsilon + ", subsample=" + subsample
                + ", confidenceBlend=" + confidenceBlend + "]";
    }
}
