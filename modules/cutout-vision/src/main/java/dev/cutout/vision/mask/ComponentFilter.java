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
        RunLabels cores = RunLabels.of(v, w, h, threshold, true, true);
        if (cores.count == 0) {
            return mask;
        }
        double minArea = minShare * cores.largestArea();
        boolean[] drop = new boolean[cores.count + 1];
        boolean anyDropped = false;
        for (int c = 1; c <= cores.count; c++) {
            drop[c] = cores.areas[c] < minArea;
            anyDropped |= drop[c];
        }
        int fringe = countFringe(v, threshold);
        if (fringe == 0) {
            if (!anyDropped) {
                return mask;
            }
            float[] out = v.clone();
            cores.fill(out, drop, 0f);
            return AlphaMask.wrap(w, h, out);
        }
        int[] owner = cores.pixelLabels(v.length);
        claimFringe(v, w, h, owner, fringe);
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= VISIBLE && (owner[i] == 0 || drop[owner[i]])) {
                out[i] = 0f;
            }
        }
        return AlphaMask.wrap(w, h, out);
    }

    /** How many pixels are visible but below the threshold. */
    private static int countFringe(float[] v, float threshold) {
        int n = 0;
        for (float x : v) {
            if (x >= VISIBLE && x < threshold) {
                n++;
            }
        }
        return n;
    }

    /**
     * Breadth-first from the cores through visible fringe pixels; the first core to arrive owns a
     * pixel. The first ring is found by scanning fringe pixels for a core neighbour (far fewer than
     * the core pixels); it is marked negative until the scan ends so it cannot seed itself.
     */
    private static void claimFringe(float[] v, int w, int h, int[] owner, int fringe) {
        int[] queue = new int[fringe];
        int tail = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (owner[i] == 0 && v[i] >= VISIBLE) {
                    int core = coreNeighbour(owner, w, h, x, y);
                    if (core > 0) {
                        owner[i] = -core;
                        queue[tail++] = i;
                    }
                }
            }
        }
        for (int k = 0; k < tail; k++) {
            owner[queue[k]] = -owner[queue[k]];
        }
        for (int head = 0; head < tail; head++) {
            int i = queue[head];
            int y = i / w;
            int x = i - y * w;
            int label = owner[i];
            for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
                for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                    int j = ny * w + nx;
                    if (owner[j] == 0 && v[j] >= VISIBLE) {
                        owner[j] = label;
                        queue[tail++] = j;
                    }
                }
            }
        }
    }

    /** The label of a core among the 8 neighbours, 0 if there is none. */
    private static int coreNeighbour(int[] owner, int w, int h, int x, int y) {
        for (int ny = Math.max(0, y - 1); ny <= Math.min(h - 1, y + 1); ny++) {
            for (int nx = Math.max(0, x - 1); nx <= Math.min(w - 1, x + 1); nx++) {
                int label = owner[ny * w + nx];
                if (label > 0) {
                    return label;
                }
            }
        }
        return 0;
    }
}
