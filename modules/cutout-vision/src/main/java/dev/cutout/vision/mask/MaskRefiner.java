package dev.cutout.vision.mask;

import java.awt.image.BufferedImage;

/**
 * Turns a model's mask (at the model's resolution) into a full-resolution mask whose edges follow
 * the photo: guided-filter upsampling, then optional thresholding, small-component removal and hole
 * filling, as {@link RefineOptions} say. Thread-safe and stateless apart from its options.
 *
 * <p>Clean-up runs twice when enabled: first on the small input mask, which is cheap and keeps the
 * filter from spreading specks, then on the full-resolution result, because the filter may split
 * off or open small regions along strong photo edges.
 */
public final class MaskRefiner {

    private final RefineOptions options;

    public MaskRefiner(RefineOptions options) {
        this.options = options;
    }

    /** A refiner with {@link RefineOptions#defaults()}. */
    public static MaskRefiner withDefaults() {
        return new MaskRefiner(RefineOptions.defaults());
    }

    public RefineOptions options() {
        return options;
    }

    /** Refines {@code mask} (any resolution, covering the whole photo) to {@code photo}'s resolution. */
    public AlphaMask refine(AlphaMask mask, BufferedImage photo) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        AlphaMask input = mask.width() == w && mask.height() == h ? mask : cleanUp(mask);
        int radius = options.radiusFor(mask.width(), mask.height(), w, h);
        AlphaMask full = radius > 0
                ? new FastGuidedFilter(radius, options.epsilon(), options.subsample(), options.confidenceBlend())
                        .apply(photo, input)
                : input.resize(w, h);
        return finish(full);
    }

    /** The steps after upsampling, for a mask already at the photo's resolution: threshold and clean-up as configured. */
    public AlphaMask finish(AlphaMask full) {
        AlphaMask out = options.mode() == AlphaMode.HARD ? full.binarize(options.threshold()) : full;
        return cleanUp(out);
    }

    /** Component removal and hole filling as configured, at the mask's own resolution. */
    public AlphaMask cleanUp(AlphaMask mask) {
        AlphaMask out = mask;
        if (options.minComponentShare() > 0) {
            out = ComponentFilter.removeSmall(out, options.threshold(), options.minComponentShare());
        }
        if (options.fillHoles()) {
            out = HoleFiller.fill(out, options.threshold(), Math.round(options.maxHoleShare() * out.pixelCount()));
        }
        return out;
    }
}
