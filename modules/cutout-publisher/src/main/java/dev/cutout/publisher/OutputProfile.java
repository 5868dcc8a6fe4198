package dev.cutout.publisher;

import dev.cutout.vision.composite.RenderOptions;
import java.util.Objects;

/**
 * How the shop wants a cutout: render options, file format and, for fixed-size outputs, the long side.
 *
 * @param name      profile name as studio metadata gives it
 * @param render    background, crop and margin
 * @param format    output file format
 * @param longSide  the long side the result is scaled to, or 0 to keep the rendered size
 * @param quality   JPEG quality, ignored for PNG
 */
public record OutputProfile(String name, RenderOptions render, Format format, int longSide, float quality) {

    /** The file formats a profile can write. */
    public enum Format {
        PNG("image/png", "png"),
        JPEG("image/jpeg", "jpg");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    public OutputProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(render, "render");
        Objects.requireNonNull(format, "format");
        if (longSide < 0) {
            throw new IllegalArgumentException("longSide must be >= 0: " + longSide);
        }
    }
}
