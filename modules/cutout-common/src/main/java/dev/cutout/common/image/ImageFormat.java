package dev.cutout.common.image;

import java.util.Locale;
import java.util.Optional;

/** The photo formats the pipeline accepts. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    WEBP("image/webp", "webp"),
    TIFF("image/tiff", "tif");

    private final String contentType;
    private final String extension;

    ImageFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The MIME type stored with the object, e.g. {@code image/jpeg}. */
    public String contentType() {
        return contentType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format an ImageIO reader or writer calls by {@code name} (jpeg, JPEG, tif, ...), if it is one of ours. */
    public static Optional<ImageFormat> fromImageIoName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "jpeg", "jpg" -> Optional.of(JPEG);
            case "png" -> Optional.of(PNG);
            case "webp" -> Optional.of(WEBP);
            case "tiff", "tif" -> Optional.of(TIFF);
            default -> Optional.empty();
        };
    }
}
