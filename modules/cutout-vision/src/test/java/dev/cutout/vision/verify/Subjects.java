package dev.cutout.vision.verify;

import dev.cutout.vision.mask.AlphaMask;

/** Masks of realistic subjects at the model's resolution, with a one-pixel soft edge. */
final class Subjects {

    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    private Subjects() {
    }

    /** An upright ellipse in the middle of the frame, a bottle or a bag. */
    static AlphaMask ellipse() {
        boolean[] in = new boolean[WIDTH * HEIGHT];
        Shapes.ellipse(in, WIDTH, HEIGHT, 160, 120, 90, 60, Math.PI / 2);
        return soft(in);
    }

    /** A car from the side: a long body, a cabin on top and two wheels, standing low in the frame. */
    static AlphaMask car() {
        boolean[] in = new boolean[WIDTH * HEIGHT];
        Shapes.rectangle(in, WIDTH, HEIGHT, 40, 120, 280, 175);
        Shapes.ellipse(in, WIDTH, HEIGHT, 160, 122, 75, 38, 0);
        Shapes.ellipse(in, WIDTH, HEIGHT, 90, 178, 24, 24, 0);
        Shapes.ellipse(in, WIDTH, HEIGHT, 230, 178, 24, 24, 0);
        return soft(in);
    }

    /** A tall narrow subject, a standing garment. */
    static AlphaMask tall() {
        boolean[] in = new boolean[WIDTH * HEIGHT];
        Shapes.rectangle(in, WIDTH, HEIGHT, 130, 20, 190, 220);
        return soft(in);
    }

    /** The hard shape with a 3x3 mean along its outline, as a network's output would have. */
    static AlphaMask soft(boolean[] in) {
        float[] v = new float[in.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = in[i] ? 1f : 0f;
        }
        float[] ramp = Planes.boxMean(v, WIDTH, HEIGHT, 1);
        for (int i = 0; i < v.length; i++) {
            ramp[i] = in[i] ? Math.max(ramp[i], 0.5f) : Math.min(ramp[i], 0.49f);
        }
        return AlphaMask.of(WIDTH, HEIGHT, ramp);
    }

    /** The pixels at or above one half. */
    static boolean[] inside(AlphaMask mask) {
        boolean[] in = new boolean[mask.pixelCount()];
        for (int i = 0; i < in.length; i++) {
            in[i] = mask.at(i) >= 0.5f;
        }
        return in;
    }

    /** The mean row of the pixels at or above one half. */
    static double centroidY(AlphaMask mask) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < mask.pixelCount(); i++) {
            if (mask.at(i) >= 0.5f) {
                sum += i / mask.width();
                n++;
            }
        }
        return sum / n;
    }

    /** The share of values strictly between 0.1 and 0.9. */
    static double uncertainShare(AlphaMask mask) {
        int n = 0;
        for (int i = 0; i < mask.pixelCount(); i++) {
            if (mask.at(i) > 0.1f && mask.at(i) < 0.9f) {
                n++;
            }
        }
        return n / (double) mask.pixelCount();
    }
}
