package dev.cutout.vision.quality;

import java.util.List;
import java.util.Set;

/**
 * Cheap measurements of a soft mask and its photo, the evidence a quality verdict rests on. Pixels
 * with alpha {@code >= 0.5} count as foreground. {@link #features()} gives them as a fixed-order
 * vector, for a learned model to use as inputs next to the image.
 *
 * @param width              mask width in pixels
 * @param height             mask height in pixels
 * @param areaShare          foreground pixels / all pixels
 * @param uncertainShare     pixels with alpha in (0.1, 0.9) / all pixels
 * @param uncertainBandWidth uncertain pixels / outline pixels: the mean width of the soft band around
 *                           the subject, in pixels (1 to 2 for a crisp anti-aliased edge)
 * @param perimeter          outline pixels: foreground pixels with a background 4-neighbour
 * @param components         sizeable foreground pieces (8-connected); 1 for a single subject
 * @param fragmentShare      share of the sizeable foreground outside the largest piece
 * @param holes              sizeable background regions enclosed by the foreground (4-connected)
 * @param holeShare          hole area / (foreground area + hole area)
 * @param borderContact      share of the frame's pixels that are foreground
 * @param borderSides        the sides of the frame the foreground touches along at least 1% of them
 * @param edgeAgreement      b / (b + o) where b is the mean image gradient magnitude along the outline
 *                           and o the mean away from it: near 1 when the outline follows edges in the
 *                           photo, 0.5 when it is no different from anywhere else
 */
public record MaskEvidence(
        int width,
        int height,
        double areaShare,
        double uncertainShare,
        double uncertainBandWidth,
        int perimeter,
        int components,
        double fragmentShare,
        int holes,
        double holeShare,
        double borderContact,
        Set<BorderSide> borderSides,
        double edgeAgreement) {

    /** Names of the values of {@link #features()}, in order. */
    public static final List<String> FEATURE_NAMES = List.of(
            "area_share", "uncertain_share", "uncertain_band_width_rel", "components", "fragment_share", "holes",
            "hole_share", "border_contact", "border_sides", "edge_agreement");

    public MaskEvidence {
        borderSides = Set.copyOf(borderSides);
    }

    /** The shorter side of the mask, the scale that pixel measures are compared with. */
    public int shortSide() {
        return Math.min(width, height);
    }

    /**
     * The evidence as model inputs, in the order of {@link #FEATURE_NAMES}; sizes in pixels are made
     * relative to the short side so that they do not depend on the photo's resolution.
     */
    public double[] features() {
        return new double[] {
            areaShare,
            uncertainShare,
            uncertainBandWidth / Math.max(1, shortSide()),
            components,
            fragmentShare,
            holes,
            holeShare,
            borderContact,
            borderSides.size(),
            edgeAgreement
        };
    }
}
