package dev.cutout.segmenter;

/** A batch a worker has finished: all its outputs acknowledged, or {@code failure} when it could not be. */
public record BatchOutcome(Batch batch, Throwable failure) {

    public boolean succeeded() {
        return failure == null;
    }
}
