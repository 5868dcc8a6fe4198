package dev.cutout.vision.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProductClustersTest {

    // Centres in ClusterFeatures units: background, subject, contrast, saturation, log aspect, area,
    // centroid y, background variance.
    private static final double[] LIGHT_ON_LIGHT = {0.95, 0.88, 0.07, 0.05, 0.0, 0.3, 0.5, 0.001};
    private static final double[] DARK_ON_LIGHT = {0.93, 0.15, 0.78, 0.10, 0.3, 0.25, 0.55, 0.001};
    private static final double[] TALL_COLOURFUL = {0.55, 0.45, 0.10, 0.60, -1.0, 0.2, 0.5, 0.08};
    private static final List<double[]> CENTRES = List.of(LIGHT_ON_LIGHT, DARK_ON_LIGHT, TALL_COLOURFUL);

    /** {@code n} rows around each centre, interleaved; noise is small against the gaps between them. */
    private static List<double[]> samples(int n, long seed) {
        Random random = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (double[] centre : CENTRES) {
                double[] row = centre.clone();
                for (int j = 0; j < row.length; j++) {
                    row[j] += 0.01 * random.nextGaussian() * (j == 7 ? 0.1 : 1);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void recoversWellSeparatedClustersAndAssignsNewRowsAlike() {
        List<double[]> rows = samples(40, 1);

        ProductClusters clusters = ProductClusters.fit(rows, 3, 7);

        assertThat(clusters.size()).isEqualTo(3);
        int[] clusterOf = new int[3];
        for (int c = 0; c < 3; c++) {
            clusterOf[c] = clusters.assign(rows.get(c));
        }
        assertThat(Set.of(clusterOf[0], clusterOf[1], clusterOf[2])).hasSize(3);
        for (int i = 0; i < rows.size(); i++) {
            assertThat(clusters.assign(rows.get(i))).as("row %d", i).isEqualTo(clusterOf[i % 3]);
        }
        List<double[]> fresh = samples(20, 99);
        for (int i = 0; i < fresh.size(); i++) {
            assertThat(clusters.assign(fresh.get(i))).isEqualTo(clusterOf[i % 3]);
        }
        // The centroid sits on the centre it was drawn around.
        assertThat(clusters.centroid(clusterOf[1])[ClusterFeatures.SUBJECT_LUMINANCE])
                .isCloseTo(0.15, org.assertj.core.api.Assertions.within(0.01));
    }

    @Test
    void labelsSayWhatTheClusterIs() {
        List<double[]> rows = samples(30, 2);
        ProductClusters clusters = ProductClusters.fit(rows, 3, 11);

        assertThat(clusters.label(clusters.assign(LIGHT_ON_LIGHT))).isEqualTo("light on light");
        assertThat(clusters.label(clusters.assign(DARK_ON_LIGHT)))
                .isEqualTo("dark subject on light background");
        assertThat(clusters.label(clusters.assign(TALL_COLOURFUL)))
                .isEqualTo("mid-tone subject on mid-tone background, tall subject, colourful, busy background");
    }

    @Test
    void lightOnLightNeedsLowContrast() {
        double[] washed = LIGHT_ON_LIGHT.clone();
        assertThat(ProductClusters.describe(ClusterFeatures.NAMES, washed, 0)).isEqualTo("light on light");
        washed[ClusterFeatures.CONTRAST] = 0.2;
        assertThat(ProductClusters.describe(ClusterFeatures.NAMES, washed, 0))
                .isEqualTo("light subject on light background");
        double[] smallDark = {0.1, 0.2, 0.1, 0.0, 0.5, 0.05, 0.5, 0.0};
        assertThat(ProductClusters.describe(ClusterFeatures.NAMES, smallDark, 0))
                .isEqualTo("dark on dark, wide subject, small subject");
        assertThat(ProductClusters.describe(List.of("a", "b"), new double[] {1, 2}, 4)).isEqualTo("cluster 4");
    }

    @Test
    void clustersWithTheSameLabelAreNumbered() {
        // Two groups that differ only in background variance below the "busy" line.
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double[] a = LIGHT_ON_LIGHT.clone();
            double[] b = LIGHT_ON_LIGHT.clone();
            a[ClusterFeatures.BACKGROUND_VARIANCE] = 0.0001 * (i % 2);
            b[ClusterFeatures.BACKGROUND_VARIANCE] = 0.008 + 0.0001 * (i % 2);
            rows.add(a);
            rows.add(b);
        }

        ProductClusters clusters = ProductClusters.fit(rows, 2, 3);

        assertThat(List.of(clusters.label(0), clusters.label(1)))
                .containsExactlyInAnyOrder("light on light", "light on light (2)");
    }

    @Test
    void sameSeedSameClusters() {
        List<double[]> rows = samples(25, 3);

        ProductClusters a = ProductClusters.fit(rows, 3, 5);
        ProductClusters b = ProductClusters.fit(rows, 3, 5);

        for (int c = 0; c < 3; c++) {
            assertThat(b.centroid(c)).containsExactly(a.centroid(c));
            assertThat(b.label(c)).isEqualTo(a.label(c));
        }
    }

    @Test
    void snapshotSurvivesJackson() throws Exception {
        List<double[]> rows = samples(30, 4);
        ProductClusters clusters = ProductClusters.fit(rows, 3, 9);
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(clusters.snapshot());
        ProductClusters back = ProductClusters.of(json.readValue(text, ProductClusters.Snapshot.class));

        assertThat(text).contains("\"featureNames\"", "\"background_luminance\"", "light on light");
        assertThat(back.size()).isEqualTo(3);
        for (int c = 0; c < 3; c++) {
            assertThat(back.label(c)).isEqualTo(clusters.label(c));
            assertThat(back.centroid(c)).containsExactly(clusters.centroid(c));
        }
        for (double[] row : samples(10, 77)) {
            assertThat(back.assign(row)).isEqualTo(clusters.assign(row));
        }
        assertThat(back.snapshot().featureNames()).isEqualTo(ClusterFeatures.NAMES);
    }

    @Test
    void refusesImpossibleRequests() {
        List<double[]> two = List.of(new double[] {1, 2}, new double[] {3, 4});

        assertThatThrownBy(() -> ProductClusters.fit(two, 3, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProductClusters.fit(two, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProductClusters.fit(List.of(new double[] {1, 2}, new double[] {1}), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProductClusters.fit(List.of(new double[] {Double.NaN}), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        ProductClusters clusters = ProductClusters.fit(two, 2, 1);
        assertThatThrownBy(() -> clusters.assign(new double[] {1})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateRowsStillGiveKClusters() {
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            rows.add(new double[] {i < 5 ? 0 : 1});
        }

        ProductClusters clusters = ProductClusters.fit(rows, 2, 1);

        Set<Integer> used = new HashSet<>();
        for (double[] row : rows) {
            used.add(clusters.assign(row));
        }
        assertThat(used).hasSize(2);
    }
}
