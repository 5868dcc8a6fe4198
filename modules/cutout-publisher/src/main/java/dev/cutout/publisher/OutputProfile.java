package dev.cutout.publisher;

import dev.cutout.common.image.ImageFormat;
import dev.cutout.vision.composite.RenderOptions;
import java.util.Objects;

/**
 * How the shop wants a cutout: render options, file format and, for fixed-size outputs, the long side.
 *
 * @param name      profile name as studio metadata gives it
 * @param render    background, crop and margin
 * @param format    output file format: PNG or JPEG
 * @param longSide  the long side the result is scaled to, or 0 to keep the rendered size
 * @param quality   JPEG quality, ignored for PNG
 */
public record OutputProfile(String name, RenderOptions render, ImageFormat format, int longSide, float quality) {

    public OutputProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(format, "format");
        if (format != ImageFormat.PNG && format != ImageFormat.JPEG) {
            throw new IllegalArgumentException("a cutout is written as PNG or JPEG, not " + format);
        }
        if (longSide < 0) {
            throw new IllegalArgumentException("longSide must be >= 0: " + longSide);
        }
    }
}
