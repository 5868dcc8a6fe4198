package dev.cutout.vision.composite;

import dev.cutout.vision.mask.AlphaMask;
import java.awt.Color;
import java.awt.image.BufferedImage;

/**
 * Renders a photo and its full-resolution mask as the shop wants it: transparent or on a colour,
 * optionally cropped to the subject with a margin, optionally fitted onto a fixed-size canvas.
 * Stateless and thread-safe.
 *
 * <p>When the mask holds no subject, cropping keeps the whole photo rather than producing nothing.
 */
public final class CutoutRenderer {

    private final RenderOptions options;

    public CutoutRenderer(RenderOptions options) {
        this.options = options;
    }

    public RenderOptions options() {
        return options;
    }

    /** Renders {@code photo} with {@code mask}, which must have the photo's size. */
    public RenderedCutout render(BufferedImage photo, AlphaMask mask) {
        Compositor.requireSameSize(photo, mask);
        BoundingBox subject = BoundingBox.of(mask, options.subjectThreshold());
        BoundingBox region = options.crop() && !subject.isEmpty()
                ? subject.expand(options.margin().pixelsFor(subject))
                : BoundingBox.ofSize(photo.getWidth(), photo.getHeight());
        Color background = options.isTransparent() ? null : options.background();
        Canvas canvas = options.canvas();
        if (canvas == null) {
            BufferedImage image = background == null
                    ? Compositor.transparent(photo, mask, region)
                    : Compositor.onColor(photo, mask, background, region);
            return new RenderedCutout(image, subject, subject.translate(-region.x(), -region.y()));
        }
        double scale = Math.min((double) canvas.width() / region.width(), (double) canvas.height() / region.height());
        int w = Math.max(1, Math.min(canvas.width(), (int) Math.round(region.width() * scale)));
        int h = Math.max(1, Math.min(canvas.height(), (int) Math.round(region.height() * scale)));
        int left = canvas.position().offsetX(canvas.width() - w);
        int top = canvas.position().offsetY(canvas.height() - h);
        BufferedImage image = PremultipliedLayer.of(photo, mask, region).resize(w, h)
                .drawOn(canvas.width(), canvas.height(), left, top, background);
        return new RenderedCutout(image, subject, placed(subject, region, scale, left, top));
    }

    /** Where the subject's box lands on the canvas, rounded outwards to whole pixels. */
    private static BoundingBox placed(BoundingBox subject, BoundingBox region, double scale, int left, int top) {
        if (subject.isEmpty()) {
            return BoundingBox.EMPTY;
        }
        int x0 = (int) Math.floor((subject.x() - region.x()) * scale) + left;
        int y0 = (int) Math.floor((subject.y() - region.y()) * scale) + top;
        int x1 = (int) Math.ceil((subject.right() - region.x()) * scale) + left;
        int y1 = (int) Math.ceil((subject.bottom() - region.y()) * scale) + top;
        return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }
}
