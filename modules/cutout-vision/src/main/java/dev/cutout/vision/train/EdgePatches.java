package dev.cutout.vision.train;

import dev.cutout.vision.data.LabelledImage;
import dev.cutout.vision.infer.EdgeRefinerInput;
import dev.cutout.vision.infer.WorkingImage;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.MaskRefiner;
import dev.cutout.vision.model.EdgeRefinerNet;
import java.util.Random;

/**
 * Cuts the edge refiner's training patches from one labelled image and the segmenter's raw mask of
 * it. The raw mask is first shifted by up to a pixel of the segmenter's grid half of the time, since
 * the segmenter has seen these photos and places their edges better than it will on new ones; the
 * guided filter then brings it to the working resolution exactly as at inference. Most patches are
 * centred where the coarse mask is unsure or wrong, the rest anywhere, so the network also learns to
 * leave confident regions alone.
 */
final class EdgePatches {

    /** Share of patches centred on an uncertain or wrong pixel. */
    private static final double EDGE_SHARE = 0.85;
    private static final MaskRefiner COARSE = MaskRefiner.withDefaults();

    private final int size;

    EdgePatches(int size) {
        this.size = size;
    }

    /** A patch: {@code 4 x S x S} input planes and {@code S x S} target alpha in [0, 1]. */
    record Patch(float[] input, float[] target) {}

    /** The coarse mask the refiner starts from, at the image's resolution, optionally jittered. */
    static AlphaMask coarse(LabelledImage image, AlphaMask raw, Random random) {
        AlphaMask start = random == null || random.nextBoolean() ? raw
                : shift(raw, random.nextFloat() * 2 - 1, random.nextFloat() * 2 - 1);
        return COARSE.refine(start, WorkingImage.fromRgb(image.width(), image.height(), image.rgb()).image());
    }

    /** {@code count} patches from one image. */
    Patch[] cut(LabelledImage image, AlphaMask raw, int count, Random random) {
        AlphaMask coarse = coarse(image, raw, random);
        float[] alpha = coarse.values();
        int w = image.width();
        int h = image.height();
        int[] edges = uncertainOrWrong(alpha, image.mask());
        Patch[] patches = new Patch[count];
        for (int k = 0; k < count; k++) {
            int centre = edges.length > 0 && random.nextDouble() < EDGE_SHARE
                    ? edges[random.nextInt(edges.length)] : random.nextInt(w * h);
            int jitter = size / 4;
            int x0 = centre % w - size / 2 + random.nextInt(2 * jitter + 1) - jitter;
            int y0 = centre / w - size / 2 + random.nextInt(2 * jitter + 1) - jitter;
            boolean mirror = random.nextBoolean();
            float[] input = EdgeRefinerInput.crop(image.rgb(), alpha, w, h, x0, y0, size, size, mirror);
            patches[k] = new Patch(input, target(image, x0, y0, mirror));
        }
        return patches;
    }

    private float[] target(LabelledImage image, int x0, int y0, boolean mirror) {
        int w = image.width();
        int h = image.height();
        float[] out = new float[size * size];
        for (int y = 0; y < size; y++) {
            int sy = Math.min(h - 1, Math.max(0, y0 + y));
            for (int x = 0; x < size; x++) {
                int sx = Math.min(w - 1, Math.max(0, x0 + (mirror ? size - 1 - x : x)));
                out[y * size + x] = (image.mask()[sy * w + sx] & 0xFF) / 255f;
            }
        }
        return out;
    }

    /** Indices where the coarse mask is unsure (0.05..0.95) or on the wrong side of 0.5. */
    private static int[] uncertainOrWrong(float[] alpha, byte[] truth) {
        int[] found = new int[alpha.length];
        int n = 0;
        for (int i = 0; i < alpha.length; i++) {
            float a = alpha[i];
            boolean wrong = (a >= 0.5f) != ((truth[i] & 0xFF) >= 128);
            if (wrong || (a > 0.05f && a < 0.95f)) {
                found[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /** The mask moved by {@code (dx, dy)} of its own pixels, bilinear, edges repeated. */
    static AlphaMask shift(AlphaMask mask, float dx, float dy) {
        int w = mask.width();
        int h = mask.height();
        float[] src = mask.values();
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            float sy = Math.min(h - 1, Math.max(0, y - dy));
            int y0 = (int) sy;
            int y1 = Math.min(h - 1, y0 + 1);
            float fy = sy - y0;
            for (int x = 0; x < w; x++) {
                float sx = Math.min(w - 1, Math.max(0, x - dx));
                int x0 = (int) sx;
                int x1 = Math.min(w - 1, x0 + 1);
                float fx = sx - x0;
                float top = src[y0 * w + x0] * (1 - fx) + src[y0 * w + x1] * fx;
                float bottom = src[y1 * w + x0] * (1 - fx) + src[y1 * w + x1] * fx;
                out[y * w + x] = top * (1 - fy) + bottom * fy;
            }
        }
        return AlphaMask.of(w, h, out);
    }

    static int inputLength(int size) {
        return EdgeRefinerNet.INPUT_CHANNELS * size * size;
    }
}
