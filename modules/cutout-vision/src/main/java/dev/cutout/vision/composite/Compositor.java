package dev.cutout.vision.composite;

import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.RgbRowReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;

/**
 * Combines a photo with its mask at the photo's resolution: a transparent cutout (straight, not
 * premultiplied, alpha as PNG stores it, colour cleared where alpha is 0) or the subject blended over a solid colour with
 * {@code out = a * photo + (1 - a) * background} per channel, so soft edges blend instead of
 * showing a hard seam or a dark fringe.
 *
 * <p>Every method takes a region of the photo to render; parts of the region outside the photo are
 * background (transparent, or the colour).
 */
public final class Compositor {

    private Compositor() {
    }

    /** The whole photo as ARGB with the mask as its alpha channel. */
    public static BufferedImage transparent(BufferedImage photo, AlphaMask mask) {
        return transparent(photo, mask, BoundingBox.ofSize(photo.getWidth(), photo.getHeight()));
    }

    /** {@code region} of the photo as ARGB with the mask as its alpha channel. */
    public static BufferedImage transparent(BufferedImage photo, AlphaMask mask, BoundingBox region) {
        return render(photo, mask, region, null);
    }

    /** The whole photo's subject over {@code background} as opaque RGB. */
    public static BufferedImage onColor(BufferedImage photo, AlphaMask mask, Color background) {
        return onColor(photo, mask, background, BoundingBox.ofSize(photo.getWidth(), photo.getHeight()));
    }

    /** {@code region} of the photo's subject over {@code background} as opaque RGB. */
    public static BufferedImage onColor(BufferedImage photo, AlphaMask mask, Color background, BoundingBox region) {
        return render(photo, mask, region, background);
    }

    static void requireSameSize(BufferedImage photo, AlphaMask mask) {
        if (photo.getWidth() != mask.width() || photo.getHeight() != mask.height()) {
            throw new IllegalArgumentException("mask is " + mask.width() + "x" + mask.height() + " but the photo is "
                    + photo.getWidth() + "x" + photo.getHeight() + "; refine or resize the mask first");
        }
    }

    private static BufferedImage render(BufferedImage photo, AlphaMask mask, BoundingBox region, Color background) {
        requireSameSize(photo, mask);
        if (region.isEmpty()) {
            throw new IllegalArgumentException("empty region");
        }
        boolean opaque = background != null;
        BufferedImage out = new BufferedImage(region.width(), region.height(),
                opaque ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        int[] pixels = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
        int bgRgb = opaque ? background.getRGB() & 0xFFFFFF : 0;
        if (opaque) {
            Arrays.fill(pixels, bgRgb);
        }
        BoundingBox inside = region.clip(photo.getWidth(), photo.getHeight());
        if (inside.isEmpty()) {
            return out;
        }
        float bgR = (bgRgb >> 16) & 0xFF;
        float bgG = (bgRgb >> 8) & 0xFF;
        float bgB = bgRgb & 0xFF;
        RgbRowReader reader = RgbRowReader.of(photo);
        int photoWidth = photo.getWidth();
        int[] row = new int[photoWidth];
        for (int y = inside.y(); y < inside.bottom(); y++) {
            reader.read(y, row);
            int maskRow = y * photoWidth;
            int o = (y - region.y()) * region.width() - region.x();
            for (int x = inside.x(); x < inside.right(); x++) {
                float a = mask.at(maskRow + x);
                int rgb = row[x];
                if (!opaque) {
                    // Fully transparent pixels carry no colour: the file must not hide the background
                    // (and the zeros compress to a fraction of the photo's noise).
                    int alpha = Math.round(a * 255f);
                    pixels[o + x] = alpha == 0 ? 0 : alpha << 24 | rgb;
                } else {
                    float inv = 1f - a;
                    int r = Math.round(a * ((rgb >> 16) & 0xFF) + inv * bgR);
                    int g = Math.round(a * ((rgb >> 8) & 0xFF) + inv * bgG);
                    int b = Math.round(a * (rgb & 0xFF) + inv * bgB);
                    pixels[o + x] = r << 16 | g << 8 | b;
                }
            }
        }
        return out;
    }
}
