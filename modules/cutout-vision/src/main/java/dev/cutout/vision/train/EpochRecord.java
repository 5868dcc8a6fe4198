package dev.cutout.vision.train;

/** One epoch of a run: training loss and validation metrics at the training input size. */
public record EpochRecord(int epoch, double trainLoss, double validationIou, double validationMae,
        double validationMaxF, double learningRate, double seconds) {}
