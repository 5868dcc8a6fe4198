package dev.cutout.vision.metrics;

import dev.cutout.vision.mask.AlphaMask;

/** Scores a predicted mask against its truth with every metric at once. Stateless and thread-safe. */
public final class MaskEvaluator {

    private final double boundaryTolerance;

    /** With {@link BoundaryF#DEFAULT_TOLERANCE}. */
    public MaskEvaluator() {
        this(BoundaryF.DEFAULT_TOLERANCE);
    }

    /** @param boundaryTolerance how far, in pixels, a boundary pixel may be from the other's and still match */
    public MaskEvaluator(double boundaryTolerance) {
        if (!(boundaryTolerance >= 0)) {
            throw new IllegalArgumentException("boundary tolerance must be >= 0: " + boundaryTolerance);
        }
        this.boundaryTolerance = boundaryTolerance;
    }

    /** Scores {@code prediction} (soft) against {@code truth}; both must have the same size. */
    public ImageScore score(String id, AlphaMask prediction, AlphaMask truth) {
        Confusion confusion = Confusion.of(prediction, truth);
        return new ImageScore(id, confusion.iou(), confusion.dice(), Metrics.mae(prediction, truth),
                BoundaryF.of(prediction, truth, boundaryTolerance).f(), FMeasureCurve.of(prediction, truth));
    }
}
