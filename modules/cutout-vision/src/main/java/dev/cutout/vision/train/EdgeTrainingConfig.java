package dev.cutout.vision.train;

import dev.cutout.vision.data.PairFolder;
import dev.cutout.vision.infer.EdgeRefiner;
import java.nio.file.Path;
import java.util.List;

/**
 * How an edge refiner is trained.
 *
 * @param folders            image/mask folders (weighted); the same groups the segmenter held out are held out here
 * @param segmenters         the segmenters whose masks it learns from: the first is the one it will serve
 *                           (and is validated with); more, such as earlier snapshots of the same run, add
 *                           the kinds of error a segmenter makes on photos it never saw, which on its own
 *                           training photos are rare. Empty: the shipped default alone
 * @param segmenterInputSize the segmenter's input size, 0 for its card's serving size
 * @param workingSide        the longest side photos are refined at (and training photos are loaded at)
 * @param patchSize          side of the square training patches, in working pixels
 * @param batchSize          patches per batch
 * @param patchesPerImage    patches cut from one image's coarse mask before drawing the next image
 * @param batchesPerEpoch    batches between validations and checkpoints
 * @param epochs             epochs of the whole run (a resumed run continues to this)
 * @param learningRate       Adam's peak learning rate (warm-up, then cosine decay)
 * @param validationLimit    held-out images scored per folder after each epoch
 * @param maxBatches         stop after this many batches in this invocation (0: no limit), for smoke runs
 */
public record EdgeTrainingConfig(List<PairFolder> folders, List<Path> segmenters, int segmenterInputSize, int workingSide,
        int patchSize, int batchSize, int patchesPerImage, int batchesPerEpoch, int epochs, float learningRate,
        int validationLimit, long seed, Path checkpointDir, Path outputDir, int maxBatches) {

    public EdgeTrainingConfig {
        folders = List.copyOf(folders);
        segmenters = List.copyOf(segmenters);
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("at least one training folder is required");
        }
        if (workingSide < 64 || patchSize < 16 || batchSize < 1 || patchesPerImage < 1 || batchesPerEpoch < 1
                || epochs < 1 || !(learningRate > 0) || validationLimit < 0 || maxBatches < 0) {
            throw new IllegalArgumentException("invalid edge-refiner training settings: " + settings());
        }
        if (checkpointDir == null || outputDir == null) {
            throw new IllegalArgumentException("checkpoint and output folders are required");
        }
    }

    /** The settings the default edge refiner was trained with. */
    public static EdgeTrainingConfig defaults(List<PairFolder> folders, Path checkpointDir, Path outputDir) {
        return new EdgeTrainingConfig(folders, List.of(), 0, EdgeRefiner.DEFAULT_WORKING_SIDE, 128, 12, 4, 400, 6, 1e-3f,
                40, 7, checkpointDir, outputDir, 0);
    }

    public EdgeTrainingConfig withSchedule(int batchesPerEpoch, int epochs, int maxBatches) {
        return new EdgeTrainingConfig(folders, segmenters, segmenterInputSize, workingSide, patchSize, batchSize,
                patchesPerImage, batchesPerEpoch, epochs, learningRate, validationLimit, seed, checkpointDir, outputDir,
                maxBatches);
    }

    public EdgeTrainingConfig withSegmenters(List<Path> params, int inputSize) {
        return new EdgeTrainingConfig(folders, params, inputSize, workingSide, patchSize, batchSize, patchesPerImage,
                batchesPerEpoch, epochs, learningRate, validationLimit, seed, checkpointDir, outputDir, maxBatches);
    }

    public EdgeTrainingConfig withPatches(int patchSize, int batchSize) {
        return new EdgeTrainingConfig(folders, segmenters, segmenterInputSize, workingSide, patchSize, batchSize,
                patchesPerImage, batchesPerEpoch, epochs, learningRate, validationLimit, seed, checkpointDir, outputDir,
                maxBatches);
    }

    public EdgeTrainingConfig withValidationLimit(int limit) {
        return new EdgeTrainingConfig(folders, segmenters, segmenterInputSize, workingSide, patchSize, batchSize,
                patchesPerImage, batchesPerEpoch, epochs, learningRate, limit, seed, checkpointDir, outputDir,
                maxBatches);
    }

    private String settings() {
        return "workingSide=" + workingSide + " patchSize=" + patchSize + " batchSize=" + batchSize
                + " patchesPerImage=" + patchesPerImage + " batchesPerEpoch=" + batchesPerEpoch + " epochs=" + epochs
                + " learningRate=" + learningRate + " validationLimit=" + validationLimit + " maxBatches=" + maxBatches;
    }
}
