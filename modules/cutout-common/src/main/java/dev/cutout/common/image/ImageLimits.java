package dev.cutout.common.image;

/**
 * What the codec accepts, checked before any pixel is decoded so that a small file announcing a huge
 * image (a decompression bomb) is refused without allocating it.
 *
 * @param maxBytes  largest encoded input, in bytes
 * @param maxPixels largest width times height
 * @param maxWidth  largest width, in pixels
 * @param maxHeight largest height, in pixels
 */
public record ImageLimits(long maxBytes, long maxPixels, int maxWidth, int maxHeight) {

    /** 50 MiB, 100 megapixels, 20000 pixels a side: every studio camera fits, a bomb does not. */
    public static final ImageLimits DEFAULT = new ImageLimits(50L * 1024 * 1024, 100_000_000L, 20_000, 20_000);

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0 || maxWidth <= 0 || maxHeight <= 0) {
            throw new IllegalArgumentException("image limits must be positive: " + maxBytes + " bytes, "
                    + maxPixels + " pixels, " + maxWidth + "x" + maxHeight);
        }
    }
}
