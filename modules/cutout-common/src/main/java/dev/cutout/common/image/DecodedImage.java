package dev.cutout.common.image;

import java.awt.image.BufferedImage;

/**
 * A decoded photo, upright and in 8-bit sRGB: {@link BufferedImage#TYPE_INT_RGB}, or
 * {@link BufferedImage#TYPE_INT_ARGB} when the source has an alpha channel or transparency.
 *
 * @param image       the pixels, with the EXIF orientation already applied
 * @param format      the format it was decoded from
 * @param orientation the EXIF orientation that was applied
 */
public record DecodedImage(BufferedImage image, ImageFormat format, ExifOrientation orientation) {

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    public boolean hasAlpha() {
        return image.getColorModel().hasAlpha();
    }
}
