package dev.cutout.vision.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Product clusters: k-means over standardised features (each feature minus its mean, over its
 * standard deviation, so luminance and area shares weigh alike), seeded by k-means++ from a fixed
 * seed, so the same photos give the same clusters. Each cluster gets a label derived from its
 * centroid in the features' own units ("light on light", "dark subject on light background, tall
 * subject") so that a reviewer reading a threshold table knows which products it is about.
 *
 * <p>Labels are read from the features named as in {@link ClusterFeatures#NAMES}; features of
 * another length are clustered alike but labelled {@code cluster N}. Immutable and thread-safe;
 * {@link #snapshot()} and {@link #of(Snapshot)} persist it (the snapshot is a plain record for
 * Jackson).
 */
public final class ProductClusters {

    /** Restarts of k-means++ and Lloyd's iterations; the lowest within-cluster sum of squares wins. */
    static final int RESTARTS = 8;
    static final int MAX_ITERATIONS = 300;
    /** Luminance at or above which a mean colour counts as light, and at or below which as dark. */
    static final double LIGHT = 0.7;
    static final double DARK = 0.35;
    /** A luminance difference below this is low contrast: the case masks get wrong. */
    static final double LOW_CONTRAST = 0.15;
    /** Background variance (RGB in [0,1]) from which a background reads as busy: a spread of about 0.22. */
    static final double BUSY_BACKGROUND_VARIANCE = 0.05;

    /**
     * Everything needed to rebuild the clusters. Centroids are in standardised units: the feature
     * minus {@code means[i]}, over {@code scales[i]}.
     */
    public record Snapshot(List<String> featureNames, double[] means, double[] scales, List<double[]> centroids,
            List<String> labels) {
    }

    private final List<String> featureNames;
    private final double[] means;
    private final double[] scales;
    private final double[][] centroids;
    private final List<String> labels;

    private ProductClusters(List<String> featureNames, double[] means, double[] scales, double[][] centroids,
            List<String> labels) {
        this.featureNames = List.copyOf(featureNames);
        this.means = means;
        this.scales = scales;
        this.centroids = centroids;
        this.labels = List.copyOf(labels);
    }

    /**
     * Clusters {@code features} (one row per photo, all the same length, finite) into {@code k}
     * clusters.
     *
     * @throws IllegalArgumentException when there are fewer rows than clusters, rows of different
     *                                  lengths, or non-finite values
     */
    public static ProductClusters fit(List<double[]> features, int k, long seed) {
        Objects.requireNonNull(features, "features");
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1: " + k);
        }
        if (features.size() < k) {
            throw new IllegalArgumentException(features.size() + " rows cannot make " + k + " clusters");
        }
        int d = features.get(0).length;
        int n = features.size();
        double[] means = new double[d];
        for (double[] row : features) {
            if (row.length != d) {
                throw new IllegalArgumentException("rows of " + d + " and " + row.length + " features");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("non-finite feature " + j + ": " + row[j]);
                }
                means[j] += row[j] / n;
            }
        }
        double[] scales = new double[d];
        for (double[] row : features) {
            for (int j = 0; j < d; j++) {
                scales[j] += (row[j] - means[j]) * (row[j] - means[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scales[j]);
            scales[j] = sd > 1e-12 ? sd : 1;
        }
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = standardise(features.get(i), means, scales);
        }
        Random random = new Random(seed);
        double[][] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int restart = 0; restart < RESTARTS; restart++) {
            double[][] centroids = lloyd(points, seedCentroids(points, k, random));
            double inertia = 0;
            for (double[] p : points) {
                inertia += squaredDistance(p, centroids[nearest(centroids, p)]);
            }
            if (inertia < bestInertia - 1e-12) {
                bestInertia = inertia;
                best = centroids;
            }
        }
        List<String> names = d == ClusterFeatures.NAMES.size() ? ClusterFeatures.NAMES : genericNames(d);
        List<String> labels = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < k; c++) {
            String label = describe(names, unstandardise(best[c], means, scales), c);
            int count = seen.merge(label, 1, Integer::sum);
            labels.add(count == 1 ? label : label + " (" + count + ")");
        }
        return new ProductClusters(names, means, scales, best, labels);
    }

    /** Rebuilds clusters from a snapshot. */
    public static ProductClusters of(Snapshot s) {
        Objects.requireNonNull(s, "snapshot");
        int d = s.featureNames().size();
        if (s.means().length != d || s.scales().length != d) {
            throw new IllegalArgumentException("means and scales must have " + d + " values");
        }
        if (s.centroids().isEmpty() || s.centroids().size() != s.labels().size()) {
            throw new IllegalArgumentException("need one label per centroid and at least one centroid");
        }
        double[][] centroids = new double[s.centroids().size()][];
        for (int c = 0; c < centroids.length; c++) {
            if (s.centroids().get(c).length != d) {
                throw new IllegalArgumentException("centroid " + c + " does not have " + d + " values");
            }
            centroids[c] = s.centroids().get(c).clone();
        }
        return new ProductClusters(s.featureNames(), s.means().clone(), s.scales().clone(), centroids, s.labels());
    }

    /** A copy of everything needed to rebuild these clusters. */
    public Snapshot snapshot() {
        List<double[]> copies = new ArrayList<>();
        for (double[] c : centroids) {
            copies.add(c.clone());
        }
        return new Snapshot(featureNames, means.clone(), scales.clone(), copies, labels);
    }

    /** The cluster whose centroid is nearest to {@code features} (in standardised units). */
    public int assign(double[] features) {
        if (features.length != means.length) {
            throw new IllegalArgumentException("expected " + means.length + " features, got " + features.length);
        }
        return nearest(centroids, standardise(features, means, scales));
    }

    /** The number of clusters. */
    public int size() {
        return centroids.length;
    }

    /** The human label of cluster {@code cluster}. */
    public String label(int cluster) {
        return labels.get(cluster);
    }

    /** The centroid of {@code cluster} in the features' own units. */
    public double[] centroid(int cluster) {
        return unstandardise(centroids[cluster], means, scales);
    }

    /**
     * A label for a centroid in the features' own units: the tones of subject and background (with
     * "light on light" and "dark on dark" for the low-contrast pairs), then what else stands out:
     * tall or wide, large or small, colourful, a busy background.
     */
    static String describe(List<String> names, double[] centroid, int cluster) {
        if (!names.equals(ClusterFeatures.NAMES)) {
            return "cluster " + cluster;
        }
        double background = centroid[ClusterFeatures.BACKGROUND_LUMINANCE];
        double subject = centroid[ClusterFeatures.SUBJECT_LUMINANCE];
        boolean lowContrast = centroid[ClusterFeatures.CONTRAST] < LOW_CONTRAST;
        StringBuilder label = new StringBuilder();
        if (lowContrast && background >= LIGHT && subject >= LIGHT) {
            label.append("light on light");
        } else if (lowContrast && background <= DARK && subject <= DARK) {
            label.append("dark on dark");
        } else {
            label.append(tone(subject)).append(" subject on ").append(tone(background)).append(" background");
        }
        double logAspect = centroid[ClusterFeatures.LOG_ASPECT];
        if (logAspect <= -0.35) {
            label.append(", tall subject");
        } else if (logAspect >= 0.35) {
            label.append(", wide subject");
        }
        double area = centroid[ClusterFeatures.AREA_SHARE];
        if (area >= 0.45) {
            label.append(", large subject");
        } else if (area <= 0.08) {
            label.append(", small subject");
        }
        if (centroid[ClusterFeatures.SUBJECT_SATURATION] >= 0.35) {
            label.append(", colourful");
        }
        if (centroid[ClusterFeatures.BACKGROUND_VARIANCE] >= BUSY_BACKGROUND_VARIANCE) {
            label.append(", busy background");
        }
        return label.toString();
    }

    private static String tone(double luminance) {
        return luminance >= LIGHT ? "light" : luminance <= DARK ? "dark" : "mid-tone";
    }

    /** k-means++: the first centroid uniformly, each next one with probability by squared distance. */
    private static double[][] seedCentroids(double[][] points, int k, Random random) {
        int n = points.length;
        double[][] centroids = new double[k][];
        centroids[0] = points[random.nextInt(n)].clone();
        double[] nearestSquared = new double[n];
        for (int i = 0; i < n; i++) {
            nearestSquared[i] = squaredDistance(points[i], centroids[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double v : nearestSquared) {
                total += v;
            }
            int pick;
            if (total <= 0) {
                pick = random.nextInt(n);
            } else {
                double u = random.nextDouble() * total;
                pick = n - 1;
                for (int i = 0; i < n; i++) {
                    u -= nearestSquared[i];
                    if (u < 0) {
                        pick = i;
                        break;
                    }
                }
            }
            centroids[c] = points[pick].clone();
            for (int i = 0; i < n; i++) {
                nearestSquared[i] = Math.min(nearestSquared[i], squaredDistance(points[i], centroids[c]));
            }
        }
        return centroids;
    }

    /**
     * Lloyd's iterations until no point changes cluster. A cluster left empty takes the point
     * farthest from its own centroid, so there are always {@code k} clusters.
     */
    private static double[][] lloyd(double[][] points, double[][] centroids) {
        int n = points.length;
        int k = centroids.length;
        int d = centroids[0].length;
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            boolean changed = false;
            for (int i = 0; i < n; i++) {
                int c = nearest(centroids, points[i]);
                if (c != assignment[i]) {
                    assignment[i] = c;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < n; i++) {
                counts[assignment[i]]++;
                for (int j = 0; j < d; j++) {
                    sums[assignment[i]][j] += points[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    int far = 0;
                    double farthest = -1;
                    for (int i = 0; i < n; i++) {
                        double dist = squaredDistance(points[i], centroids[assignment[i]]);
                        if (dist > farthest) {
                            farthest = dist;
                            far = i;
                        }
                    }
                    centroids[c] = points[far].clone();
                    assignment[far] = c;
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    centroids[c][j] = sums[c][j] / counts[c];
                }
            }
        }
        return centroids;
    }

    private static int nearest(double[][] centroids, double[] point) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centroids.length; c++) {
            double dist = squaredDistance(point, centroids[c]);
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }

    private static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    private static double[] standardise(double[] row, double[] means, double[] scales) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = (row[j] - means[j]) / scales[j];
        }
        return out;
    }

    private static double[] unstandardise(double[] row, double[] means, double[] scales) {
        double[] out = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            out[j] = row[j] * scales[j] + means[j];
        }
        return out;
    }

    private static List<String> genericNames(int d) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add("feature" + j);
        }
        return names;
    }
}
