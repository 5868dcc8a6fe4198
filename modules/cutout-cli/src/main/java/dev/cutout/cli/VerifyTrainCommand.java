package dev.cutout.cli;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.infer.MaskPredictor;
import dev.cutout.vision.infer.SegmenterModel;
import dev.cutout.vision.mask.RefineOptions;
import dev.cutout.vision.verify.PublishPolicy;
import dev.cutout.vision.verify.VerifierCard;
import dev.cutout.vision.verify.VerifierTrainer;
import dev.cutout.vision.verify.VerifierTrainingConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code cutout verify-train}: trains the verification model on the segmenter's masks of labelled folders. */
@Command(name = "verify-train", mixinStandardHelpOptions = true,
        description = "Trains the verifier: the segmenter's masks of DIR/images with their true IoU plus masks "
                + "damaged on purpose; picks product clusters and publish thresholds on the photos the "
                + "segmenter's training held out.")
final class VerifyTrainCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Folder with images/ and masks/ that the segmenter was trained on; repeatable.")
    List<String> data;

    @Option(names = "--train-photos", defaultValue = "500", paramLabel = "N",
            description = "Photos per folder from the segmenter's training groups (0 = all). Default: ${DEFAULT-VALUE}.")
    int trainPhotos;

    @Option(names = "--calibration-photos", defaultValue = "0", paramLabel = "N",
            description = "Photos per folder from the groups the segmenter held out (0 = all). Default: ${DEFAULT-VALUE}.")
    int calibrationPhotos;

    @Option(names = "--damaged", defaultValue = "5", paramLabel = "N",
            description = "Damaged masks made per training photo. Default: ${DEFAULT-VALUE}.")
    int damaged;

    @Option(names = "--epochs", defaultValue = "24", description = "Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "32", description = "Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--lr", defaultValue = "0.002", description = "Peak Adam learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate;

    @Option(names = "--clusters", defaultValue = "4", paramLabel = "K",
            description = "Product clusters (k-means). Default: ${DEFAULT-VALUE}.")
    int clusters;

    @Option(names = "--target-precision", defaultValue = "0.99", paramLabel = "P",
            description = "Share of auto-published masks that must have IoU >= 0.95. Default: ${DEFAULT-VALUE}.")
    double targetPrecision;

    @Option(names = "--confidence", defaultValue = "0.9", paramLabel = "C",
            description = "How sure the calibration masks must make it that a threshold reaches the target precision"
                    + " (a lower confidence bound; 0 takes the observed precision at face value). Default: ${DEFAULT-VALUE}.")
    double confidence;

    @Option(names = "--release-version", defaultValue = "1", paramLabel = "V",
            description = "Version number written into the card. Default: ${DEFAULT-VALUE}.")
    int version;

    @Option(names = "--work-dir", defaultValue = "runs/verifier/samples",
            description = "Cache of made samples, reused by later runs. Default: ${DEFAULT-VALUE}.")
    Path workDir;

    @Option(names = {"-o", "--output"}, defaultValue = "runs/verifier/release",
            description = "Weights and card. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--seed", defaultValue = "11")
    long seed;

    @Mixin
    ModelOptions segmenter;

    @Override
    public Integer call() throws Exception {
        List<PairFolder> folders = data.stream().map(PairFolder::parse).toList();
        VerifierTrainingConfig config;
        try {
            config = new VerifierTrainingConfig(folders, trainPhotos, calibrationPhotos, damaged, epochs, batchSize,
                    learningRate, clusters, targetPrecision, confidence, version, seed, workDir, output);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        VerifierTrainer.Result result;
        try (SegmenterModel model = segmenter.load();
                MaskPredictor predictor = model.newPredictor(RefineOptions.defaults())) {
            result = new VerifierTrainer(config).run(predictor, model.name() + ":" + model.version());
        }
        PrintWriter out = spec.commandLine().getOut();
        VerifierCard card = result.card();
        for (VerifierCard.Epoch e : card.history()) {
            out.printf(Locale.ROOT,
                    "epoch %d loss=%.4f calibration_loss=%.4f calibration_spearman=%.4f calibration_mae=%.4f%n",
                    e.epoch(), e.trainLoss(), e.calibrationLoss(), e.calibrationSpearman(), e.calibrationMae());
        }
        PublishPolicy policy = card.publishPolicy();
        out.println(threshold(policy.overall()));
        for (PublishPolicy.Threshold t : policy.clusters()) {
            out.println(threshold(t));
        }
        out.printf("verifier %s v%d in %s%n", card.name(), card.version(), output);
        out.flush();
        return 0;
    }

    private static String threshold(PublishPolicy.Threshold t) {
        return String.format(Locale.ROOT,
                "%s threshold=%.4f calibration_masks=%d publish_rate=%.4f precision=%.4f supported=%.4f%s",
                t.cluster() < 0 ? "overall" : "cluster=" + t.cluster() + " (" + t.label() + ")", t.threshold(),
                t.calibrationMasks(), t.publishRate(), t.precision(), t.supported(),
                t.fromOverall() ? " (too few masks: overall)" : "");
    }
}
