package dev.cutout.vision.mask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunLabelsTest {

    @ParameterizedTest
    @CsvSource({"true,true", "true,false", "false,true", "false,false"})
    void agreesWithAFloodFillOnRandomMasks(boolean foreground, boolean eightConnected) {
        Random random = new Random(11);
        for (int trial = 0; trial < 20; trial++) {
            int w = 5 + random.nextInt(30);
            int h = 5 + random.nextInt(20);
            float[] v = new float[w * h];
            for (int i = 0; i < v.length; i++) {
                v[i] = random.nextFloat() < 0.45 ? 1f : 0f;
            }

            RunLabels runs = RunLabels.of(v, w, h, 0.5f, foreground, eightConnected);
            int[] labels = runs.pixelLabels(v.length);
            int[] flood = floodFill(v, w, h, foreground, eightConnected);

            // Same partition: labels correspond one to one.
            int[] map = new int[w * h + 1];
            int[] back = new int[w * h + 1];
            for (int i = 0; i < v.length; i++) {
                assertThat(labels[i] == 0).isEqualTo(flood[i] == 0);
                if (labels[i] != 0) {
                    if (map[labels[i]] == 0) {
                        map[labels[i]] = flood[i];
                    }
                    if (back[flood[i]] == 0) {
                        back[flood[i]] = labels[i];
                    }
                    assertThat(map[labels[i]]).isEqualTo(flood[i]);
                    assertThat(back[flood[i]]).isEqualTo(labels[i]);
                }
            }
            long total = 0;
            for (int c = 1; c <= runs.count; c++) {
                total += runs.areas[c];
            }
            long set = 0;
            for (int label : labels) {
                set += label != 0 ? 1 : 0;
            }
            assertThat(total).isEqualTo(set);
            boolean[] onBorder = new boolean[runs.count + 1];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
                        onBorder[labels[y * w + x]] = true;
                    }
                }
            }
            for (int c = 1; c <= runs.count; c++) {
                assertThat(runs.touchesBorder[c]).as("component %d", c).isEqualTo(onBorder[c]);
            }
        }
    }

    private static int[] floodFill(float[] v, int w, int h, boolean foreground, boolean eight) {
        int[] labels = new int[w * h];
        int next = 0;
        for (int start = 0; start < v.length; start++) {
            if (labels[start] != 0 || (v[start] >= 0.5f) != foreground) {
                continue;
            }
            next++;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(start);
            labels[start] = next;
            while (!queue.isEmpty()) {
                int i = queue.poll();
                int x = i % w;
                int y = i / w;
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        if ((dx == 0 && dy == 0) || (!eight && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int nx = x + dx;
                        int ny = y + dy;
                        int j = ny * w + nx;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h && labels[j] == 0
                                && (v[j] >= 0.5f) == foreground) {
                            labels[j] = next;
                            queue.add(j);
                        }
                    }
                }
            }
        }
        return labels;
    }
}
