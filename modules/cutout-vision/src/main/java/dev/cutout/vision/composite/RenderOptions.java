package dev.cutout.vision.composite;

import java.awt.Color;

/**
 * How {@link CutoutRenderer} presents a cutout.
 *
 * @param background       the colour behind the subject; {@code null} or fully transparent keeps an
 *                         alpha channel (transparent PNG)
 * @param crop             crop to the subject's bounding box plus {@code margin}
 * @param margin           space kept around the subject when cropping
 * @param canvas           a fixed output size to fit the (cropped) cutout into; {@code null} for none
 * @param subjectThreshold the opacity at which a pixel counts as subject for the bounding box
 */
public record RenderOptions(Color background, boolean crop, Margin margin, Canvas canvas, float subjectThreshold) {

    public RenderOptions {
        if (margin == null) {
            margin = Margin.NONE;
        }
        if (!(subjectThreshold > 0 && subjectThreshold <= 1)) {
            throw new IllegalArgumentException("subjectThreshold must be in (0, 1]: " + subjectThreshold);
        }
    }

    /** The whole photo, transparent background, no canvas. */
    public static RenderOptions transparent() {
        return new RenderOptions(null, false, Margin.NONE, null, BoundingBox.DEFAULT_THRESHOLD);
    }

    /** Whether the output keeps an alpha channel. */
    public boolean isTransparent() {
        return Colors.isTransparent(background);
    }

    public RenderOptions withBackground(Color color) {
        return new RenderOptions(color, crop, margin, canvas, subjectThreshold);
    }

    /** Crop to the subject with {@code value} around it. */
    public RenderOptions cropped(Margin value) {
        return new RenderOptions(background, true, value, canvas, subjectThreshold);
    }

    public RenderOptions onCanvas(Canvas value) {
        return new RenderOptions(background, crop, margin, value, subjectThreshold);
    }

    public RenderOptions withSubjectThreshold(float value) {
        return new RenderOptions(background, crop, margin, canvas, value);
    }
}
