package dev.cutout.vision.verify;

/**
 * The ways real masks fail, as {@link MaskDamager} imitates them to make training pairs for the
 * verification model (a damaged mask and its known IoU with the undamaged one).
 */
public enum MaskDamage {
    /** The whole outline pulled inwards: thin parts lost, the product looks trimmed. */
    ERODED,
    /** The whole outline pushed outwards: a halo of background around the product. */
    DILATED,
    /** Background punched into the product's inside (light patches read as background). */
    HOLES,
    /** A chunk of the product cut away (a sleeve, a wheel, the bottom of a dress). */
    MISSING_PART,
    /** A blob of false foreground touching or near the product (a prop, a reflection, a stain). */
    EXTRA_BLOB,
    /** The studio shadow under the product kept as foreground. */
    SHADOW_KEPT,
    /** Another object segmented instead of the product, partly or fully. */
    WRONG_OBJECT,
    /** A jagged outline. */
    ROUGH_EDGE,
    /** A wide band of uncertain values along the edge instead of a clean transition. */
    SOFT_EDGE
}
