package dev.cutout.vision.composite;

import java.util.Locale;

/**
 * Space left around the subject when cropping: a number of pixels ({@code "20px"} or {@code "20"})
 * or a percentage ({@code "5%"}) of the subject's longer side, so the margin is the same on all four
 * sides whatever the subject's shape.
 */
public record Margin(double amount, Unit unit) {

    /** How {@link #amount()} is measured. */
    public enum Unit { PIXELS, PERCENT }

    public static final Margin NONE = new Margin(0, Unit.PIXELS);

    public Margin {
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("margin must be a finite number >= 0: " + amount);
        }
        if (unit == null) {
            throw new IllegalArgumentException("unit is required");
        }
    }

    public static Margin pixels(int pixels) {
        return new Margin(pixels, Unit.PIXELS);
    }

    public static Margin percent(double percent) {
        return new Margin(percent, Unit.PERCENT);
    }

    /** Parses {@code "5%"}, {@code "20px"} or {@code "20"} (pixels). */
    public static Margin parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.endsWith("%")) {
                return percent(Double.parseDouble(t.substring(0, t.length() - 1).trim()));
            }
            if (t.endsWith("px")) {
                t = t.substring(0, t.length() - 2).trim();
            }
            double px = Double.parseDouble(t);
            if (px != Math.rint(px)) {
                throw new IllegalArgumentException("pixel margin must be a whole number: '" + text + "'");
            }
            return new Margin(px, Unit.PIXELS);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a margin (try 5% or 20px): '" + text + "'", e);
        }
    }

    /** The margin in pixels for a subject with this bounding box. */
    public int pixelsFor(BoundingBox subject) {
        if (unit == Unit.PIXELS) {
            return (int) Math.round(amount);
        }
        return (int) Math.round(amount / 100.0 * Math.max(subject.width(), subject.height()));
    }

    @Override
    public String toString() {
        String n = amount == Math.rint(amount) ? String.valueOf((long) amount) : String.valueOf(amount);
        return unit == Unit.PERCENT ? n + "%" : n + "px";
    }
}
