package dev.cutout.cli;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.model.U2NetSize;
import dev.cutout.vision.train.EpochRecord;
import dev.cutout.vision.train.SegmenterTrainer;
import dev.cutout.vision.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutout train}: trains (or resumes training) a segmenter on image/mask folders. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a U2Net segmenter on DIR/images + DIR/masks folders; resumes from its checkpoint.")
final class TrainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR[:WEIGHT]",
            description = "Training folder with images/ and masks/, optionally weighted; repeatable.")
    List<String> data;

    @Option(names = "--model-size", defaultValue = "small", description = "small or full. Default: ${DEFAULT-VALUE}.")
    U2NetSize size;

    @Option(names = "--input-size", defaultValue = "160", description = "Training input size in px. Default: ${DEFAULT-VALUE}.")
    int inputSize;

    @Option(names = "--batch-size", defaultValue = "8", description = "Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--epochs", defaultValue = "40", description = "Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--samples-per-epoch", defaultValue = "800", description = "Default: ${DEFAULT-VALUE}.")
    int samplesPerEpoch;

    @Option(names = "--lr", defaultValue = "0.002", description = "Peak Adam learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate;

    @Option(names = "--warmup-steps", defaultValue = "150", description = "Default: ${DEFAULT-VALUE}.")
    int warmupSteps;

    @Option(names = "--cache-side", defaultValue = "" + TrainingConfig.DEFAULT_CACHE_SIDE,
            description = "Longest side images are held at in memory. Default: ${DEFAULT-VALUE}.")
    int cacheSide;

    @Option(names = "--validation-percent", defaultValue = "5",
            description = "Share of groups (cars, photos) held out for validation. Default: ${DEFAULT-VALUE}.")
    int validationPercent;

    @Option(names = "--validation-limit", defaultValue = "32",
            description = "Held-out photos scored per folder and epoch. Default: ${DEFAULT-VALUE}.")
    int validationLimit;

    @Option(names = "--checkpoint-dir", defaultValue = "runs/segmenter/checkpoints",
            description = "Checkpoints; a run resumes from here. Default: ${DEFAULT-VALUE}.")
    Path checkpointDir;

    @Option(names = {"-o", "--output"}, defaultValue = "runs/segmenter/release",
            description = "Best model, card and curves. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--init", paramLabel = "PARAMS", description = "Start from these weights (fine-tuning).")
    Path init;

    @Option(names = "--max-batches", defaultValue = "0",
            description = "Stop after N batches in total (smoke runs); 0 = no limit.")
    int maxBatches;

    @Option(names = "--seed", defaultValue = "7")
    long seed;

    @Override
    public Integer call() throws Exception {
        List<PairFolder> folders = data.stream().map(PairFolder::parse).toList();
        TrainingConfig config;
        try {
            config = new TrainingConfig(folders, size, inputSize, batchSize, epochs, samplesPerEpoch, learningRate,
                    warmupSteps, 1f, cacheSide, validationPercent, validationLimit, checkpointDir, output, seed,
                    maxBatches, init);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        SegmenterTrainer.TrainingResult result = new SegmenterTrainer(config).run();
        var out = spec.commandLine().getOut();
        for (EpochRecord r : result.history()) {
            out.printf(Locale.ROOT, "epoch %d loss=%.4f val_iou=%.4f val_mae=%.4f val_maxF=%.4f%n", r.epoch(),
                    r.trainLoss(), r.validationIou(), r.validationMae(), r.validationMaxF());
        }
        out.printf(Locale.ROOT, "best val_iou=%.4f; model in %s%n", result.bestIou(), result.outputDir());
        out.flush();
        return 0;
    }
}
