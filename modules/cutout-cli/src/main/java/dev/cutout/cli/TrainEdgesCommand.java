package dev.cutout.cli;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.train.EdgeRefinerTrainer;
import dev.cutout.vision.train.EdgeTrainingConfig;
import dev.cutout.vision.train.EpochRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutout train-edges}: trains (or resumes training) the edge refiner on a segmenter's masks. */
@Command(name = "train-edges", mixinStandardHelpOptions = true,
        description = "Trains the edge refiner that sharpens a segmenter's masks at a working resolution, on "
                + "DIR/images + DIR/masks folders; resumes from its checkpoint.")
final class TrainEdgesCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR[:WEIGHT]",
            description = "Training folder with images/ and masks/, optionally weighted; repeatable.")
    List<String> data;

    @Option(names = "--model", paramLabel = "PARAMS",
            description = "A segmenter whose masks it learns from; repeatable. The first is the one it will serve "
                    + "(and is validated with); earlier snapshots of the same run add the errors a segmenter makes "
                    + "on photos it never saw. Default: the shipped model.")
    List<Path> models = List.of();

    @Option(names = "--input-size", defaultValue = "0",
            description = "The segmenter's input size; 0 = its card's serving size. Default: ${DEFAULT-VALUE}.")
    int inputSize;

    @Option(names = "--epochs", defaultValue = "6", description = "Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batches-per-epoch", defaultValue = "400", description = "Default: ${DEFAULT-VALUE}.")
    int batchesPerEpoch;

    @Option(names = "--patch-size", defaultValue = "128", description = "Training patch side in working px. Default: ${DEFAULT-VALUE}.")
    int patchSize;

    @Option(names = "--batch-size", defaultValue = "12", description = "Patches per batch. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--validation-limit", defaultValue = "40",
            description = "Held-out photos scored per folder and epoch. Default: ${DEFAULT-VALUE}.")
    int validationLimit;

    @Option(names = "--checkpoint-dir", defaultValue = "runs/edges/checkpoints",
            description = "Checkpoints and the cached segmenter masks; a run resumes from here. Default: ${DEFAULT-VALUE}.")
    Path checkpointDir;

    @Option(names = {"-o", "--output"}, defaultValue = "runs/edges/release",
            description = "Best refiner and its card. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--max-batches", defaultValue = "0",
            description = "Stop after N batches in total (smoke runs); 0 = no limit.")
    int maxBatches;

    @Override
    public Integer call() throws Exception {
        List<PairFolder> folders = data.stream().map(PairFolder::parse).toList();
        EdgeTrainingConfig config;
        try {
            config = EdgeTrainingConfig.defaults(folders, checkpointDir, output)
                    .withSegmenters(models, inputSize)
                    .withSchedule(batchesPerEpoch, epochs, maxBatches)
                    .withPatches(patchSize, batchSize)
                    .withValidationLimit(validationLimit);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        EdgeRefinerTrainer.Result result = new EdgeRefinerTrainer(config).run();
        var out = spec.commandLine().getOut();
        for (EpochRecord r : result.history()) {
            out.printf(Locale.ROOT, "epoch %d loss=%.4f val_iou=%.4f val_mae=%.4f%n", r.epoch(), r.trainLoss(),
                    r.validationIou(), r.validationMae());
        }
        out.printf(Locale.ROOT, "best val_iou=%.4f (coarse masks %.4f); refiner in %s%n", result.bestIou(),
                result.coarseIou(), output);
        out.flush();
        return 0;
    }
}
