package dev.cutout.vision.composite;

import dev.cutout.vision.mask.AlphaMask;

/**
 * An axis-aligned pixel rectangle: {@code x, y} is the top-left pixel, {@code width x height} its
 * size; a width or height of 0 is the empty box. Boxes may extend beyond an image (a crop with a
 * margin past the photo's edge).
 */
public record BoundingBox(int x, int y, int width, int height) {

    /** The opacity at which a pixel counts as part of the subject, unless said otherwise. */
    public static final float DEFAULT_THRESHOLD = 0.5f;

    public static final BoundingBox EMPTY = new BoundingBox(0, 0, 0, 0);

    public BoundingBox {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("negative size: " + width + "x" + height);
        }
    }

    /** The box of the subject: the pixels with opacity {@code >= 0.5}. */
    public static BoundingBox of(AlphaMask mask) {
        return of(mask, DEFAULT_THRESHOLD);
    }

    /** The smallest box holding every pixel with opacity {@code >= threshold}; {@link #EMPTY} if none. */
    public static BoundingBox of(AlphaMask mask, float threshold) {
        int w = mask.width();
        int h = mask.height();
        int minX = w;
        int minY = h;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            int first = -1;
            for (int x = 0; x < w; x++) {
                if (mask.at(row + x) >= threshold) {
                    first = x;
                    break;
                }
            }
            if (first < 0) {
                continue;
            }
            int last = first;
            for (int x = w - 1; x > first; x--) {
                if (mask.at(row + x) >= threshold) {
                    last = x;
                    break;
                }
            }
            minX = Math.min(minX, first);
            maxX = Math.max(maxX, last);
            minY = Math.min(minY, y);
            maxY = y;
        }
        return maxX < 0 ? EMPTY : new BoundingBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /** The whole of an image of the given size. */
    public static BoundingBox ofSize(int width, int height) {
        return new BoundingBox(0, 0, width, height);
    }

    public boolean isEmpty() {
        return width == 0 || height == 0;
    }

    /** One past the rightmost column. */
    public int right() {
        return x + width;
    }

    /** One past the bottom row. */
    public int bottom() {
        return y + height;
    }

    public long area() {
        return (long) width * height;
    }

    /** This box grown by {@code margin} pixels on every side. */
    public BoundingBox expand(int margin) {
        return expand(margin, margin, margin, margin);
    }

    /** This box grown by the given number of pixels on each side (negative shrinks, down to empty). */
    public BoundingBox expand(int left, int top, int right, int bottom) {
        if (isEmpty()) {
            return this;
        }
        return new BoundingBox(x - left, y - top, Math.max(0, width + left + right), Math.max(0, height + top + bottom));
    }

    /** The part of this box inside an image of {@code imageWidth x imageHeight}. */
    public BoundingBox clip(int imageWidth, int imageHeight) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(imageWidth, right());
        int y1 = Math.min(imageHeight, bottom());
        return x1 <= x0 || y1 <= y0 ? EMPTY : new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }

    /** This box moved by {@code (dx, dy)}. */
    public BoundingBox translate(int dx, int dy) {
        return isEmpty() ? this : new BoundingBox(x + dx, y + dy, width, height);
    }

    /** Whether pixel {@code (px, py)} lies inside. */
    public boolean contains(int px, int py) {
        return px >= x && py >= y && px < right() && py < bottom();
    }
}
