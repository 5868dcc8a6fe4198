package dev.cutout.vision.mask;

/**
 * Fills holes: background regions (4-connected, below the threshold) that do not reach the image
 * border, so are enclosed by the subject. Filled pixels become fully opaque.
 *
 * <p>Some products have real holes (a bag's handle, a chair's back), which is why this is an option
 * and why holes can be limited by size.
 */
public final class HoleFiller {

    private HoleFiller() {
    }

    /** Fills every hole. */
    public static AlphaMask fill(AlphaMask mask, float threshold) {
        return fill(mask, threshold, Long.MAX_VALUE);
    }

    /** Fills the holes of at most {@code maxHoleArea} pixels; larger ones are left open. */
    public static AlphaMask fill(AlphaMask mask, float threshold, long maxHoleArea) {
        int w = mask.width();
        int h = mask.height();
        float[] v = mask.data();
        RunLabels background = RunLabels.of(v, w, h, threshold, false, false);
        boolean[] hole = new boolean[background.count + 1];
        boolean any = false;
        for (int c = 1; c <= background.count; c++) {
            hole[c] = !background.touchesBorder[c] && background.areas[c] <= maxHoleArea;
            any |= hole[c];
        }
        if (!any) {
            return mask;
        }
        float[] out = v.clone();
        background.fill(out, hole, 1f);
        return AlphaMask.wrap(w, h, out);
    }
}
