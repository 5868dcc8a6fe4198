package dev.cutout.vision.train;

import ai.djl.Model;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.optimizer.Optimizer;
import dev.cutout.vision.data.Augmenter;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.model.U2Net;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains a U²-Net segmenter on image/mask folders: augmented batches, deep-supervised loss,
 * Adam with warm-up and cosine decay, validation every epoch, a checkpoint after every epoch
 * (a run resumes from it), and the best model with its card and curve written to the output.
 */
public final class SegmenterTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(SegmenterTrainer.class);

    private final TrainingConfig config;

    public SegmenterTrainer(TrainingConfig config) {
        this.config = config;
    }

    /** Runs (or resumes) training to the configured number of epochs. */
    public TrainingResult run() throws IOException, InterruptedException {
        TrainingData data = TrainingData.load(config.folders(), config.cacheSide(), config.validationPercent());
        LOG.info("training on {} images, validating on {}", data.trainCount(), data.validationCount());
        Checkpoints checkpoints = new Checkpoints(config.checkpointDir());
        TrainingState state = checkpoints.state();
        int batchesPerEpoch = config.samplesPerEpoch() / config.batchSize();
        int totalSteps = batchesPerEpoch * config.epochs();
        int size = config.inputSize();
        String name = SegmenterModels.defaultName(config.size());

        try (Model model = Model.newInstance(name, "PyTorch")) {
            U2Net net = new U2Net(config.size());
            model.setBlock(net);
            if (checkpoints.exist()) {
                SegmenterModels.loadWeights(model, checkpoints.latest());
                LOG.info("resuming after epoch {} ({} steps) from {}", state.epochsDone(), state.stepsDone(),
                        checkpoints.dir());
            } else if (config.initialWeights() != null) {
                SegmenterModels.loadWeights(model, config.initialWeights());
                LOG.info("fine-tuning from {}", config.initialWeights());
            }
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(new SegmentationLoss(config.iouWeight()))
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(new LearningRateSchedule(
                            config.learningRate(), config.warmupSteps(), totalSteps, state.stepsDone())).build());
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(config.batchSize(), 3, size, size));
                LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(), config.warmupSteps(),
                        totalSteps, 0);
                int steps = state.stepsDone();
                int batchesLeft = config.maxBatches() > 0 ? config.maxBatches() : Integer.MAX_VALUE;
                for (int epoch = state.epochsDone() + 1; epoch <= config.epochs() && batchesLeft > 0; epoch++) {
                    long start = System.nanoTime();
                    int batches = Math.min(batchesPerEpoch, batchesLeft);
                    double loss = trainEpoch(trainer, data, epoch, batches, size);
                    batchesLeft -= batches;
                    steps += batches;
                    Validation.Scores scores = Validation.score(trainer, data, size, config.validationLimit());
                    EpochRecord record = new EpochRecord(epoch, loss, scores.iou(), scores.mae(), scores.maxF(),
                            schedule.at(steps), (System.nanoTime() - start) / 1e9);
                    LOG.info("epoch {}/{}: loss={} val iou={} mae={} maxF={} ({} s)", epoch, config.epochs(),
                            fmt(loss), fmt(scores.iou()), fmt(scores.mae()), fmt(scores.maxF()),
                            Math.round(record.seconds()));
                    // Without held-out images every epoch is released; with them, only improvements.
                    boolean best = Double.isNaN(scores.iou()) || scores.iou() > state.bestIou();
                    state = state.after(record, steps);
                    checkpoints.save(model, state);
                    if (best) {
                        release(model, name, net, data, state);
                    }
                }
            }
        }
        return new TrainingResult(config.outputDir(), name, state.history(), state.bestIou());
    }

    private double trainEpoch(Trainer trainer, TrainingData data, int epoch, int batches, int size)
            throws InterruptedException {
        Augmenter augmenter = new Augmenter(size, Augmenter.Recipe.studio());
        try (BatchProducer producer = BatchProducer.ofImages(data, augmenter, config.batchSize(), size, batches,
                config.seed() * 1_000_003L + epoch)) {
            return EpochLoop.run(trainer, producer, 3, batches, epoch);
        }
    }

    private void release(Model model, String name, U2Net net, TrainingData data, TrainingState state)
            throws IOException {
        SegmenterModels.saveWeights(model, config.outputDir(), name);
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("batchSize", config.batchSize());
        schedule.put("epochs", config.epochs());
        schedule.put("epochsDone", state.epochsDone());
        schedule.put("samplesPerEpoch", config.samplesPerEpoch());
        schedule.put("optimizer", "Adam");
        schedule.put("learningRate", config.learningRate());
        schedule.put("warmupSteps", config.warmupSteps());
        schedule.put("decay", "cosine to 5%");
        schedule.put("loss", "deep-supervised BCE + " + config.iouWeight() + " x soft IoU on 7 outputs");
        schedule.put("augmentation", "studio recipe: crop/scale, mirror, studio backgrounds, light-on-light, jitter");
        if (config.initialWeights() != null) {
            schedule.put("fineTunedFrom", startingModel(config.initialWeights()));
        }
        ModelCard card = new ModelCard(name, "epoch-" + state.epochsDone(), "U2Net " + net.size(),
                SegmenterModels.parameterCount(net), config.inputSize(), null, data.describe(), schedule, state.history(),
                null, ModelCard.RESEARCH_NOTICE);
        card.write(config.outputDir());
        TrainingCurvePlot.write(state.history(), config.outputDir().resolve(name + ".curves.png"));
        LOG.info("released {} (epoch {}) to {}", name, state.epochsDone(), config.outputDir());
    }

    /** The model a fine-tuning run started from: its card's name and version, else the weights file's name. */
    private static String startingModel(Path weights) throws IOException {
        ModelCard card = ModelCard.besideWeights(weights);
        return card != null ? card.name() + " " + card.version() : weights.getFileName().toString();
    }

    private static String fmt(double v) {
        return String.format("%.4f", v);
    }

    /** What a run produced: where the best model is, and the epoch history. */
    public record TrainingResult(Path outputDir, String modelName, List<EpochRecord> history, double bestIou) {}
}
