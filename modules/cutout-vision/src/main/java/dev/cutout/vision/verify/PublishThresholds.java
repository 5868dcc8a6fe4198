package dev.cutout.vision.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Chooses the verifier score above which masks are published without review: the lowest score
 * threshold at which the published masks are still good often enough (their precision, the share
 * with a true IoU of at least {@code goodIou}, reaches {@code targetPrecision}). The lowest such
 * threshold publishes the most, so it is the largest auto-publish rate the studio's quality target
 * allows; everything below it goes to a person.
 *
 * <p>"Reaches" is judged with a {@link PrecisionBound}: the precision that the calibration masks
 * support at the given confidence, not the observed share, so that a threshold resting on a handful of
 * lucky masks is not taken for a proven one. A confidence of 0 takes the observed share at face value.
 *
 * <p>A mask is published when its score is at least the threshold, so masks with equal scores are
 * published together: thresholds are only tried at the scores that occur, and a tie cannot be split
 * by publishing some of its members. Precision is not monotone in the threshold; every occurring
 * score is tried and the lowest that meets the target is chosen, even if a higher one misses it.
 */
public final class PublishThresholds {

    /**
     * The chosen threshold and what it does on the data it was chosen on.
     *
     * @param threshold   publish when the score is at least this; 1.0 when no threshold meets the target
     * @param published   the masks with a score at least the threshold
     * @param total       all masks
     * @param precision   the share of published masks with a true IoU of at least {@code goodIou}; NaN when
     *                    none is published
     * @param publishRate {@code published / total}; 0 when there are no masks
     * @param supported   the precision's lower bound at the confidence it was chosen with ({@link PrecisionBound});
     *                    NaN when none is published
     */
    public record Choice(double threshold, int published, int total, double precision, double publishRate,
                         double supported) {
    }

    private PublishThresholds() {
    }

    /**
     * The lowest threshold whose published masks support a precision of at least {@code targetPrecision}.
     *
     * @param scores          the verifier's score per mask (finite)
     * @param trueIous        the true IoU per mask, in the same order
     * @param goodIou         the IoU a published mask must reach to count as good
     * @param targetPrecision the share of published masks that must be good, in {@code [0, 1]}
     * @param confidence      how sure the masks must make it that the precision is reached, in {@code [0, 1)}
     */
    public static Choice choose(double[] scores, double[] trueIous, double goodIou, double targetPrecision,
            double confidence) {
        if (!(targetPrecision >= 0 && targetPrecision <= 1)) {
            throw new IllegalArgumentException("target precision must be in [0, 1]: " + targetPrecision);
        }
        if (!(confidence >= 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in [0, 1): " + confidence);
        }
        int n = scores.length;
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("non-finite score: " + s);
            }
        }
        Step chosen = null;
        for (Step step : steps(scores, trueIous, goodIou)) {
            if (step.supported(confidence) >= targetPrecision) {
                chosen = step;
            }
        }
        return chosen == null ? at(1.0, scores, trueIous, goodIou, confidence) : chosen.choice(n, confidence);
    }

    /** What publishing every mask scored at least {@code threshold} does to these masks. */
    public static Choice at(double threshold, double[] scores, double[] trueIous, double goodIou, double confidence) {
        int published = 0;
        int good = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= threshold) {
                published++;
                good += trueIous[i] >= goodIou ? 1 : 0;
            }
        }
        return new Step(threshold, published, good).choice(scores.length, confidence);
    }

    /**
     * The threshold whose published masks support the highest precision at {@code confidence} (on equal
     * support, the lowest threshold, which publishes more): how close the scores come to a target that no
     * threshold meets. Empty when there are no masks.
     */
    public static Optional<Choice> mostPrecise(double[] scores, double[] trueIous, double goodIou, double confidence) {
        int n = scores.length;
        Choice best = null;
        for (Step step : steps(scores, trueIous, goodIou)) {
            Choice choice = step.choice(n, confidence);
            if (best == null || choice.supported() >= best.supported()) {
                best = choice;
            }
        }
        return Optional.ofNullable(best);
    }

    /** What publishing at {@code score} would publish: the masks scored at least that, and the good ones among them. */
    private record Step(double score, int published, int good) {

        double supported(double confidence) {
            return PrecisionBound.lower(good, published, confidence);
        }

        /** This step as a choice among {@code total} masks. */
        Choice choice(int total, double confidence) {
            return new Choice(score, published, total, published == 0 ? Double.NaN : good / (double) published,
                    total == 0 ? 0 : published / (double) total, supported(confidence));
        }
    }

    /**
     * One step per distinct score, from the highest down: a mask is published when its score is at least
     * the threshold, so the whole tie goes in at once.
     */
    private static List<Step> steps(double[] scores, double[] trueIous, double goodIou) {
        if (scores.length != trueIous.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + trueIous.length + " IoUs");
        }
        int n = scores.length;
        Integer[] order = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<Step> steps = new ArrayList<>();
        int published = 0;
        int good = 0;
        for (int k = 0; k < n;) {
            double score = scores[order[k]];
            while (k < n && scores[order[k]] == score) {
                published++;
                good += trueIous[order[k]] >= goodIou ? 1 : 0;
                k++;
            }
            steps.add(new Step(score, published, good));
        }
        return steps;
    }
}
