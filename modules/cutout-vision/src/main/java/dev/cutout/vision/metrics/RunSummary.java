package dev.cutout.vision.metrics;

import java.util.Locale;

/**
 * The figures of an evaluation run over {@code n} images: mean IoU, Dice, MAE and boundary F, the
 * dataset max-F (the maximum of the mean F curve), and the studio's view: the share of images whose
 * IoU reaches 0.95, 0.97 and 0.99. With no images every figure is NaN.
 */
public record RunSummary(int n, double meanIou, double meanDice, double meanMae, double maxF, double meanBoundaryF,
        double shareIouAtLeast95, double shareIouAtLeast97, double shareIouAtLeast99) {

    /**
     * One line: {@code n=.. iou=.. dice=.. mae=.. maxF=..} then the IoU shares and the boundary F,
     * 4 decimals, shares as fractions of 1.
     */
    public String format() {
        return String.format(Locale.ROOT,
                "n=%d iou=%.4f dice=%.4f mae=%.4f maxF=%.4f iou>=0.95=%.4f iou>=0.97=%.4f iou>=0.99=%.4f bf=%.4f",
                n, meanIou, meanDice, meanMae, maxF, shareIouAtLeast95, shareIouAtLeast97, shareIouAtLeast99,
                meanBoundaryF);
    }

    @Override
    public String toString() {
        return format();
    }
}
