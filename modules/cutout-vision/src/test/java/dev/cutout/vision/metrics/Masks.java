package dev.cutout.vision.metrics;

import dev.cutout.vision.mask.AlphaMask;

/** Small masks written as pictures: '#' is 1, '.' is 0, a digit d is d/10. */
final class Masks {

    private Masks() {
    }

    static AlphaMask of(String... rows) {
        int h = rows.length;
        int w = rows[0].length();
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                char c = rows[y].charAt(x);
                v[y * w + x] = c == '#' ? 1f : c == '.' ? 0f : (c - '0') / 10f;
            }
        }
        return AlphaMask.of(w, h, v);
    }
}
