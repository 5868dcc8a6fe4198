package dev.cutout.vision.infer;

import dev.cutout.vision.model.EdgeRefinerNet;
import dev.cutout.vision.model.ModelInput;

/**
 * The edge refiner's input planes: ImageNet-normalised red, green and blue, then the coarse alpha
 * in [0, 1], each {@code width x height}, channel after channel.
 */
public final class EdgeRefinerInput {

    private EdgeRefinerInput() {}

    /** The whole image and its coarse mask as {@code 4 x height x width} planes. */
    public static float[] planes(byte[] rgb, float[] alpha, int width, int height) {
        return crop(rgb, alpha, width, height, 0, 0, width, height, false);
    }

    /**
     * A {@code cropWidth x cropHeight} window at {@code (x0, y0)}, optionally mirrored left to right;
     * coordinates outside the image repeat its edge pixels, so a window may hang over the border.
     */
    public static float[] crop(byte[] rgb, float[] alpha, int width, int height, int x0, int y0, int cropWidth,
            int cropHeight, boolean mirror) {
        int plane = cropWidth * cropHeight;
        float[] out = new float[EdgeRefinerNet.INPUT_CHANNELS * plane];
        for (int y = 0; y < cropHeight; y++) {
            int sy = Math.min(height - 1, Math.max(0, y0 + y));
            for (int x = 0; x < cropWidth; x++) {
                int sx = Math.min(width - 1, Math.max(0, x0 + (mirror ? cropWidth - 1 - x : x)));
                int s = sy * width + sx;
                int o = y * cropWidth + x;
                for (int c = 0; c < 3; c++) {
                    out[c * plane + o] = ((rgb[s * 3 + c] & 0xFF) / 255f - ModelInput.MEAN[c]) / ModelInput.STD[c];
                }
                out[3 * plane + o] = alpha[s];
            }
        }
        return out;
    }
}
