package dev.cutout.vision.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;
import dev.cutout.vision.data.LabelledImage;
import dev.cutout.vision.infer.EdgeRefiner;
import dev.cutout.vision.infer.EdgeRefinerInput;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.AlphaMask;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.metrics.MaskEvaluator;
import dev.cutout.vision.metrics.RunMetrics;
import dev.cutout.vision.metrics.RunSummary;
import dev.cutout.vision.model.EdgeRefinerNet;
import dev.cutout.vision.model.SegmenterModels;
import dev.cutout.vision.model.U2NetSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an {@link EdgeRefinerNet} to sharpen a segmenter's masks: the raw masks of the training photos
 * by the serving segmenter and any weaker ones (inferred once and cached; each patch draws one), brought to the working resolution by the guided filter
 * as at inference, cut into patches around their uncertain edges, and supervised with the true masks
 * (binary cross-entropy). Adam with warm-up and cosine decay, a checkpoint after every epoch (a run
 * resumes from it), and after each epoch the held-out photos (the groups the segmenter never saw)
 * scored at the working resolution before and after refinement; the best epoch is released with its card.
 */
public final class EdgeRefinerTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(EdgeRefinerTrainer.class);

    private final EdgeTrainingConfig config;

    public EdgeRefinerTrainer(EdgeTrainingConfig config) {
        this.config = config;
    }

    /** What a run produced: the best epoch's validation IoU after refinement and that of the coarse masks. */
    public record Result(List<EpochRecord> history, double bestIou, double coarseIou) {}

    /** Runs (or resumes) training to the configured number of epochs. */
    public Result run() throws IOException, InterruptedException, TranslateException {
        TrainingData data = TrainingData.load(config.folders(), config.workingSide(), ValidationSplit.DEFAULT_PERCENT);
        LOG.info("training on {} images, validating on {}", data.trainCount(), data.validationCount());
        Map<LabelledImage, List<AlphaMask>> raw = rawMasks(data);
        List<HeldOut> validation = heldOut(data, raw);
        double coarseIou = coarseScores(validation).meanIou();
        LOG.info("coarse masks (guided filter alone) on {} held-out images: iou={}", validation.size(), fmt(coarseIou));

        Checkpoints checkpoints = new Checkpoints(config.checkpointDir());
        TrainingState state = checkpoints.state();
        int totalSteps = config.batchesPerEpoch() * config.epochs();
        int warmupSteps = config.batchesPerEpoch() / 4;
        int size = config.patchSize();
        try (Model model = Model.newInstance(EdgeRefiner.DEFAULT_NAME, "PyTorch")) {
            EdgeRefinerNet net = new EdgeRefinerNet(EdgeRefiner.DEFAULT_WIDTH);
            model.setBlock(net);
            if (checkpoints.exist()) {
                SegmenterModels.loadWeights(model, checkpoints.latest());
                LOG.info("resuming after epoch {} from {}", state.epochsDone(), checkpoints.dir());
            }
            DefaultTrainingConfig trainingConfig = new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
                    .optInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                            XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT)
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(new LearningRateSchedule(
                            config.learningRate(), warmupSteps, totalSteps, state.stepsDone())).build());
            try (Trainer trainer = model.newTrainer(trainingConfig)) {
                trainer.initialize(new Shape(config.batchSize(), EdgeRefinerNet.INPUT_CHANNELS, size, size));
                LearningRateSchedule schedule = new LearningRateSchedule(config.learningRate(), warmupSteps,
                        totalSteps, 0);
                int steps = state.stepsDone();
                int batchesLeft = config.maxBatches() > 0 ? config.maxBatches() : Integer.MAX_VALUE;
                for (int epoch = state.epochsDone() + 1; epoch <= config.epochs() && batchesLeft > 0; epoch++) {
                    long start = System.nanoTime();
                    int batches = Math.min(config.batchesPerEpoch(), batchesLeft);
                    double loss = trainEpoch(trainer, data, raw, epoch, batches);
                    batchesLeft -= batches;
                    steps += batches;
                    RunSummary refined = refinedScores(trainer, validation);
                    EpochRecord record = new EpochRecord(epoch, loss, refined.meanIou(), refined.meanMae(),
                            refined.maxF(), schedule.at(steps), (System.nanoTime() - start) / 1e9);
                    LOG.info("epoch {}/{}: loss={} held-out iou={} (coarse {}) mae={} ({} s)", epoch, config.epochs(),
                            fmt(loss), fmt(refined.meanIou()), fmt(coarseIou), fmt(refined.meanMae()),
                            Math.round(record.seconds()));
                    boolean best = Double.isNaN(refined.meanIou()) || refined.meanIou() > state.bestIou();
                    state = state.after(record, steps);
                    checkpoints.save(model, state);
                    if (best) {
                        release(model, net, data, state, coarseIou);
                    }
                }
            }
        }
        return new Result(state.history(), state.bestIou(), coarseIou);
    }

    /** Every segmenter's raw mask of every image, the serving segmenter's first. */
    private Map<LabelledImage, List<AlphaMask>> rawMasks(TrainingData data) throws IOException, TranslateException {
        Map<LabelledImage, List<AlphaMask>> raw = new IdentityHashMap<>();
        List<Path> segmenters = config.segmenters().isEmpty() ? java.util.Collections.singletonList(null)
                : config.segmenters();
        for (int k = 0; k < segmenters.size(); k++) {
            Path params = segmenters.get(k);
            String label = k + "-" + (params == null ? "default" : SegmenterModels.nameOf(params));
            try (SegmenterModel segmenter = params == null ? SegmenterModel.loadDefault(config.segmenterInputSize())
                            : SegmenterModel.load(params, U2NetSize.SMALL, config.segmenterInputSize(), Device.cpu());
                    MaskPredictor predictor = segmenter.newPredictor(RefineOptions.defaults())) {
                for (TrainingData.Source source : data.sources()) {
                    List<LabelledImage> all = new ArrayList<>(source.train());
                    all.addAll(source.validation());
                    Map<LabelledImage, AlphaMask> masks = CoarseMasks.of(all, predictor, config.checkpointDir()
                            .resolve("raw-masks").resolve(label).resolve(source.folder().name()),
                            "segmenter " + label + " on " + source.folder().name());
                    masks.forEach((image, mask) -> raw.computeIfAbsent(image, i -> new ArrayList<>()).add(mask));
                }
            }
        }
        return raw;
    }

    private double trainEpoch(Trainer trainer, TrainingData data, Map<LabelledImage, List<AlphaMask>> raw, int epoch,
            int batches) throws InterruptedException {
        int size = config.patchSize();
        int batchSize = config.batchSize();
        int inputLength = EdgePatches.inputLength(size);
        EdgePatches cutter = new EdgePatches(size);
        try (BatchProducer producer = new BatchProducer(random -> {
                    float[] inputs = new float[batchSize * inputLength];
                    float[] targets = new float[batchSize * size * size];
                    for (int i = 0; i < batchSize; ) {
                        LabelledImage image = data.draw(random);
                        List<AlphaMask> masks = raw.get(image);
                        for (EdgePatches.Patch patch : cutter.cut(image, masks.get(random.nextInt(masks.size())),
                                Math.min(config.patchesPerImage(), batchSize - i), random)) {
                            System.arraycopy(patch.input(), 0, inputs, i * inputLength, inputLength);
                            System.arraycopy(patch.target(), 0, targets, i * size * size, size * size);
                            i++;
                        }
                    }
                    return new BatchProducer.Batch(batchSize, size, inputs, targets);
                }, batches, config.seed() * 1_000_003L + epoch)) {
            return EpochLoop.run(trainer, producer, EdgeRefinerNet.INPUT_CHANNELS, batches, epoch);
        }
    }

    /** A held-out photo with the serving segmenter's coarse mask and the truth, prepared once for every epoch. */
    private record HeldOut(LabelledImage image, AlphaMask coarse, AlphaMask truth) {}

    private List<HeldOut> heldOut(TrainingData data, Map<LabelledImage, List<AlphaMask>> raw) {
        List<HeldOut> images = new ArrayList<>();
        for (TrainingData.Source source : data.sources()) {
            List<LabelledImage> held = source.validation();
            for (LabelledImage image : held.subList(0, Math.min(config.validationLimit(), held.size()))) {
                images.add(new HeldOut(image, EdgePatches.coarse(image, raw.get(image).get(0), null), truth(image)));
            }
        }
        return images;
    }

    private static RunSummary coarseScores(List<HeldOut> images) {
        RunMetrics metrics = new RunMetrics();
        MaskEvaluator evaluator = new MaskEvaluator();
        for (HeldOut held : images) {
            metrics.add(evaluator.score(held.image().name(), held.coarse(), held.truth()));
        }
        return metrics.summary();
    }

    private static RunSummary refinedScores(Trainer trainer, List<HeldOut> images) {
        RunMetrics metrics = new RunMetrics();
        MaskEvaluator evaluator = new MaskEvaluator();
        for (HeldOut held : images) {
            LabelledImage image = held.image();
            float[] planes = EdgeRefinerInput.planes(image.rgb(), held.coarse().values(), image.width(), image.height());
            float[] refined;
            try (NDManager scope = trainer.getManager().newSubManager()) {
                NDArray x = scope.create(planes,
                        new Shape(1, EdgeRefinerNet.INPUT_CHANNELS, image.height(), image.width()));
                refined = trainer.evaluate(new NDList(x)).get(0).getNDArrayInternal().sigmoid().toFloatArray();
            }
            AlphaMask sharp = EdgeRefiner.confined(held.coarse(), AlphaMask.of(image.width(), image.height(), refined));
            metrics.add(evaluator.score(image.name(), sharp, held.truth()));
        }
        return metrics.summary();
    }

    private static AlphaMask truth(LabelledImage image) {
        float[] values = new float[image.width() * image.height()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (image.mask()[i] & 0xFF) >= 128 ? 1f : 0f;
        }
        return AlphaMask.of(image.width(), image.height(), values);
    }

    private void release(Model model, EdgeRefinerNet net, TrainingData data, TrainingState state, double coarseIou)
            throws IOException {
        SegmenterModels.saveWeights(model, config.outputDir(), EdgeRefiner.DEFAULT_NAME);
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("segmenters", config.segmenters().isEmpty() ? List.of("shipped default")
                : config.segmenters().stream().map(Path::toString).toList());
        schedule.put("patchSize", config.patchSize());
        schedule.put("batchSize", config.batchSize());
        schedule.put("patchesPerImage", config.patchesPerImage());
        schedule.put("batchesPerEpoch", config.batchesPerEpoch());
        schedule.put("epochs", config.epochs());
        schedule.put("epochsDone", state.epochsDone());
        schedule.put("optimizer", "Adam");
        schedule.put("learningRate", config.learningRate());
        schedule.put("decay", "cosine to 5%");
        schedule.put("loss", "BCE on patches, 85% centred on uncertain or wrong coarse pixels");
        schedule.put("augmentation", "segmenter mask shifted up to 1 px of its grid (half the time), mirror");
        schedule.put("heldOutCoarseIou", coarseIou);
        ModelCard card = new ModelCard(EdgeRefiner.DEFAULT_NAME, "epoch-" + state.epochsDone(), net.toString(),
                SegmenterModels.parameterCount(net), config.workingSide(), null, data.describe(), schedule, state.history(),
                null, ModelCard.RESEARCH_NOTICE);
        card.write(config.outputDir());
        LOG.info("released {} (epoch {}) to {}", EdgeRefiner.DEFAULT_NAME, state.epochsDone(), config.outputDir());
    }

    private static String fmt(double v) {
        return String.format("%.4f", v);
    }
}
