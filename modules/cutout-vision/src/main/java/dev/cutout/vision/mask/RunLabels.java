package dev.cutout.vision.mask;

import java.util.Arrays;

/**
 * Connected components of the pixels on one side of a threshold, found on horizontal runs rather
 * than pixels: each row is cut into runs, runs that touch runs of the previous row are joined with
 * union-find. A photo-sized mask has a few runs per row, so after one scan of the values the work is
 * proportional to the number of runs, not pixels.
 */
final class RunLabels {

    private final int width;
    final int runCount;
    final int[] row;
    final int[] start;
    /** Exclusive. */
    final int[] end;
    /** Per run: its component, {@code 1..count}. */
    final int[] component;
    final int count;
    /** Per component (index 0 unused): the number of pixels. */
    final long[] areas;
    /** Per component (index 0 unused): whether it reaches the image border. */
    final boolean[] touchesBorder;

    private RunLabels(int width, int runCount, int[] row, int[] start, int[] end, int[] component, int count,
            long[] areas, boolean[] touchesBorder) {
        this.width = width;
        this.runCount = runCount;
        this.row = row;
        this.start = start;
        this.end = end;
        this.component = component;
        this.count = count;
        this.areas = areas;
        this.touchesBorder = touchesBorder;
    }

    /**
     * Labels the pixels with {@code v >= threshold} when {@code foreground}, else those with
     * {@code v < threshold}; 8-connected when {@code eightConnected}, else 4-connected.
     */
    static RunLabels of(float[] v, int w, int h, float threshold, boolean foreground, boolean eightConnected) {
        int capacity = 1024;
        int[] rowOf = new int[capacity];
        int[] startOf = new int[capacity];
        int[] endOf = new int[capacity];
        int[] parent = new int[capacity];
        int n = 0;
        int previousFirst = 0;
        int previousEnd = 0;
        // Diagonal contact lets runs that only meet at a corner join under 8-connectivity.
        int reach = eightConnected ? 1 : 0;
        for (int y = 0; y < h; y++) {
            int first = n;
            int base = y * w;
            int x = 0;
            while (x < w) {
                while (x < w && (v[base + x] >= threshold) != foreground) {
                    x++;
                }
                if (x == w) {
                    break;
                }
                int s = x;
                while (x < w && (v[base + x] >= threshold) == foreground) {
                    x++;
                }
                if (n == capacity) {
                    capacity *= 2;
                    rowOf = Arrays.copyOf(rowOf, capacity);
                    startOf = Arrays.copyOf(startOf, capacity);
                    endOf = Arrays.copyOf(endOf, capacity);
                    parent = Arrays.copyOf(parent, capacity);
                }
                rowOf[n] = y;
                startOf[n] = s;
                endOf[n] = x;
                parent[n] = n;
                n++;
            }
            // Both run lists are sorted by start: one sweep finds every overlapping pair.
            int p = previousFirst;
            for (int r = first; r < n; r++) {
                while (p < previousEnd && endOf[p] + reach <= startOf[r]) {
                    p++;
                }
                for (int q = p; q < previousEnd && startOf[q] < endOf[r] + reach; q++) {
                    union(parent, r, q);
                }
            }
            previousFirst = first;
            previousEnd = n;
        }

        int[] component = new int[n];
        int[] idOfRoot = new int[n];
        int count = 0;
        for (int r = 0; r < n; r++) {
            int root = find(parent, r);
            if (idOfRoot[root] == 0) {
                idOfRoot[root] = ++count;
            }
            component[r] = idOfRoot[root];
        }
        long[] areas = new long[count + 1];
        boolean[] border = new boolean[count + 1];
        for (int r = 0; r < n; r++) {
            int c = component[r];
            areas[c] += endOf[r] - startOf[r];
            if (rowOf[r] == 0 || rowOf[r] == h - 1 || startOf[r] == 0 || endOf[r] == w) {
                border[c] = true;
            }
        }
        return new RunLabels(w, n, rowOf, startOf, endOf, component, count, areas, border);
    }

    /** The largest component's area, 0 when there is none. */
    long largestArea() {
        long max = 0;
        for (int c = 1; c <= count; c++) {
            max = Math.max(max, areas[c]);
        }
        return max;
    }

    /** Sets {@code value} on every pixel of the components marked in {@code selected}. */
    void fill(float[] target, boolean[] selected, float value) {
        for (int r = 0; r < runCount; r++) {
            if (selected[component[r]]) {
                int base = row[r] * width;
                Arrays.fill(target, base + start[r], base + end[r], value);
            }
        }
    }

    /** Per pixel: its component, 0 outside every component. */
    int[] pixelLabels(int pixelCount) {
        int[] labels = new int[pixelCount];
        for (int r = 0; r < runCount; r++) {
            int base = row[r] * width;
            Arrays.fill(labels, base + start[r], base + end[r], component[r]);
        }
        return labels;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            if (ra < rb) {
                parent[rb] = ra;
            } else {
                parent[ra] = rb;
            }
        }
    }

    private static int find(int[] parent, int k) {
        while (parent[k] != k) {
            parent[k] = parent[parent[k]];
            k = parent[k];
        }
        return k;
    }
}
