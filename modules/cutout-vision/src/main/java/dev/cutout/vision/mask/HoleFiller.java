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
        return fill(mask, threshold, Integer.MAX_VALUE);
    }

    /** Fills the holes of at most {@code maxHoleArea} pixels; larger ones are left open. */
    public static AlphaMask fill(AlphaMask mask, float threshold, int maxHoleArea) {
        int w = mask.width();
        int h = mask.height();
        float[] v = mask.data();
        ComponentLabels background = ComponentLabels.of(v, w, h, threshold, false, false);
        boolean[] fill = new boolean[background.count + 1];
        boolean any = false;
        for (int l = 1; l <= background.count; l++) {
            fill[l] = !background.touchesBorder[l] && background.areas[l] <= maxHoleArea;
            any |= fill[l];
        }
        if (!any) {
            return mask;
        }
        float[] out = v.clone();
        int[] labels = background.labels;
        for (int i = 0; i < out.length; i++) {
            if (fill[labels[i]]) {
                out[i] = 1f;
            }
        }
        return AlphaMask.wrap(w, h, out);
    }
}
