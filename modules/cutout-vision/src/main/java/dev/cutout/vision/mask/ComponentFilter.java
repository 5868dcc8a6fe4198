package dev.cutout.vision.mask;

/**
 * Keeps the main subject: removes connected foreground components whose area is below a share of
 * the largest one.
 *
 * <p>Components are the 8-connected regions at or above the threshold (the cores). On a soft mask
 * the semi-transparent fringe around a core belongs to it too: each fringe pixel goes to the core
 * that reaches it first through fringe pixels, so removing a speck also removes its halo, while the
 * main subject keeps its soft edge. Fringe that reaches no core at all (a faint smudge) is removed.
 */
public final class ComponentFilter {

    /** Values below this are invisible once written as 8 bits; they are left as they are. */
    static final float VISIBLE = 0.5f / 255f;

    private ComponentFilter() {
    }

    /**
     * Removes components smaller than {@code minShare} of the largest component's area.
     *
     * @param threshold the value at which a pixel counts as foreground
     * @param minShare  in [0, 1]; 0 keeps everything, 1 keeps only the largest (and any of equal size)
     */
    public static AlphaMask removeSmall(AlphaMask mask, float threshold, double minShare) {
        if (minShare < 0 || minShare > 1) {
            throw new IllegalArgumentException("minShare must be in [0, 1]: " + minShare);
        }
        if (minShare == 0) {
            return mask;
        }
        int w = mask.width();
        int h = mask.height();
        float[] v = mask.data();
        ComponentLabels cores = ComponentLabels.of(v, w, h, threshold, true, true);
        if (cores.count == 0) {
            return mask;
        }
        double minArea = minShare * cores.largestArea();
        boolean[] keep = new boolean[cores.count + 1];
        for (int l = 1; l <= cores.count; l++) {
            keep[l] = cores.areas[l] >= minArea;
        }
        int[] owner = cores.labels;
        claimFringe(v, w, h, owner);
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= VISIBLE && !keep[owner[i]]) {
                out[i] = 0f;
            }
        }
        return AlphaMask.wrap(w, h, out);
    }

    /** Breadth-first from every core's rim through visible fringe pixels; the first core to arrive owns it. */
    private static void claimFringe(float[] v, int w, int h, int[] owner) {
        int[] queue = new int[v.length];
        int tail = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (owner[i] != 0 && hasUnclaimedNeighbour(v, w, h, owner, x, y)) {
                    queue[tail++] = i;
                }
            }
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int y = i / w;
            int x = i - y * w;
            int label = owner[i];
            for (int dy = -1; dy <= 1; dy++) {
                int ny = y + dy;
                if (ny < 0 || ny >= h) {
                    continue;
                }
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    if (nx < 0 || nx >= w) {
                        continue;
                    }
                    int j = ny * w + nx;
                    if (owner[j] == 0 && v[j] >= VISIBLE) {
                        owner[j] = label;
                        queue[tail++] = j;
                    }
                }
            }
        }
    }

    private static boolean hasUnclaimedNeighbour(float[] v, int w, int h, int[] owner, int x, int y) {
        for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
            for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                int j = ny * w + nx;
                if (owner[j] == 0 && v[j] >= VISIBLE) {
                    return true;
                }
            }
        }
        return false;
    }
}
