package dev.cutout.vision.verify;

import dev.cutout.vision.data.PairFolder;
import java.nio.file.Path;
import java.util.List;

/**
 * How a verifier is trained.
 *
 * @param folders          labelled image/mask folders the segmenter was trained on
 * @param trainPhotos      photos per folder from the segmenter's training groups (0 = all)
 * @param calibrationPhotos photos per folder from the segmenter's held-out groups (0 = all), for model
 *                         selection and the publish thresholds
 * @param damagedPerPhoto  damaged masks per training photo, besides the segmenter's own
 * @param epochs           passes over the training samples
 * @param batchSize        samples per step
 * @param learningRate     Adam's peak learning rate (warm-up, then cosine decay)
 * @param clusters         product clusters (k of k-means)
 * @param targetPrecision  share of auto-published masks that must reach {@link QualityLabel#GOOD_IOU}
 * @param confidence       how sure the calibration masks must make it that a threshold reaches the target
 *                         ({@link PrecisionBound}), in {@code [0, 1)}
 * @param version          release number written into the card
 * @param seed             seed of damage, shuffling and clustering
 * @param workDir          where made samples are cached between runs
 * @param outputDir        where the weights and card are written
 */
public record VerifierTrainingConfig(
        List<PairFolder> folders,
        int trainPhotos,
        int calibrationPhotos,
        int damagedPerPhoto,
        int epochs,
        int batchSize,
        float learningRate,
        int clusters,
        double targetPrecision,
        double confidence,
        int version,
        long seed,
        Path workDir,
        Path outputDir) {

    public VerifierTrainingConfig {
        folders = List.copyOf(folders);
        require(!folders.isEmpty(), "at least one training folder is needed");
        require(trainPhotos >= 0 && calibrationPhotos >= 0, "photo limits must not be negative");
        require(damagedPerPhoto >= 0, "damaged masks per photo must not be negative");
        require(epochs > 0 && batchSize > 0, "epochs and batch size must be positive");
        require(learningRate > 0, "learning rate must be positive");
        require(clusters > 0, "at least one cluster is needed");
        require(targetPrecision > 0 && targetPrecision <= 1, "target precision must be in (0,1]");
        require(confidence >= 0 && confidence < 1, "confidence must be in [0,1)");
        require(version > 0, "version must be positive");
    }

    /** The default schedule: about a thousand photos and five thousand masks, minutes per epoch on a CPU core. */
    public static VerifierTrainingConfig defaults(List<PairFolder> folders, Path workDir, Path outputDir) {
        return new VerifierTrainingConfig(folders, 500, 0, 5, 24, 32, 2e-3f, 4, 0.99, 0.9, 1, 11L, workDir,
                outputDir);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
