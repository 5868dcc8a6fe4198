package dev.cutout.vision.quality;

import java.util.ArrayList;
import java.util.List;

/** Connected regions of a binary image: their sizes and whether they reach the frame. */
final class Regions {

    /** One connected region. */
    record Region(int size, boolean touchesFrame) {
    }

    private Regions() {
    }

    /**
     * The connected regions of the pixels where {@code inside[i] == wanted}.
     *
     * @param eightConnected whether diagonal neighbours connect (foreground) or only the four direct
     *                       ones (background, so that a diagonal gap does not open a hole to the outside)
     */
    static List<Region> of(boolean[] inside, boolean wanted, int width, int height, boolean eightConnected) {
        boolean[] seen = new boolean[inside.length];
        int[] stack = new int[Math.max(16, inside.length)];
        List<Region> regions = new ArrayList<>();
        for (int start = 0; start < inside.length; start++) {
            if (seen[start] || inside[start] != wanted) {
                continue;
            }
            int size = 0;
            boolean touches = false;
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            while (top > 0) {
                int i = stack[--top];
                size++;
                int x = i % width;
                int y = i / width;
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    touches = true;
                }
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx == 0 && dy == 0) || (!eightConnected && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx < 0 || ny < 0 || nx >= width || ny >= height) {
                            continue;
                        }
                        int n = ny * width + nx;
                        if (!seen[n] && inside[n] == wanted) {
                            seen[n] = true;
                            stack[top++] = n;
                        }
                    }
                }
            }
            regions.add(new Region(size, touches));
        }
        return regions;
    }
}
