package dev.cutout.vision.mask;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

/** Synthetic product photos with known masks, for tests that need sharp, known edges. */
final class Scenes {

    private Scenes() {
    }

    /** A dark product (an ellipse with a tilted handle) on a pale studio background, drawn antialiased. */
    static Shape product(int width, int height) {
        Area shape = new Area(new Ellipse2D.Double(width * 0.22, height * 0.28, width * 0.46, height * 0.5));
        Shape handle = new Rectangle2D.Double(width * 0.55, height * 0.18, width * 0.3, height * 0.12);
        shape.add(new Area(AffineTransform.getRotateInstance(0.35, width * 0.6, height * 0.25)
                .createTransformedShape(handle)));
        return shape;
    }

    /** The photo: {@code shape} in {@code foreground} over a gently graded {@code background}. */
    static BufferedImage photo(int width, int height, Shape shape, Color foreground, Color background, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        for (int y = 0; y < height; y++) {
            float shade = 1f - 0.08f * y / height;
            g.setColor(new Color(Math.round(background.getRed() * shade), Math.round(background.getGreen() * shade),
                    Math.round(background.getBlue() * shade)));
            g.drawLine(0, y, width, y);
        }
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(foreground);
        g.fill(shape);
        // A highlight inside the product: texture the filter must not mistake for an edge of the mask.
        g.setColor(foreground.brighter());
        g.setStroke(new BasicStroke(3f));
        g.draw(new Ellipse2D.Double(width * 0.35, height * 0.45, width * 0.15, height * 0.15));
        g.dispose();
        return image;
    }

    /** The true mask of {@code shape}: pixels whose centre is inside it. */
    static AlphaMask truth(int width, int height, Shape shape) {
        float[] v = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                v[y * width + x] = shape.contains(x + 0.5, y + 0.5) ? 1f : 0f;
            }
        }
        return AlphaMask.of(width, height, v);
    }

    /** Nearest-neighbour upsampling: the blocky mask a naive resize gives. */
    static AlphaMask blockyUpsample(AlphaMask mask, int width, int height) {
        float[] v = new float[width * height];
        for (int y = 0; y < height; y++) {
            int sy = Math.min(mask.height() - 1, y * mask.height() / height);
            for (int x = 0; x < width; x++) {
                int sx = Math.min(mask.width() - 1, x * mask.width() / width);
                v[y * width + x] = mask.get(sx, sy);
            }
        }
        return AlphaMask.of(width, height, v);
    }

    /** IoU of two masks binarised at 0.5 (kept here so mask tests do not lean on the metrics package). */
    static double iou(AlphaMask a, AlphaMask b) {
        long inter = 0;
        long union = 0;
        for (int i = 0; i < a.pixelCount(); i++) {
            boolean p = a.at(i) >= 0.5f;
            boolean t = b.at(i) >= 0.5f;
            inter += p && t ? 1 : 0;
            union += p || t ? 1 : 0;
        }
        return union == 0 ? 1 : (double) inter / union;
    }
}
