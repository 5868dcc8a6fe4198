package dev.cutout.vision.verify;

import dev.cutout.vision.metrics.RankCorrelation;
import java.util.List;
import java.util.Locale;

/**
 * How well verdicts match the truth on a labelled set: rank correlation and mean absolute error of
 * predicted against true IoU, and at the release's thresholds the auto-publish rate and the share of
 * auto-published masks that are good ({@link QualityLabel#GOOD_IOU}).
 *
 * @param precision NaN when nothing was auto-published
 */
public record VerificationSummary(int n, double spearman, double mae, double publishRate, double precision,
                                  int published) {

    public static VerificationSummary of(List<VerifiedMask> masks) {
        double[] predicted = masks.stream().mapToDouble(m -> m.assessment().score()).toArray();
        double[] truth = masks.stream().mapToDouble(VerifiedMask::trueIou).toArray();
        double error = 0;
        int published = 0;
        int good = 0;
        for (VerifiedMask mask : masks) {
            error += Math.abs(mask.assessment().score() - mask.trueIou());
            if (mask.autoPublished()) {
                published++;
                good += mask.good() ? 1 : 0;
            }
        }
        int n = masks.size();
        return new VerificationSummary(n, RankCorrelation.spearman(predicted, truth),
                n == 0 ? Double.NaN : error / n, n == 0 ? 0 : published / (double) n,
                published == 0 ? Double.NaN : good / (double) published, published);
    }

    /** {@code n=.. spearman=.. mae=.. publish_rate=.. precision=..}, the line {@code cutout verify-eval} prints. */
    public String format() {
        return String.format(Locale.ROOT, "n=%d spearman=%.4f mae=%.4f publish_rate=%.4f precision=%.4f", n, spearman,
                mae, publishRate, precision);
    }
}
