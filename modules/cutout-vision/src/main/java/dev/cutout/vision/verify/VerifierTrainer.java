package dev.cutout.vision.verify;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;
import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.metrics.RankCorrelation;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.train.LearningRateSchedule;
import dev.cutout.vision.train.ModelCard;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the verification model: makes (or reads cached) samples with the given segmenter, trains the
 * quality network, keeps the epoch with the lowest loss on calibration masks, clusters the
 * photos and chooses the publish thresholds per cluster on the calibration masks; writes
 * {@code verifier-0000.params} and {@code verifier.card.json}.
 */
public final class VerifierTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(VerifierTrainer.class);
    static final int WARMUP_STEPS = 50;

    private final VerifierTrainingConfig config;

    public VerifierTrainer(VerifierTrainingConfig config) {
        this.config = config;
    }

    /** What a run produced. */
    public record Result(VerifierCard card, List<QualitySample> calibration) {
    }

    /**
     * @param predictor the segmenter whose masks the verifier learns to judge
     * @param segmenter its name and version, for the card and the sample cache
     */
    public Result run(MaskPredictor predictor, String segmenter) throws IOException, TranslateException {
        List<QualitySample> train = samples(predictor, segmenter, QualityDataset.Split.SEGMENTER_TRAINING,
                config.trainPhotos(), config.damagedPerPhoto());
        List<QualitySample> calibration = samples(predictor, segmenter, QualityDataset.Split.SEGMENTER_HELD_OUT,
                config.calibrationPhotos(), 0);
        LOG.info("training on {} masks ({} predictions), calibrating on {} predictions", train.size(),
                train.stream().filter(QualitySample::isPrediction).count(), calibration.size());
        FeatureScaler scaler = FeatureScaler.fit(train.stream().map(QualitySample::features).toList());
        String name = VerifierModel.DEFAULT_NAME;
        List<VerifierCard.Epoch> history = new ArrayList<>();
        long parameters;
        double[] calibrationScores;
        try (Model model = Model.newInstance(name, "PyTorch")) {
            QualityNet net = new QualityNet();
            model.setBlock(net);
            int batches = (train.size() + config.batchSize() - 1) / config.batchSize();
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(new QualityLoss())
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(new LearningRateSchedule(
                            config.learningRate(), WARMUP_STEPS, batches * config.epochs(), 0)).build());
            double best = Double.POSITIVE_INFINITY;
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(config.batchSize(), QualityInputs.CHANNELS, QualityInputs.INPUT_SIDE,
                        QualityInputs.INPUT_SIDE), new Shape(config.batchSize(), QualityInputs.FEATURE_NAMES.size()));
                List<float[]> trainFeatures = train.stream().map(s -> scaler.apply(s.features())).toList();
                Random random = new Random(config.seed());
                for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                    long start = System.nanoTime();
                    double loss = trainEpoch(trainer, train, trainFeatures, random, epoch);
                    double[] scores = scores(model, trainer.getManager(), calibration, scaler);
                    double[] truth = calibration.stream().mapToDouble(QualitySample::trueIou).toArray();
                    double calibrationLoss = calibrationLoss(scores, truth);
                    double spearman = RankCorrelation.spearman(scores, truth);
                    double mae = meanAbsoluteError(scores, truth);
                    history.add(new VerifierCard.Epoch(epoch, loss, calibrationLoss, spearman, mae,
                            (System.nanoTime() - start) / 1e9));
                    LOG.info("epoch {}/{}: loss={} calibration loss={} spearman={} mae={}", epoch, config.epochs(),
                            fmt(loss), fmt(calibrationLoss), fmt(spearman), fmt(mae));
                    // The loss, not the rank correlation, picks the epoch: on a few hundred masks the
                    // correlation jumps by hundredths from epoch to epoch and once chose the first.
                    // Without calibration masks (NaN loss) every epoch is kept: the last one stands.
                    if (!(calibrationLoss >= best)) {
                        best = calibrationLoss;
                        SegmenterModels.saveWeights(model, config.outputDir(), name);
                    }
                }
            }
            parameters = SegmenterModels.parameterCount(net);
            loadBest(model, name);
            calibrationScores = scores(model, model.getNDManager(), calibration, scaler);
        }
        ProductClusters clusters = ProductClusters.fit(train.stream().filter(QualitySample::isPrediction)
                .map(QualitySample::clusterFeatures).toList(), config.clusters(), config.seed());
        PublishPolicy policy = choosePolicy(calibrationScores, calibration, clusters);
        VerifierCard card = card(name, parameters, scaler, clusters, policy, segmenter, history, train, calibration);
        card.write(config.outputDir());
        LOG.info("released {} v{} to {}: overall threshold {} publishes {} of {} calibration masks", name,
                config.version(), config.outputDir(), fmt(policy.overall().threshold()),
                policy.overall().published(), policy.overall().calibrationMasks());
        return new Result(card, calibration);
    }

    private void loadBest(Model model, String name) throws IOException {
        try {
            model.load(config.outputDir(), name);
        } catch (ai.djl.MalformedModelException e) {
            throw new IOException("could not read back the best epoch's weights: " + e.getMessage(), e);
        }
    }

    private List<QualitySample> samples(MaskPredictor predictor, String segmenter, QualityDataset.Split split,
            int limit, int damaged) throws IOException, TranslateException {
        List<QualitySample> all = new ArrayList<>();
        QualityDataset dataset = new QualityDataset(predictor, damaged, config.seed());
        for (PairFolder folder : config.folders()) {
            String key = String.join("|", folder.images().toAbsolutePath().toString(), split.name(),
                    String.valueOf(limit), String.valueOf(damaged), String.valueOf(config.seed()), segmenter,
                    QualityInputs.INPUT_SIDE + "/" + QualityView.WORKING_SIDE + "/" + QualityInputs.FEATURE_NAMES);
            java.nio.file.Path file = config.workDir().resolve(folder.name() + "-" + split.name().toLowerCase()
                    + ".samples");
            List<QualitySample> samples = QualitySampleFile.read(file, key).orElse(null);
            if (samples == null) {
                samples = dataset.build(folder, split, limit);
                QualitySampleFile.write(file, key, samples);
            } else {
                LOG.info("read {} cached samples from {}", samples.size(), file);
            }
            all.addAll(samples);
        }
        return all;
    }

    private double trainEpoch(Trainer trainer, List<QualitySample> train, List<float[]> features, Random random,
            int epoch) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int batches = (order.size() + config.batchSize() - 1) / config.batchSize();
        int classes = QualityLabel.values().length;
        double lossSum = 0;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("verifier epoch " + epoch).setInitialMax(batches)
                .setStyle(ProgressBarStyle.ASCII).continuousUpdate().setUnit(" batches", 1).build()) {
            for (int b = 0; b < batches; b++) {
                List<Integer> batch = order.subList(b * config.batchSize(),
                        Math.min(order.size(), (b + 1) * config.batchSize()));
                int n = batch.size();
                List<float[]> images = new ArrayList<>(n);
                List<float[]> rows = new ArrayList<>(n);
                float[] iou = new float[n];
                float[] oneHot = new float[n * classes];
                for (int i = 0; i < n; i++) {
                    QualitySample sample = train.get(batch.get(i));
                    images.add(sample.image());
                    rows.add(features.get(batch.get(i)));
                    iou[i] = QualityNet.errorScale(sample.trueIou());
                    oneHot[i * classes + sample.label().ordinal()] = 1f;
                }
                float loss;
                try (NDManager scope = trainer.getManager().newSubManager()) {
                    NDArray x = scope.create(QualityPredictions.flatten(images, 0, n),
                            new Shape(n, QualityInputs.CHANNELS, QualityInputs.INPUT_SIDE, QualityInputs.INPUT_SIDE));
                    NDArray f = scope.create(QualityPredictions.flatten(rows, 0, n),
                            new Shape(n, QualityInputs.FEATURE_NAMES.size()));
                    NDList labels = new NDList(scope.create(iou), scope.create(oneHot, new Shape(n, classes)));
                    try (GradientCollector collector = trainer.newGradientCollector()) {
                        NDList output = trainer.forward(new NDList(x, f));
                        NDArray value = trainer.getLoss().evaluate(labels, output);
                        collector.backward(value);
                        loss = value.getFloat();
                    }
                    trainer.step();
                }
                if (!Float.isFinite(loss)) {
                    throw new IllegalStateException("verifier training diverged: loss " + loss + " at epoch " + epoch);
                }
                lossSum += loss;
                bar.step();
                bar.setExtraMessage(String.format(" loss %.4f", lossSum / (b + 1)));
            }
        }
        return lossSum / batches;
    }

    private static double[] scores(Model model, NDManager manager, List<QualitySample> samples, FeatureScaler scaler) {
        List<float[]> images = samples.stream().map(QualitySample::image).toList();
        List<float[]> features = samples.stream().map(s -> scaler.apply(s.features())).toList();
        return QualityPredictions.run(model.getBlock(), manager, images, features).stream()
                .mapToDouble(QualityPredictions.Prediction::iou).toArray();
    }

    /** Publish thresholds per cluster on the calibration masks; small clusters take the overall one. */
    PublishPolicy choosePolicy(double[] scores, List<QualitySample> calibration, ProductClusters clusters) {
        double[] truth = calibration.stream().mapToDouble(QualitySample::trueIou).toArray();
        PublishThresholds.Choice all = PublishThresholds.choose(scores, truth, QualityLabel.GOOD_IOU,
                config.targetPrecision(), config.confidence());
        PublishPolicy.Threshold overall = new PublishPolicy.Threshold(-1, "all", all.threshold(), all.total(),
                all.published(), all.precision(), all.supported(), false);
        if (all.threshold() >= 1.0) {
            logClosest(scores, truth);
        }
        List<PublishPolicy.Threshold> perCluster = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < calibration.size(); i++) {
                if (clusters.assign(calibration.get(i).clusterFeatures()) == c) {
                    members.add(i);
                }
            }
            double[] s = members.stream().mapToDouble(i -> scores[i]).toArray();
            double[] t = members.stream().mapToDouble(i -> truth[i]).toArray();
            boolean tooFew = members.size() < PublishPolicy.MIN_CLUSTER_MASKS;
            PublishThresholds.Choice used = tooFew
                    ? PublishThresholds.at(all.threshold(), s, t, QualityLabel.GOOD_IOU, config.confidence())
                    : PublishThresholds.choose(s, t, QualityLabel.GOOD_IOU, config.targetPrecision(),
                            config.confidence());
            perCluster.add(new PublishPolicy.Threshold(c, clusters.label(c), used.threshold(), members.size(),
                    used.published(), used.precision(), used.supported(), tooFew));
        }
        return new PublishPolicy(QualityLabel.GOOD_IOU, config.targetPrecision(), config.confidence(), overall,
                perCluster);
    }

    /** How far the calibration masks are from a publish threshold: for the operator when none is found. */
    private void logClosest(double[] scores, double[] truth) {
        PublishThresholds.mostPrecise(scores, truth, QualityLabel.GOOD_IOU, config.confidence())
                .ifPresent(closest -> LOG.info("no threshold shows precision {} at confidence {} on the calibration"
                        + " masks; the closest: precision {} observed, {} supported, at score {} ({} of {} published)",
                        config.targetPrecision(), config.confidence(),
                        String.format(Locale.ROOT, "%.3f", closest.precision()),
                        String.format(Locale.ROOT, "%.3f", closest.supported()),
                        String.format(Locale.ROOT, "%.4f", closest.threshold()), closest.published(), closest.total()));
    }

    private VerifierCard card(String name, long parameters, FeatureScaler scaler, ProductClusters clusters,
            PublishPolicy policy, String segmenter, List<VerifierCard.Epoch> history, List<QualitySample> train,
            List<QualitySample> calibration) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("epochs", config.epochs());
        schedule.put("batchSize", config.batchSize());
        schedule.put("optimizer", "Adam");
        schedule.put("learningRate", config.learningRate());
        schedule.put("warmupSteps", WARMUP_STEPS);
        schedule.put("decay", "cosine to 5%");
        schedule.put("loss", "BCE of predicted vs true IoU on the log-error scale + " + QualityLoss.CLASS_WEIGHT + " x problem-class CE");
        schedule.put("damagedPerPhoto", config.damagedPerPhoto());
        schedule.put("selection", "epoch with the lowest loss on calibration masks");
        List<String> data = new ArrayList<>();
        for (PairFolder folder : config.folders()) {
            data.add(folder.name());
        }
        data.add(train.size() + " training masks (" + train.stream().filter(QualitySample::isPrediction).count()
                + " segmenter predictions on its training photos, the rest damaged on purpose)");
        data.add(calibration.size() + " calibration masks: segmenter predictions on the photos its training held out");
        return new VerifierCard(name, config.version(), QualityNet.ARCHITECTURE, parameters, QualityView.WORKING_SIDE,
                QualityInputs.INPUT_SIDE, QualityInputs.FEATURE_NAMES, scaler.means(), scaler.scales(),
                clusters.snapshot(), policy, segmenter, data, schedule, history, null, ModelCard.RESEARCH_NOTICE);
    }

    /**
     * The IoU head's loss on masks it did not train on: binary cross-entropy of the predicted against the
     * true IoU, both on the log-error scale the head learns on ({@link QualityNet#errorScale}).
     */
    static double calibrationLoss(double[] predicted, double[] truth) {
        double sum = 0;
        for (int i = 0; i < predicted.length; i++) {
            double p = Math.min(1 - 1e-6, Math.max(1e-6, QualityNet.errorScale(predicted[i])));
            double t = QualityNet.errorScale(truth[i]);
            sum -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
        }
        return predicted.length == 0 ? Double.NaN : sum / predicted.length;
    }

    static double meanAbsoluteError(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs(a[i] - b[i]);
        }
        return a.length == 0 ? Double.NaN : sum / a.length;
    }

    private static String fmt(double v) {
        return String.format("%.4f", v);
    }
}
