package dev.cutout.vision.verify;

import ai.djl.translate.TranslateException;
import dev.cutout.vision.data.ImageLoading;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.eval.SegmenterEvaluation;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.metrics.Confusion;
import dev.cutout.vision.train.ValidationSplit;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Makes the quality network's labelled examples from image/mask folders: the segmenter's own mask of
 * every photo with its true IoU, plus masks damaged on purpose the ways real masks fail, so that bad
 * cases are not rare. Damage is applied to the true mask or to the prediction, at the working
 * resolution.
 */
public final class QualityDataset {

    /** Which photos of a folder: those the segmenter trained on, or those its training held out. */
    public enum Split {
        /** The segmenter's training groups: its masks there are better than on new photos. */
        SEGMENTER_TRAINING,
        /** The groups the segmenter's run held out ({@link ValidationSplit}): masks as on new photos. */
        SEGMENTER_HELD_OUT,
        /** Every photo of the folder (a folder the segmenter never trained on). */
        ALL
    }

    /** Share of damaged masks made from the true mask; the rest start from the prediction. */
    static final double DAMAGE_TRUTH_SHARE = 0.6;

    private final MaskPredictor predictor;
    private final MaskDamager damager = new MaskDamager();
    private final int damagedPerPhoto;
    private final long seed;

    /**
     * @param damagedPerPhoto damaged masks made per photo, besides the prediction
     */
    public QualityDataset(MaskPredictor predictor, int damagedPerPhoto, long seed) {
        this.predictor = predictor;
        this.damagedPerPhoto = damagedPerPhoto;
        this.seed = seed;
    }

    /** The photos of {@code folder} in {@code split}, at most {@code limit} (0 = all) spread over the folder. */
    public static List<PairFolder.Pair> select(PairFolder folder, Split split, int limit) throws IOException {
        List<PairFolder.Pair> pairs = folder.pairs();
        if (split != Split.ALL) {
            Set<String> heldOut = ValidationSplit.heldOutGroups(pairs.stream().map(PairFolder.Pair::group).toList(),
                    ValidationSplit.DEFAULT_PERCENT);
            boolean wantHeldOut = split == Split.SEGMENTER_HELD_OUT;
            pairs = pairs.stream().filter(p -> heldOut.contains(p.group()) == wantHeldOut).toList();
        }
        return SegmenterEvaluation.spread(pairs, limit);
    }

    /** Samples of every selected photo, with a progress bar on stderr. */
    public List<QualitySample> build(PairFolder folder, Split split, int limit) throws IOException, TranslateException {
        List<PairFolder.Pair> pairs = select(folder, split, limit);
        List<QualitySample> samples = new ArrayList<>();
        Random random = new Random(seed ^ folder.name().hashCode() ^ split.ordinal());
        AlphaMask donor = null;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("samples " + folder.name())
                .setInitialMax(pairs.size()).setStyle(ProgressBarStyle.ASCII).continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            for (PairFolder.Pair pair : pairs) {
                BufferedImage photo = ImageLoading.read(pair.image());
                AlphaMask truth = AlphaMask.read(pair.mask(), 0.5f);
                if (truth.width() != photo.getWidth() || truth.height() != photo.getHeight()) {
                    throw new IOException("mask and photo sizes differ for " + pair.name());
                }
                AlphaMask predicted = predictor.segment(photo);
                samples.addAll(of(pair.name(), photo, truth, predicted, donor, random));
                donor = truth;
                bar.step();
            }
        }
        return samples;
    }

    /** The prediction's sample and the damaged ones for one photo. */
    List<QualitySample> of(String name, BufferedImage photo, AlphaMask truth, AlphaMask predicted, AlphaMask donor,
            Random random) {
        List<QualitySample> samples = new ArrayList<>();
        Confusion full = Confusion.of(predicted, truth);
        QualityView view = QualityView.of(photo, predicted);
        samples.add(QualitySample.of(name, QualitySample.PREDICTION, QualityInputs.of(view), full.iou(),
                QualityLabel.of(full, null)));
        AlphaMask smallTruth = truth.resize(view.width(), view.height());
        AlphaMask smallDonor = donor == null ? smallTruth : donor;
        MaskDamage[] damages = MaskDamage.values();
        for (int i = 0; i < damagedPerPhoto; i++) {
            MaskDamage damage = damages[random.nextInt(damages.length)];
            AlphaMask base = random.nextDouble() < DAMAGE_TRUTH_SHARE ? smallTruth : view.mask();
            AlphaMask damaged = damager.apply(damage, base, smallDonor, random);
            Confusion confusion = Confusion.of(damaged, smallTruth);
            samples.add(QualitySample.of(name, damage.name(), QualityInputs.of(view.withMask(damaged)),
                    confusion.iou(), QualityLabel.of(confusion, damage)));
        }
        return samples;
    }
}
