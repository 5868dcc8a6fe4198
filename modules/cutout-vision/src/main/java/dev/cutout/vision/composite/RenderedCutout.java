package dev.cutout.vision.composite;

import java.awt.image.BufferedImage;

/**
 * A rendered cutout and where its subject is.
 *
 * @param image          the output: ARGB when transparent, else opaque RGB
 * @param subject        the subject's bounding box in the photo's coordinates ({@link BoundingBox#EMPTY}
 *                       when the mask holds no subject)
 * @param subjectInImage the same box in the output image's coordinates (after crop and scaling)
 */
public record RenderedCutout(BufferedImage image, BoundingBox subject, BoundingBox subjectInImage) {
}
