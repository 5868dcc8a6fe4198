package dev.cutout.vision.data;

import java.util.Random;

/**
 * Generates the backgrounds a product studio shoots on: a plain sweep, a gradient, and either
 * with a soft contact shadow under the product. Light backgrounds are favoured because they
 * are the studio norm and the hard case for light products.
 */
public final class StudioBackgrounds {

    private StudioBackgrounds() {}

    /** Kinds of generated background. */
    public enum Kind { PLAIN, GRADIENT, SHADOWED }

    /**
     * Planar RGB in [0,1], {@code 3 x size x size}.
     *
     * @param subjectBottom the subject's lowest row (0..size-1), where a shadow falls
     * @param light whether to choose a near-white background
     */
    public static float[] generate(Random random, int size, Kind kind, boolean light, int subjectBottom,
            int subjectLeft, int subjectRight) {
        float[] top = colour(random, light);
        float[] bottom = kind == Kind.PLAIN ? top : shade(top, 0.75f + 0.2f * random.nextFloat());
        int plane = size * size;
        float[] out = new float[3 * plane];
        for (int y = 0; y < size; y++) {
            float t = y / (float) Math.max(1, size - 1);
            for (int c = 0; c < 3; c++) {
                float v = top[c] * (1 - t) + bottom[c] * t;
                for (int x = 0; x < size; x++) {
                    out[c * plane + y * size + x] = v;
                }
            }
        }
        if (kind == Kind.SHADOWED) {
            castShadow(out, size, subjectBottom, subjectLeft, subjectRight, 0.25f + 0.35f * random.nextFloat());
        }
        return out;
    }

    private static float[] colour(Random random, boolean light) {
        if (light) {
            float base = 0.82f + 0.18f * random.nextFloat();
            return new float[] {tint(random, base), tint(random, base), tint(random, base)};
        }
        return new float[] {random.nextFloat(), random.nextFloat(), random.nextFloat()};
    }

    private static float tint(Random random, float base) {
        return Math.min(1f, base + 0.04f * (random.nextFloat() - 0.5f));
    }

    private static float[] shade(float[] c, float factor) {
        return new float[] {c[0] * factor, c[1] * factor, c[2] * factor};
    }

    /** Darkens an elliptical, soft-edged region centred on the subject's base. */
    private static void castShadow(float[] rgb, int size, int bottom, int left, int right, float strength) {
        int plane = size * size;
        double cx = (left + right) / 2.0;
        double rx = Math.max(4, (right - left) * 0.6);
        double ry = Math.max(2, rx * 0.15);
        for (int y = Math.max(0, (int) (bottom - 2 * ry)); y < Math.min(size, (int) (bottom + 2 * ry)); y++) {
            for (int x = Math.max(0, (int) (cx - 2 * rx)); x < Math.min(size, (int) (cx + 2 * rx)); x++) {
                double d = Math.pow((x - cx) / rx, 2) + Math.pow((y - bottom) / ry, 2);
                float dark = (float) (strength * Math.exp(-d));
                for (int c = 0; c < 3; c++) {
                    rgb[c * plane + y * size + x] *= 1 - dark;
                }
            }
        }
    }
}
