package dev.cutout.common.store;

import java.util.List;

/** The buckets of the flow: every object the pipeline writes lives in one of them. */
public final class Buckets {

    /** Original studio photos, as ingested. */
    public static final String PHOTOS = "photos";
    /** Masks inferred by the segmenter or corrected by reviewers (8-bit grayscale PNG). */
    public static final String MASKS = "masks";
    /** Final rendered cutouts, one per output profile. */
    public static final String CUTOUTS = "cutouts";
    /** Training samples (image and mask pairs) kept for retraining. */
    public static final String DATASETS = "datasets";
    /** Model weights and their model cards. */
    public static final String MODELS = "models";

    /** Every bucket above, in the order of the flow. */
    public static final List<String> ALL = List.of(PHOTOS, MASKS, CUTOUTS, DATASETS, MODELS);

    private Buckets() {
    }
}
