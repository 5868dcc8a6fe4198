package dev.cutout.vision.infer;

import dev.cutout.vision.mask.PlaneResampler;
import dev.cutout.vision.mask.RgbRowReader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A photo at the edge refiner's working resolution: shrunk (bilinear, every source pixel counted)
 * so its longest side is at most a limit, or the photo itself when it is already that small. Holds
 * both forms the refinement needs: interleaved RGB bytes for the network and an image for the
 * guided filter.
 */
public record WorkingImage(int width, int height, byte[] rgb, BufferedImage image) {

    public WorkingImage {
        if (rgb.length != width * height * 3 || image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("pixels and image disagree on the size " + width + "x" + height);
        }
    }

    /** {@code photo} with its longest side brought down to at most {@code maxSide}. */
    public static WorkingImage of(BufferedImage photo, int maxSide) {
        int w = photo.getWidth();
        int h = photo.getHeight();
        double scale = Math.min(1.0, maxSide / (double) Math.max(w, h));
        if (scale == 1.0) {
            return new WorkingImage(w, h, PhotoPixels.of(photo).rgb(), photo);
        }
        int sw = Math.max(1, (int) Math.round(w * scale));
        int sh = Math.max(1, (int) Math.round(h * scale));
        float[][] planes = PlaneResampler.bilinear(w, h, sw, sh).applyRgb(RgbRowReader.of(photo));
        byte[] rgb = new byte[sw * sh * 3];
        for (int i = 0; i < sw * sh; i++) {
            for (int c = 0; c < 3; c++) {
                rgb[i * 3 + c] = (byte) Math.min(255, Math.max(0, Math.round(planes[c][i])));
            }
        }
        return fromRgb(sw, sh, rgb);
    }

    /** Interleaved 8-bit RGB of {@code width x height} pixels, wrapped with an image of the same pixels. */
    public static WorkingImage fromRgb(int width, int height, byte[] rgb) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] packed = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < width * height; i++) {
            packed[i] = (rgb[i * 3] & 0xFF) << 16 | (rgb[i * 3 + 1] & 0xFF) << 8 | (rgb[i * 3 + 2] & 0xFF);
        }
        return new WorkingImage(width, height, rgb, image);
    }
}
