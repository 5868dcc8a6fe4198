package dev.cutout.vision.mask;

import java.util.Arrays;

/**
 * Connected components of the pixels on one side of a threshold, labelled in two raster passes
 * with union-find (sequential memory access, no per-pixel objects).
 */
final class ComponentLabels {

    /** Per pixel: 0 outside the set, else the component's label in {@code 1..count}. */
    final int[] labels;
    final int count;
    /** Per label (index 0 unused): the number of pixels. */
    final int[] areas;
    /** Per label (index 0 unused): whether the component reaches the image border. */
    final boolean[] touchesBorder;

    private ComponentLabels(int[] labels, int count, int[] areas, boolean[] touchesBorder) {
        this.labels = labels;
        this.count = count;
        this.areas = areas;
        this.touchesBorder = touchesBorder;
    }

    /**
     * Labels the pixels with {@code v >= threshold} when {@code foreground}, else those with
     * {@code v < threshold}; 8-connected when {@code eightConnected}, else 4-connected.
     */
    static ComponentLabels of(float[] v, int w, int h, float threshold, boolean foreground, boolean eightConnected) {
        int[] labels = new int[w * h];
        int[] parent = new int[256];
        int next = 1;
        for (int y = 0; y < h; y++) {
            int rowStart = y * w;
            for (int x = 0; x < w; x++) {
                int i = rowStart + x;
                if ((v[i] >= threshold) != foreground) {
                    continue;
                }
                int label = 0;
                if (x > 0) {
                    label = labels[i - 1];
                }
                if (y > 0) {
                    label = merge(parent, label, labels[i - w]);
                    if (eightConnected) {
                        if (x > 0) {
                            label = merge(parent, label, labels[i - w - 1]);
                        }
                        if (x < w - 1) {
                            label = merge(parent, label, labels[i - w + 1]);
                        }
                    }
                }
                if (label == 0) {
                    if (next == parent.length) {
                        parent = Arrays.copyOf(parent, parent.length * 2);
                    }
                    parent[next] = next;
                    label = next++;
                }
                labels[i] = label;
            }
        }

        int[] compact = new int[next];
        int count = 0;
        for (int k = 1; k < next; k++) {
            int root = find(parent, k);
            // Unions keep the smaller label as root, so a root is numbered before its members.
            if (compact[root] == 0) {
                compact[root] = ++count;
            }
            compact[k] = compact[root];
        }
        int[] areas = new int[count + 1];
        for (int i = 0; i < labels.length; i++) {
            int l = compact[labels[i]];
            labels[i] = l;
            areas[l]++;
        }
        areas[0] = 0;
        boolean[] border = new boolean[count + 1];
        for (int x = 0; x < w; x++) {
            border[labels[x]] = true;
            border[labels[(h - 1) * w + x]] = true;
        }
        for (int y = 0; y < h; y++) {
            border[labels[y * w]] = true;
            border[labels[y * w + w - 1]] = true;
        }
        border[0] = false;
        return new ComponentLabels(labels, count, areas, border);
    }

    /** The largest component's area, 0 when there is none. */
    int largestArea() {
        int max = 0;
        for (int l = 1; l <= count; l++) {
            max = Math.max(max, areas[l]);
        }
        return max;
    }

    private static int merge(int[] parent, int label, int neighbour) {
        if (neighbour == 0) {
            return label;
        }
        if (label == 0) {
            return neighbour;
        }
        int a = find(parent, label);
        int b = find(parent, neighbour);
        if (a == b) {
            return a;
        }
        if (a < b) {
            parent[b] = a;
            return a;
        }
        parent[a] = b;
        return b;
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }
}
