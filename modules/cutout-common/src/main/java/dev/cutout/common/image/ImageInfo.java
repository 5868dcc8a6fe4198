package dev.cutout.common.image;

/**
 * What the header of an image says, read without decoding pixels.
 *
 * @param format      the format
 * @param width       width as displayed, i.e. after the EXIF orientation is applied
 * @param height      height as displayed
 * @param orientation the EXIF orientation found in the file ({@link ExifOrientation#NORMAL} when none)
 */
public record ImageInfo(ImageFormat format, int width, int height, ExifOrientation orientation) {
}
