package dev.cutout.vision.metrics;

/**
 * Every metric of one predicted mask against its truth.
 *
 * @param id        what was scored (a file stem, a photo id)
 * @param iou       intersection over union at 0.5
 * @param dice      Dice at 0.5
 * @param mae       mean absolute error of the soft prediction
 * @param boundaryF boundary F-measure at the evaluator's tolerance
 * @param fCurve    F-measure per threshold, for the dataset's max-F
 */
public record ImageScore(String id, double iou, double dice, double mae, double boundaryF, FMeasureCurve fCurve) {

    /** This image's own max-F. */
    public double maxF() {
        return fCurve.maxF();
    }
}
