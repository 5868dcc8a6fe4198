package dev.cutout.vision.mask;

/** Whether a refined mask keeps soft, partial opacity at the edges or is thresholded to 0 and 1. */
public enum AlphaMode {
    /** Opacity in [0, 1]: smooth edges, the right choice for compositing. */
    SOFT,
    /** Opacity 0 or 1 only, thresholded: what pixel-exact metrics and some shops want. */
    HARD
}
