package dev.cutout.vision.verify;

/** Filled shapes drawn into boolean planes, clipped at the frame. */
final class Shapes {

    private Shapes() {
    }

    /**
     * Sets the pixels whose centres lie in the ellipse centred on (cx, cy) with semi-axes {@code a}
     * along {@code angle} (radians from the x axis) and {@code b} across it.
     */
    static void ellipse(boolean[] plane, int w, int h, double cx, double cy, double a, double b, double angle) {
        if (!(a > 0) || !(b > 0)) {
            return;
        }
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double extentX = Math.sqrt(a * a * cos * cos + b * b * sin * sin);
        double extentY = Math.sqrt(a * a * sin * sin + b * b * cos * cos);
        int x0 = Math.max(0, (int) Math.floor(cx - extentX));
        int x1 = Math.min(w - 1, (int) Math.ceil(cx + extentX));
        int y0 = Math.max(0, (int) Math.floor(cy - extentY));
        int y1 = Math.min(h - 1, (int) Math.ceil(cy + extentY));
        for (int y = y0; y <= y1; y++) {
            double dy = y - cy;
            for (int x = x0; x <= x1; x++) {
                double dx = x - cx;
                double u = (dx * cos + dy * sin) / a;
                double v = (-dx * sin + dy * cos) / b;
                if (u * u + v * v <= 1) {
                    plane[y * w + x] = true;
                }
            }
        }
    }

    /** Sets the pixels whose centres lie in {@code [x0, x1] x [y0, y1]}. */
    static void rectangle(boolean[] plane, int w, int h, double x0, double y0, double x1, double y1) {
        int left = Math.max(0, (int) Math.ceil(x0));
        int right = Math.min(w - 1, (int) Math.floor(x1));
        int top = Math.max(0, (int) Math.ceil(y0));
        int bottom = Math.min(h - 1, (int) Math.floor(y1));
        for (int y = top; y <= bottom; y++) {
            for (int x = left; x <= right; x++) {
                plane[y * w + x] = true;
            }
        }
    }
}
