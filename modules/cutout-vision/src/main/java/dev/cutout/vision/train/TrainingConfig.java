package dev.cutout.vision.train;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.model.U2NetSize;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a segmenter training run needs. The defaults of the schedule are those of
 * {@code cutout train}.
 *
 * @param folders image/mask folders with sampling weights
 * @param inputSize square network input in training (and the released model's default)
 * @param samplesPerEpoch examples drawn (with the folder weights) per epoch
 * @param cacheSide longest side images are kept at in memory, from which crops are taken
 * @param validationPercent share of each folder's groups held out for per-epoch validation
 * @param validationLimit at most this many held-out images per folder are scored each epoch
 * @param checkpointDir where checkpoints live; a run resumes from it when it holds one
 * @param outputDir where the best model and its card are written
 * @param maxBatches stop after this many batches in total (0 = no limit); for smoke runs
 * @param initialWeights optional .params to start from (fine-tuning the champion)
 */
public record TrainingConfig(
        List<PairFolder> folders,
        U2NetSize size,
        int inputSize,
        int batchSize,
        int epochs,
        int samplesPerEpoch,
        float learningRate,
        int warmupSteps,
        float iouWeight,
        int cacheSide,
        int validationPercent,
        int validationLimit,
        Path checkpointDir,
        Path outputDir,
        long seed,
        int maxBatches,
        Path initialWeights) {

    /**
     * Longest side training photos are held at in memory by default, which leaves room for crops at the
     * input sizes trained here; batch-norm statistics are recomputed from photos held the same way.
     */
    public static final int DEFAULT_CACHE_SIDE = 384;

    public TrainingConfig {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("at least one training folder is needed");
        }
        require(inputSize >= 32 && inputSize % 32 == 0, "input size must be a multiple of 32 and >= 32: " + inputSize);
        require(batchSize >= 1, "batch size must be >= 1");
        require(epochs >= 1, "epochs must be >= 1");
        require(samplesPerEpoch >= batchSize, "samples per epoch must be >= batch size");
        require(learningRate > 0, "learning rate must be positive");
        require(validationPercent >= 0 && validationPercent < 50, "validation percent must be in [0, 50)");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
