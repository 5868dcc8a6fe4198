package dev.cutout.vision.eval;

import ai.djl.translate.TranslateException;
import dev.cutout.vision.data.ImageLoading;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.metrics.MaskEvaluator;
import dev.cutout.vision.metrics.RunMetrics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Scores a segmenter on a labelled folder at the photos' full resolution, the way a studio sees
 * its cutouts: the refined mask against the retoucher's mask, pixel for pixel.
 */
public final class SegmenterEvaluation {

    private final MaskEvaluator evaluator = new MaskEvaluator();

    /**
     * @param limit evaluate at most this many pairs (0 = all), taken evenly across the folder
     */
    public RunMetrics run(MaskPredictor predictor, PairFolder folder, int limit) throws IOException, TranslateException {
        List<PairFolder.Pair> pairs = spread(folder.pairs(), limit);
        RunMetrics metrics = new RunMetrics();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("eval " + folder.name())
                .setInitialMax(pairs.size()).setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            for (PairFolder.Pair pair : pairs) {
                BufferedImage photo = ImageLoading.read(pair.image());
                AlphaMask truth = AlphaMask.read(pair.mask(), 0.5f);
                if (truth.width() != photo.getWidth() || truth.height() != photo.getHeight()) {
                    throw new IOException("mask and photo sizes differ for " + pair.name());
                }
                metrics.add(evaluator.score(pair.name(), predictor.segment(photo), truth));
                bar.step();
            }
        }
        return metrics;
    }

    /** Every k-th pair so a limited run still covers all cars / all kinds of photo. */
    public static List<PairFolder.Pair> spread(List<PairFolder.Pair> pairs, int limit) {
        if (limit <= 0 || limit >= pairs.size()) {
            return pairs;
        }
        double step = pairs.size() / (double) limit;
        return java.util.stream.IntStream.range(0, limit).mapToObj(i -> pairs.get((int) (i * step))).toList();
    }
}
