package dev.cutout.vision.composite;

import java.util.Locale;

/** A fixed output size the cutout is scaled to fit inside (keeping its aspect ratio), and where it sits. */
public record Canvas(int width, int height, Position position) {

    public Canvas {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("canvas size must be positive: " + width + "x" + height);
        }
        if (position == null) {
            throw new IllegalArgumentException("position is required");
        }
    }

    /** Parses a size such as {@code "1000x1000"}. */
    public static Canvas parse(String size, Position position) {
        String[] parts = size == null ? new String[0] : size.trim().toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not a canvas size (try 1000x1000): '" + size + "'");
        }
        try {
            return new Canvas(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()), position);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a canvas size (try 1000x1000): '" + size + "'", e);
        }
    }
}
