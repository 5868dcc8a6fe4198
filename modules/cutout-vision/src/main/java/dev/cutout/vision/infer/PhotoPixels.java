package dev.cutout.vision.infer;

import dev.cutout.vision.mask.RgbRowReader;
import java.awt.image.BufferedImage;

/** A photo's pixels as interleaved 8-bit RGB, the form the translator samples from. */
public record PhotoPixels(int width, int height, byte[] rgb) {

    public PhotoPixels {
        if (rgb.length != width * height * 3) {
            throw new IllegalArgumentException("expected " + width * height * 3 + " bytes for " + width + "x" + height);
        }
    }

    public static PhotoPixels of(BufferedImage image) {
        RgbRowReader reader = RgbRowReader.of(image);
        int w = reader.width();
        int h = reader.height();
        byte[] rgb = new byte[w * h * 3];
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.read(y, row);
            int o = y * w * 3;
            for (int x = 0; x < w; x++) {
                int p = row[x];
                rgb[o++] = (byte) (p >> 16);
                rgb[o++] = (byte) (p >> 8);
                rgb[o++] = (byte) p;
            }
        }
        return new PhotoPixels(w, h, rgb);
    }
}
