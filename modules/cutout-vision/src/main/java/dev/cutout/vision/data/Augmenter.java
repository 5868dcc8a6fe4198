package dev.cutout.vision.data;

import dev.cutout.vision.model.ModelInput;
import java.util.Random;

/**
 * The studio's augmentation recipe: random crop and scale, mirror, background replacement with
 * generated studio backgrounds (plain, gradient, shadowed), light products on light
 * backgrounds, and colour jitter. Geometry is applied to photo and mask alike; colour only to
 * the photo.
 */
public final class Augmenter {

    /** Probabilities and ranges; {@link #studio()} is the default recipe. */
    public record Recipe(double wholeImage, double minCropScale, double mirror, double replaceBackground,
            double lightOnLight, double jitter) {
        public static Recipe studio() {
            return new Recipe(0.4, 0.55, 0.5, 0.35, 0.15, 0.2);
        }

        /** No augmentation: the whole image, as at inference. */
        public static Recipe none() {
            return new Recipe(1, 1, 0, 0, 0, 0);
        }
    }

    private final int size;
    private final Recipe recipe;

    public Augmenter(int size, Recipe recipe) {
        this.size = size;
        this.recipe = recipe;
    }

    /** Makes one example from a labelled image. */
    public TrainingExample apply(LabelledImage image, Random random) {
        ModelInput.Crop crop = crop(image, random);
        float[] rgb = ModelInput.samplePlanar(image.rgb(), image.width(), image.height(), 3, crop, size);
        float[] mask = ModelInput.samplePlanar(image.mask(), image.width(), image.height(), 1, crop, size);
        if (random.nextDouble() < recipe.replaceBackground()) {
            replaceBackground(rgb, mask, random);
        }
        if (random.nextDouble() < recipe.jitter() * 2) {
            jitterColour(rgb, random);
        }
        clamp01(rgb);
        return new TrainingExample(size, ModelInput.normalize(rgb), mask);
    }

    private ModelInput.Crop crop(LabelledImage image, Random random) {
        boolean mirrored = random.nextDouble() < recipe.mirror();
        if (random.nextDouble() < recipe.wholeImage()) {
            return new ModelInput.Crop(0, 0, image.width(), image.height(), mirrored);
        }
        double scale = recipe.minCropScale() + (1 - recipe.minCropScale()) * random.nextDouble();
        double aspect = Math.exp(0.4 * (random.nextDouble() - 0.5));
        double w = Math.min(image.width(), image.width() * scale * Math.sqrt(aspect));
        double h = Math.min(image.height(), image.height() * scale / Math.sqrt(aspect));
        double x = random.nextDouble() * (image.width() - w);
        double y = random.nextDouble() * (image.height() - h);
        return new ModelInput.Crop(x, y, w, h, mirrored);
    }

    private void replaceBackground(float[] rgb, float[] mask, Random random) {
        int[] box = boundingBox(mask);
        if (box == null) {
            return;
        }
        boolean lightOnLight = random.nextDouble() < recipe.lightOnLight();
        boolean light = lightOnLight || random.nextDouble() < 0.6;
        StudioBackgrounds.Kind kind = StudioBackgrounds.Kind.values()[random.nextInt(3)];
        float[] background = StudioBackgrounds.generate(random, size, kind, light, box[3], box[0], box[2]);
        int plane = size * size;
        float lift = lightOnLight ? 0.5f + 0.3f * random.nextFloat() : 0f;
        for (int i = 0; i < plane; i++) {
            float a = mask[i];
            for (int c = 0; c < 3; c++) {
                float fg = rgb[c * plane + i];
                // A light product: pull the foreground towards white, keeping its texture.
                fg = fg + (1 - fg) * lift;
                rgb[c * plane + i] = fg * a + background[c * plane + i] * (1 - a);
            }
        }
    }

    private void jitterColour(float[] rgb, Random random) {
        float brightness = 1 + 0.4f * (random.nextFloat() - 0.5f);
        float contrast = 1 + 0.4f * (random.nextFloat() - 0.5f);
        float saturation = 1 + 0.4f * (random.nextFloat() - 0.5f);
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            float r = rgb[i];
            float g = rgb[plane + i];
            float b = rgb[2 * plane + i];
            float grey = 0.299f * r + 0.587f * g + 0.114f * b;
            for (int c = 0; c < 3; c++) {
                float v = rgb[c * plane + i];
                v = grey + (v - grey) * saturation;
                v = 0.5f + (v - 0.5f) * contrast;
                rgb[c * plane + i] = v * brightness;
            }
        }
    }

    /** {@code [left, top, right, bottom]} of mask values above one half, or null when empty. */
    private int[] boundingBox(float[] mask) {
        int left = size;
        int top = size;
        int right = -1;
        int bottom = -1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (mask[y * size + x] > 0.5f) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return right < 0 ? null : new int[] {left, top, right, bottom};
    }

    private static void clamp01(float[] values) {
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0f, Math.min(1f, values[i]));
        }
    }
}
