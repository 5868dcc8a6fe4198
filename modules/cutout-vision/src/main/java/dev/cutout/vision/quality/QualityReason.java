package dev.cutout.vision.quality;

/**
 * Why a mask is doubtful. The names match the symbols of {@code schemas/QualityReason.avsc}, so a
 * service maps them by name onto the event enum.
 */
public enum QualityReason {
    /** The predicted quality is low without one dominant cause. */
    LOW_PREDICTED_IOU,
    /** Many pixels are neither clearly foreground nor background around the outline. */
    WIDE_CONFIDENCE_BAND,
    /** The foreground falls apart into several sizeable pieces. */
    FRAGMENTED_MASK,
    /** The foreground has enclosed background regions. */
    HOLES,
    /** The foreground runs into the image border: a cropped product or kept background. */
    TOUCHES_BORDER,
    /** Almost nothing was segmented. */
    EMPTY_MASK,
    /** Almost everything was segmented. */
    FULL_FRAME_MASK,
    /** The mask's outline does not follow edges in the photo. */
    LOW_CONTRAST,
    /** The photo fits no known product cluster. */
    UNKNOWN_CLUSTER,
    /** Part of the product is missing from the mask. */
    MISSING_PART,
    /** The mask keeps background: an extra blob, the studio's shadow, a neighbouring object. */
    EXTRA_REGION,
    /** The outline is jagged or blurred instead of following the product's edge. */
    ROUGH_EDGE,
    /** The mask cuts out something other than the product. */
    WRONG_OBJECT,
    OTHER
}
