package dev.cutout.vision.mask;

/**
 * How {@link MaskRefiner} turns a model's low-resolution mask into a full-resolution one.
 *
 * @param radius            guided-filter window radius in full-resolution pixels; {@link #AUTO_RADIUS}
 *                          scales it with the upsampling factor, 0 skips the filter (plain bilinear
 *                          upsampling)
 * @param epsilon           guided-filter regularisation (colours in [0, 1]); smaller follows colour
 *                          edges more closely
 * @param subsample         how much coarser the filter's coefficient grid is than the photo
 * @param confidenceBlend   let the filter decide only where the upsampled mask is unsure (see
 *                          {@link FastGuidedFilter})
 * @param mode              soft alpha or a hard threshold
 * @param threshold         the opacity at which a pixel counts as foreground (hard mode, component
 *                          removal, hole filling)
 * @param minComponentShare remove foreground components smaller than this share of the largest;
 *                          0 keeps all
 * @param fillHoles         fill background regions enclosed by the subject
 * @param maxHoleShare      with {@code fillHoles}, fill only holes up to this share of the image area
 */
public record RefineOptions(int radius, double epsilon, int subsample, boolean confidenceBlend, AlphaMode mode,
        float threshold, double minComponentShare, boolean fillHoles, double maxHoleShare) {

    /** Choose the radius from the upsampling factor: {@code max(2, round(factor))}. */
    public static final int AUTO_RADIUS = -1;

    /** Measured on full-size Carvana photos: 1e-4 to 1e-3 score alike; the smaller keeps more edge detail. */
    public static final double DEFAULT_EPSILON = 1e-4;

    public static final int DEFAULT_SUBSAMPLE = 4;

    public RefineOptions {
        if (radius < AUTO_RADIUS) {
            throw new IllegalArgumentException("radius must be >= 0, or AUTO_RADIUS: " + radius);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("epsilon must be > 0: " + epsilon);
        }
        if (subsample < 1) {
            throw new IllegalArgumentException("subsample must be >= 1: " + subsample);
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
        if (!(minComponentShare >= 0 && minComponentShare <= 1)) {
            throw new IllegalArgumentException("minComponentShare must be in [0, 1]: " + minComponentShare);
        }
        if (!(maxHoleShare >= 0 && maxHoleShare <= 1)) {
            throw new IllegalArgumentException("maxHoleShare must be in [0, 1]: " + maxHoleShare);
        }
    }

    /**
     * Guided filter with automatic radius and confidence blending, soft alpha, threshold 0.5, no
     * component removal or hole filling.
     */
    public static RefineOptions defaults() {
        return new RefineOptions(AUTO_RADIUS, DEFAULT_EPSILON, DEFAULT_SUBSAMPLE, true, AlphaMode.SOFT, 0.5f,
                0, false, 1);
    }

    /**
     * The radius to use for a mask of {@code maskWidth x maskHeight} refined to a photo of
     * {@code photoWidth x photoHeight}: the configured one, or with {@link #AUTO_RADIUS} the
     * upsampling factor, about the width of the band in which an upsampled model edge is uncertain.
     */
    public int radiusFor(int maskWidth, int maskHeight, int photoWidth, int photoHeight) {
        if (radius != AUTO_RADIUS) {
            return radius;
        }
        double factor = Math.max((double) photoWidth / maskWidth, (double) photoHeight / maskHeight);
        return (int) Math.max(2, Math.round(factor));
    }

    public RefineOptions withRadius(int value) {
        return new RefineOptions(value, epsilon, subsample, confidenceBlend, mode, threshold, minComponentShare,
                fillHoles, maxHoleShare);
    }

    public RefineOptions withEpsilon(double value) {
        return new RefineOptions(radius, value, subsample, confidenceBlend, mode, threshold, minComponentShare,
                fillHoles, maxHoleShare);
    }

    public RefineOptions withSubsample(int value) {
        return new RefineOptions(radius, epsilon, value, confidenceBlend, mode, threshold, minComponentShare,
                fillHoles, maxHoleShare);
    }

    public RefineOptions withConfidenceBlend(boolean value) {
        return new RefineOptions(radius, epsilon, subsample, value, mode, threshold, minComponentShare,
                fillHoles, maxHoleShare);
    }

    /** Soft alpha output. */
    public RefineOptions soft() {
        return new RefineOptions(radius, epsilon, subsample, confidenceBlend, AlphaMode.SOFT, threshold,
                minComponentShare, fillHoles, maxHoleShare);
    }

    /** Hard output, thresholded at {@code value}. */
    public RefineOptions hard(float value) {
        return new RefineOptions(radius, epsilon, subsample, confidenceBlend, AlphaMode.HARD, value,
                minComponentShare, fillHoles, maxHoleShare);
    }

    public RefineOptions withThreshold(float value) {
        return new RefineOptions(radius, epsilon, subsample, confidenceBlend, mode, value, minComponentShare,
                fillHoles, maxHoleShare);
    }

    /** Keep only components of at least {@code share} of the largest one's area. */
    public RefineOptions keepComponentsAbove(double share) {
        return new RefineOptions(radius, epsilon, subsample, confidenceBlend, mode, threshold, share,
                fillHoles, maxHoleShare);
    }

    /** Fill every enclosed hole. */
    public RefineOptions fillingHoles() {
        return fillingHolesUpTo(1);
    }

    /** Fill enclosed holes of at most {@code share} of the image area. */
    public RefineOptions fillingHolesUpTo(double share) {
        return new RefineOptions(radius, epsilon, subsample, confidenceBlend, mode, threshold, minComponentShare,
                true, share);
    }
}
