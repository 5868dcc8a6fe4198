package dev.cutout.common.image;

/** Why an input was refused; the pipeline puts this code on the dead letter. */
public enum ImageRejectionReason {
    /** No bytes at all. */
    EMPTY,
    /** More bytes than {@link ImageLimits#maxBytes()}. */
    TOO_LARGE_BYTES,
    /** Width or height above {@link ImageLimits#maxWidth()} / {@link ImageLimits#maxHeight()}. */
    DIMENSION_TOO_LARGE,
    /** Width times height above {@link ImageLimits#maxPixels()}. */
    TOO_MANY_PIXELS,
    /** No image format recognised: not an image (text, PDF, random bytes, ...). */
    NOT_AN_IMAGE,
    /** An image, but of a format the pipeline does not accept (GIF, BMP, ...). */
    UNSUPPORTED_FORMAT,
    /** The data stops before the image does (an interrupted upload or copy). */
    TRUNCATED,
    /** The format is recognised but the data is damaged or inconsistent. */
    CORRUPT
}
