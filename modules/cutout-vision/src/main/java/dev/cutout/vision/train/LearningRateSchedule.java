package dev.cutout.vision.train;

import ai.djl.training.tracker.Tracker;

/**
 * Linear warm-up, then cosine decay to 5% of the peak over the whole run. It counts updates
 * from an offset so that a resumed run continues the curve where the checkpoint left it
 * (the optimizer's own counter starts again at zero after a restart).
 */
public final class LearningRateSchedule implements Tracker {

    private final float peak;
    private final int warmupSteps;
    private final int totalSteps;
    private final int offset;

    public LearningRateSchedule(float peak, int warmupSteps, int totalSteps, int offset) {
        this.peak = peak;
        this.warmupSteps = Math.max(1, warmupSteps);
        this.totalSteps = Math.max(this.warmupSteps + 1, totalSteps);
        this.offset = offset;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return at(numUpdate + offset);
    }

    float at(int step) {
        if (step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        double progress = Math.min(1.0, (step - warmupSteps) / (double) (totalSteps - warmupSteps));
        double floor = 0.05;
        return (float) (peak * (floor + (1 - floor) * 0.5 * (1 + Math.cos(Math.PI * progress))));
    }
}
