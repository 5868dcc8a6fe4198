package dev.cutout.vision.data;

/**
 * A photo and its foreground mask, held compactly in memory for training: interleaved 8-bit
 * RGB and an 8-bit mask (0 = background, 255 = foreground), both {@code width x height}.
 *
 * @param group the source a sample belongs to (a car id, or the image name), so that
 *     near-duplicate views never end up on both sides of a split
 */
public record LabelledImage(String name, String group, int width, int height, byte[] rgb, byte[] mask) {

    public LabelledImage {
        if (rgb.length != width * height * 3 || mask.length != width * height) {
            throw new IllegalArgumentException("buffers do not match " + width + "x" + height + " for " + name);
        }
    }

    /** Red, green or blue (channel 0..2) at a pixel, 0..255. */
    public int channel(int x, int y, int c) {
        return rgb[(y * width + x) * 3 + c] & 0xFF;
    }

    /** Mask value at a pixel, 0..255. */
    public int maskAt(int x, int y) {
        return mask[y * width + x] & 0xFF;
    }
}
