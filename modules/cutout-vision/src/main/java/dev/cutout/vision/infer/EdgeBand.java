package dev.cutout.vision.infer;

import dev.cutout.vision.mask.AlphaMask;

/**
 * Where the edge refiner may change a mask: pixels within a few pixels of the coarse mask's outline
 * (its 0.5 crossing), where a segmenter working on a coarse grid misplaces edges. Elsewhere the coarse
 * mask stands, so the refiner cannot leave a faint haze over the background or speckle the product's
 * inside, far from any edge it was trained to move.
 */
final class EdgeBand {

    private EdgeBand() {}

    /** {@code refined} within {@code radius} pixels (chessboard distance) of {@code coarse}'s outline, else {@code coarse}. */
    static AlphaMask keepNearOutline(AlphaMask coarse, AlphaMask refined, int radius) {
        int w = coarse.width();
        int h = coarse.height();
        int[] distance = distanceToOutline(coarse);
        float[] c = coarse.values();
        float[] r = refined.values();
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = distance[i] <= radius ? r[i] : c[i];
        }
        return AlphaMask.of(w, h, out);
    }

    /**
     * Chessboard distance from each pixel to the nearest outline pixel (a pixel whose 4-neighbour lies
     * on the other side of 0.5), by the classic two-pass sweep; {@code Integer.MAX_VALUE / 2} without an outline.
     */
    static int[] distanceToOutline(AlphaMask mask) {
        int w = mask.width();
        int h = mask.height();
        float[] v = mask.values();
        int far = Integer.MAX_VALUE / 2;
        int[] d = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                boolean in = v[i] >= 0.5f;
                boolean outline = (x > 0 && (v[i - 1] >= 0.5f) != in) || (x < w - 1 && (v[i + 1] >= 0.5f) != in)
                        || (y > 0 && (v[i - w] >= 0.5f) != in) || (y < h - 1 && (v[i + w] >= 0.5f) != in);
                d[i] = outline ? 0 : far;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int best = d[i];
                if (x > 0) {
                    best = Math.min(best, d[i - 1] + 1);
                }
                if (y > 0) {
                    best = Math.min(best, d[i - w] + 1);
                    if (x > 0) {
                        best = Math.min(best, d[i - w - 1] + 1);
                    }
                    if (x < w - 1) {
                        best = Math.min(best, d[i - w + 1] + 1);
                    }
                }
                d[i] = best;
            }
        }
        for (int y = h - 1; y >= 0; y--) {
            for (int x = w - 1; x >= 0; x--) {
                int i = y * w + x;
                int best = d[i];
                if (x < w - 1) {
                    best = Math.min(best, d[i + 1] + 1);
                }
                if (y < h - 1) {
                    best = Math.min(best, d[i + w] + 1);
                    if (x < w - 1) {
                        best = Math.min(best, d[i + w + 1] + 1);
                    }
                    if (x > 0) {
                        best = Math.min(best, d[i + w - 1] + 1);
                    }
                }
                d[i] = best;
            }
        }
        return d;
    }
}
