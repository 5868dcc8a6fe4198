package dev.cutout.vision.composite;

import java.util.Locale;

/** Where a picture sits on a larger canvas: the nine anchor points. */
public enum Position {
    TOP_LEFT(0, 0), TOP(0.5, 0), TOP_RIGHT(1, 0),
    LEFT(0, 0.5), CENTER(0.5, 0.5), RIGHT(1, 0.5),
    BOTTOM_LEFT(0, 1), BOTTOM(0.5, 1), BOTTOM_RIGHT(1, 1);

    private final double horizontal;
    private final double vertical;

    Position(double horizontal, double vertical) {
        this.horizontal = horizontal;
        this.vertical = vertical;
    }

    /** Parses {@code center}, {@code bottom}, {@code top-left}, {@code bottom_right} and so on, any case. */
    public static Position parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        if (t.equals("CENTRE") || t.equals("MIDDLE")) {
            return CENTER;
        }
        try {
            return valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a position: '" + text + "' (center, top, bottom, left, right, "
                    + "top-left, top-right, bottom-left, bottom-right)", e);
        }
    }

    /** The left offset for a picture with {@code free} pixels of horizontal room to spare. */
    public int offsetX(int free) {
        return (int) Math.floor(free * horizontal);
    }

    /** The top offset for a picture with {@code free} pixels of vertical room to spare. */
    public int offsetY(int free) {
        return (int) Math.floor(free * vertical);
    }
}
