package dev.cutout.vision.verify;

import ai.djl.translate.TranslateException;
import dev.cutout.vision.data.ImageLoading;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.metrics.Metrics;
import dev.cutout.vision.quality.MaskQualityScorer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs segmenter and verifier on a labelled folder the way the pipeline does (full-resolution refined
 * mask, then its verdict) and pairs every verdict with the mask's true IoU at full resolution.
 */
public final class VerifierEvaluation {

    /**
     * @param limit at most this many photos (0 = all), spread over the folder
     */
    public List<VerifiedMask> run(MaskPredictor predictor, MaskQualityScorer verifier, PairFolder folder, int limit)
            throws IOException, TranslateException {
        return run(predictor, verifier, folder, QualityDataset.Split.ALL, limit);
    }

    /**
     * @param split which of the folder's photos: all, or those a segmenter training run on it held out
     *              (the verifier's calibration photos) or trained on
     * @param limit at most this many of them (0 = all), spread over the folder
     */
    public List<VerifiedMask> run(MaskPredictor predictor, MaskQualityScorer verifier, PairFolder folder,
            QualityDataset.Split split, int limit) throws IOException, TranslateException {
        List<PairFolder.Pair> pairs = QualityDataset.select(folder, split, limit);
        List<VerifiedMask> verified = new ArrayList<>(pairs.size());
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("verify " + folder.name())
                .setInitialMax(pairs.size()).setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            for (PairFolder.Pair pair : pairs) {
                BufferedImage photo = ImageLoading.read(pair.image());
                AlphaMask truth = AlphaMask.read(pair.mask(), 0.5f);
                if (truth.width() != photo.getWidth() || truth.height() != photo.getHeight()) {
                    throw new IOException("mask and photo sizes differ for " + pair.name());
                }
                AlphaMask predicted = predictor.segment(photo);
                verified.add(new VerifiedMask(pair.name(), folder.name(), Metrics.iou(predicted, truth),
                        verifier.assess(photo, predicted)));
                bar.step();
            }
        }
        return verified;
    }
}
