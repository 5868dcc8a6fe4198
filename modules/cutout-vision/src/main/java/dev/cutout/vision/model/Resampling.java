package dev.cutout.vision.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** Spatial resampling of NCHW tensors, shared by the network and the translators. */
public final class Resampling {

    /** Bilinear interpolation mode of the engine's interpolate operator. */
    private static final int BILINEAR = 2;

    private Resampling() {}

    /** Bilinearly resizes an NCHW tensor to the given height and width (align_corners=false). */
    public static NDArray bilinear(NDArray x, long height, long width) {
        Shape s = x.getShape();
        if (s.get(2) == height && s.get(3) == width) {
            return x;
        }
        return x.getNDArrayInternal().interpolation(new long[] {height, width}, BILINEAR, false);
    }

    /** Resizes {@code x} to the spatial size of {@code reference}. */
    public static NDArray bilinearLike(NDArray x, NDArray reference) {
        Shape r = reference.getShape();
        return bilinear(x, r.get(2), r.get(3));
    }

    /** 2x2 max pooling with stride 2, rounding up so odd sizes keep their last row and column. */
    public static NDArray maxPoolHalf(NDArray x) {
        return x.getNDArrayInternal().maxPool(new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), true);
    }
}
