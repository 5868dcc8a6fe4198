package dev.cutout.vision.verify;

import java.util.List;

/**
 * Standardises the raw feature vector with the training set's means and spreads, clipped to
 * {@value #CLIP} standard deviations so that an odd mask (hundreds of fragments) cannot dominate the
 * network's input.
 */
public record FeatureScaler(double[] means, double[] scales) {

    static final double CLIP = 5;
    private static final double MIN_SCALE = 1e-6;

    public FeatureScaler {
        if (means.length != scales.length) {
            throw new IllegalArgumentException(means.length + " means but " + scales.length + " scales");
        }
    }

    /** Means and standard deviations of each feature over {@code rows}. */
    public static FeatureScaler fit(List<float[]> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no rows to fit a scaler on");
        }
        int n = rows.get(0).length;
        double[] means = new double[n];
        double[] scales = new double[n];
        for (float[] row : rows) {
            for (int i = 0; i < n; i++) {
                means[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            means[i] /= rows.size();
        }
        for (float[] row : rows) {
            for (int i = 0; i < n; i++) {
                double d = row[i] - means[i];
                scales[i] += d * d;
            }
        }
        for (int i = 0; i < n; i++) {
            scales[i] = Math.max(MIN_SCALE, Math.sqrt(scales[i] / rows.size()));
        }
        return new FeatureScaler(means, scales);
    }

    public float[] apply(float[] raw) {
        if (raw.length != means.length) {
            throw new IllegalArgumentException("expected " + means.length + " features, got " + raw.length);
        }
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            double z = (raw[i] - means[i]) / scales[i];
            out[i] = (float) Math.max(-CLIP, Math.min(CLIP, z));
        }
        return out;
    }
}
